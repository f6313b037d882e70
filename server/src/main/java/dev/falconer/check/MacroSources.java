package dev.falconer.check;

import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * For each macro, the event sources of the rules that use it, directly or through other macros
 * (a macro's fields are checked once per source). A workspace-wide fact: computed once per
 * snapshot and shared by the runs for each of its files, since walking every rule's dependencies
 * costs in proportion to the workspace, not to the file checked.
 */
final class MacroSources {
    private final Map<String, Set<String>> sources;

    private MacroSources(Map<String, Set<String>> sources) {
        this.sources = sources;
    }

    /** @param checksSource whether rules of a source are checked at all (known and configured) */
    static MacroSources of(WorkspaceSnapshot snapshot, Predicate<String> checksSource) {
        Map<String, Set<String>> out = new HashMap<>();
        for (EffectiveRule r : snapshot.merged().rules().values()) {
            if (!checksSource.test(r.source())) {
                continue;
            }
            for (SymbolKey k : snapshot.dependencies().usesTransitively(SymbolKey.rule(r.name()))) {
                if (k.kind() == ItemKind.MACRO) {
                    out.computeIfAbsent(k.name(), n -> new LinkedHashSet<>()).add(r.source());
                }
            }
        }
        out.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return new MacroSources(out);
    }

    /** The sources of the rules using {@code macro}, in rule order; empty when no rule of a known source does. */
    Set<String> of(String macro) {
        return sources.getOrDefault(macro, Set.of());
    }
}

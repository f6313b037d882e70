package dev.falconer.check;

import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The event sources of the rules that use one macro, directly or through other macros (a
 * macro's fields are checked once per source), in rule order. Found from the macro's users in
 * the dependency graph, so it costs what the macro's users cost, not what the workspace holds.
 */
final class MacroSources {
    private MacroSources() {
    }

    /** @param checksSource whether rules of a source are checked at all (known and configured) */
    static List<String> of(WorkspaceSnapshot snapshot, String macro, Predicate<String> checksSource) {
        List<EffectiveRule> users = new ArrayList<>();
        for (SymbolKey k : snapshot.dependencies().affectedBy(Set.of(SymbolKey.macro(macro)))) {
            EffectiveRule r = k.kind() == ItemKind.RULE ? snapshot.merged().rules().get(k.name()) : null;
            if (r != null && checksSource.test(r.source())) {
                users.add(r);
            }
        }
        // the collection's order is the order of first definition, which is the rules' index order
        users.sort(Comparator.comparingInt(EffectiveRule::index));
        Set<String> out = new LinkedHashSet<>();
        users.forEach(r -> out.add(r.source()));
        return List.copyOf(out);
    }
}

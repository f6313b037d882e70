package dev.falconer.check;

import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.SnapshotLineage;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The macros and rules whose checks can report into some files: the text Falco parses for a
 * macro or rule copies characters from its own entries and from the lists substituted into it,
 * so those are the items named in the files, and the direct users of the lists defined there
 * (and of the lists that hold those lists as items). Found from the files' entries and the dependency graph, so
 * checking one file costs what that file touches, not what the workspace holds. A superset is
 * harmless: each validator still keeps only what touches the files. The names found for some
 * files are kept while the snapshots descend by steps that change no one's uses (names, lists
 * and who uses them stay the same, see {@link SnapshotLineage}).
 */
final class Candidates {
    private static final int MAX_KEPT = 256;

    /** The candidates' names in index order, found at the snapshot of lineage id {@code at}. */
    private record Found(long at, List<String> macros, List<String> rules) {
    }

    private final Map<Set<String>, Found> kept = new ConcurrentHashMap<>();

    CheckContext.Candidates reportingInto(WorkspaceSnapshot snapshot, SnapshotFacts facts, Set<String> uris) {
        SnapshotLineage lineage = snapshot.lineage();
        Found found = kept.get(uris);
        if (found == null || !lineage.descendsFrom(found.at(), true)) {
            CheckContext.Candidates now = find(snapshot, facts, uris);
            found = new Found(lineage.id(), now.macros().stream().map(EffectiveMacro::name).toList(),
                    now.rules().stream().map(EffectiveRule::name).toList());
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(uris, found);
            return now;
        }
        if (found.at() != lineage.id()) {
            kept.put(uris, new Found(lineage.id(), found.macros(), found.rules()));
        }
        // steps keep every index, so the order holds
        List<EffectiveMacro> macros = new ArrayList<>(found.macros().size());
        for (String name : found.macros()) {
            macros.add(snapshot.merged().macros().get(name));
        }
        List<EffectiveRule> rules = new ArrayList<>(found.rules().size());
        for (String name : found.rules()) {
            rules.add(snapshot.merged().rules().get(name));
        }
        return new CheckContext.Candidates(macros, rules);
    }

    static CheckContext.Candidates find(WorkspaceSnapshot snapshot, SnapshotFacts facts, Set<String> uris) {
        Set<String> macroNames = new HashSet<>();
        Set<String> ruleNames = new HashSet<>();
        Set<SymbolKey> lists = new HashSet<>();
        for (String uri : uris) {
            RulesDocument doc = facts.document(uri);
            if (doc == null) {
                continue;
            }
            for (RulesItem item : doc.items()) {
                if (!(item instanceof NamedItem n) || n.name() == null) {
                    continue;
                }
                switch (n.kind()) {
                    case MACRO -> macroNames.add(n.name());
                    case RULE -> ruleNames.add(n.name());
                    case LIST -> lists.add(SymbolKey.list(n.name()));
                }
            }
        }
        // the direct users of those lists, and of the lists holding them as items: a list reaches
        // a text only by being substituted into it, itself or inside another list
        ArrayDeque<SymbolKey> todo = new ArrayDeque<>(lists);
        while (!todo.isEmpty()) {
            for (SymbolKey k : snapshot.dependencies().usersOf(todo.pop())) {
                switch (k.kind()) {
                    case LIST -> {
                        if (lists.add(k)) {
                            todo.push(k);
                        }
                    }
                    case MACRO -> macroNames.add(k.name());
                    case RULE -> ruleNames.add(k.name());
                }
            }
        }
        List<EffectiveMacro> macros = new ArrayList<>();
        for (String name : macroNames) {
            EffectiveMacro m = snapshot.merged().macros().get(name);
            if (m != null) {
                macros.add(m);
            }
        }
        List<EffectiveRule> rules = new ArrayList<>();
        for (String name : ruleNames) {
            EffectiveRule r = snapshot.merged().rules().get(name);
            if (r != null) {
                rules.add(r);
            }
        }
        // the collection's order (first definition first) is the index order
        macros.sort(Comparator.comparingInt(EffectiveMacro::index));
        rules.sort(Comparator.comparingInt(EffectiveRule::index));
        return new CheckContext.Candidates(macros, rules);
    }
}

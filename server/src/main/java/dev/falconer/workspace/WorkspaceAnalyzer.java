package dev.falconer.workspace;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.workspace.MergeProblem.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link WorkspaceSnapshot} from documents in load order: merge, symbol table,
 * dependencies, and the name problems Falco reports after merging (undefined or not yet
 * visible macros, macro loops, unused macros and lists). Conditions are parsed with the given
 * parser; the parse cache maps condition text to its AST and may be shared between snapshots.
 */
public final class WorkspaceAnalyzer {
    private final Function<String, ParsedCondition> parser;
    private final Map<String, ParsedCondition> cache;
    /** Parses through {@link #cache}; the snapshots hand it on (see {@link WorkspaceSnapshot#parse}). */
    private final Function<String, ParsedCondition> cachedParser;
    /** Takes a text's AST from {@link #cache} when there, else parses it without keeping it (see {@link WorkspaceSnapshot#parseOnce}). */
    private final Function<String, ParsedCondition> onceParser;
    private final SubstitutionMemo substitutions = new SubstitutionMemo();
    /** The analysis behind the last snapshot; {@code null} before the first. */
    private Analysis last;
    /** Snapshots made incrementally, for tests that must know the incremental path ran. */
    private int incrementalSnapshots;

    /**
     * Names from which a full analysis works out their units side by side: most of analysing a
     * large workspace (60 files, 12,000 names), and each name's unit reads only its own entries
     * and the merged view. Below, one after the other (the official rules have ~1,000).
     */
    static final int PARALLEL_NAMES = 4000;
    private final int parallelFrom;

    public WorkspaceAnalyzer(Function<String, ParsedCondition> parser, Map<String, ParsedCondition> cache) {
        this(parser, cache, PARALLEL_NAMES);
    }

    /** {@code parallelFrom}: see {@link #PARALLEL_NAMES} (tests analyse small workspaces side by side with 0). */
    WorkspaceAnalyzer(Function<String, ParsedCondition> parser, Map<String, ParsedCondition> cache, int parallelFrom) {
        this.parallelFrom = parallelFrom;
        this.parser = parser;
        this.cache = cache;
        this.cachedParser = text -> cache.computeIfAbsent(text, parser);
        this.onceParser = text -> {
            ParsedCondition known = cache.get(text);
            return known != null ? known : parser.apply(text);
        };
    }

    /** An analyzer parsing conditions with the grammar's {@link dev.falconer.condition.ConditionParser}. */
    public WorkspaceAnalyzer() {
        this(dev.falconer.condition.ConditionParser::parse);
    }

    public WorkspaceAnalyzer(Function<String, ParsedCondition> parser) {
        this(parser, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * The snapshot of {@code documents} in load order. After a snapshot of the same files where
     * one document changed without changing which entries exist and what role each plays in the
     * merge (the usual keystroke inside a condition, output or description), only the names of
     * the changed entries are merged and analysed again; the rest is shared with the previous
     * snapshot. Anything else is analysed from scratch. Both give the same snapshot.
     */
    public synchronized WorkspaceSnapshot analyze(List<RulesDocument> documents) {
        if (last != null) {
            try {
                WorkspaceSnapshot s = incremental(documents);
                if (s != null) {
                    incrementalSnapshots++;
                    return s;
                }
            } catch (RuntimeException e) {
                // never expected; the analysis from scratch is always right
                System.err.println("falconer: incremental analysis failed, analysing from scratch: " + e);
            }
        }
        return full(documents);
    }

    synchronized int incrementalSnapshots() {
        return incrementalSnapshots;
    }

    private WorkspaceSnapshot full(List<RulesDocument> documents) {
        last = null;
        RulesMerger.Merge merge = RulesMerger.mergeAll(documents);
        MergedRules merged = merge.merged();
        FalcoConditions falco = new FalcoConditions(merged, substitutions);
        Map<SymbolKey, List<Definition>> byKey = new LinkedHashMap<>();
        for (Definition d : merged.definitions()) {
            byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
        }
        Map<SymbolKey, NameUnit> units = new LinkedHashMap<>();
        if (byKey.size() >= parallelFrom) {
            List<Map.Entry<SymbolKey, List<Definition>>> names = new ArrayList<>(byKey.entrySet());
            List<NameUnit> made = names.parallelStream()
                    .map(e -> NameUnit.of(e.getKey(), e.getValue(), merged, falco, this::names)).toList();
            for (int i = 0; i < names.size(); i++) {
                units.put(names.get(i).getKey(), made.get(i));
            }
        } else {
            byKey.forEach((k, defs) -> units.put(k, NameUnit.of(k, defs, merged, falco, this::names)));
        }
        Analysis a = new Analysis();
        a.documents = List.copyOf(documents);
        a.definitions = merged.definitions();
        a.problemsByDefinition = merge.problemsByDefinition();
        for (int i = 0; i < a.definitions.size(); i++) {
            a.position.put(a.definitions.get(i), i);
        }
        a.lists = merged.lists();
        a.macros = merged.macros();
        a.rules = merged.rules();
        a.merged = merged;
        a.falco = falco;
        a.units = units;
        for (NameUnit u : units.values()) {
            a.add(u);
        }
        falco.listsUsedByLists().forEach(l -> a.listUses.merge(l, 1, Integer::sum));
        a.loops();
        merged.macros().keySet().forEach(a::unusedMacro);
        merged.lists().keySet().forEach(a::unusedList);
        a.dependencies = dependencies(units, null, Map.of(), Map.of());
        a.symbols = symbols(merged, units);
        a.lineage = SnapshotLineage.fresh();
        a.snapshot = a.assemble(cachedParser, onceParser);
        last = a;
        return a.snapshot;
    }

    /** The snapshot after a change that keeps every entry's role, or {@code null} when it does not apply. */
    private WorkspaceSnapshot incremental(List<RulesDocument> documents) {
        Analysis old = last;
        if (documents.size() != old.documents.size()) {
            return null;
        }
        int k = -1;
        for (int i = 0; i < documents.size(); i++) {
            RulesDocument a = old.documents.get(i);
            RulesDocument b = documents.get(i);
            if (a != b) {
                if (k >= 0 || !a.uri().equals(b.uri())) {
                    return null;
                }
                k = i;
            }
        }
        if (k < 0) {
            return old.snapshot;
        }
        List<NamedItem> before = old.namedOf(old.documents.get(k));
        List<NamedItem> after = named(documents.get(k));
        if (before.size() != after.size()) {
            return null;
        }
        // sized for every entry of the file (a keystroke before most of it moves them all): the
        // default size grew through ten resizes per keystroke
        Map<NamedItem, NamedItem> replaced = new IdentityHashMap<>(after.size());
        Set<SymbolKey> affected = new LinkedHashSet<>();
        Set<SymbolKey> edited = new HashSet<>();
        // compared in place: a copy of both texts per keystroke would be most of what it allocates
        String oldText = old.documents.get(k).text();
        String newText = documents.get(k).text();
        Step step = Step.of(k, old.documents.get(k), documents.get(k), oldText, newText);
        for (int i = 0; i < before.size(); i++) {
            NamedItem o = before.get(i);
            NamedItem n = after.get(i);
            if (o != n) {
                if (o.kind() != n.kind() || !o.name().equals(n.name())) {
                    return null;
                }
                replaced.put(o, n);
                SymbolKey key = new SymbolKey(n.kind(), n.name());
                affected.add(key);
                // an entry whose chunk reads the same has the same text at the same place in it
                boolean chunkSame = step != null && (documents.get(k).sameChunkKnown(old.documents.get(k), n.index())
                        || !step.changedItems.contains(n.index()));
                if (!chunkSame && (o.span().length() != n.span().length()
                        || !oldText.regionMatches(o.span().start(), newText, n.span().start(), n.span().length()))) {
                    edited.add(key);
                }
            }
        }
        List<RulesMerger.Entry> entries = new ArrayList<>(affected.size() + 8);
        List<Definition> was = new ArrayList<>(affected.size() + 8);
        for (SymbolKey key : affected) {
            List<Definition> defs = old.units.get(key).definitions();
            for (int j = 0; j < defs.size(); j++) {
                Definition d = defs.get(j);
                entries.add(new RulesMerger.Entry(d.uri(), replaced.getOrDefault(d.item(), d.item())));
                was.add(d);
            }
        }
        int[] sequences = new int[was.size()];
        for (int j = 0; j < sequences.length; j++) {
            Definition d = was.get(j);
            sequences[j] = d.role() == Definition.Role.REJECTED ? RulesMerger.UNRECORDED : d.sequence();
        }
        RulesMerger.Merge merge = RulesMerger.remerge(entries, sequences);
        List<Definition> now = merge.merged().definitions();
        if (now.size() != was.size()) {
            return null;
        }
        for (int j = 0; j < now.size(); j++) {
            Definition a = was.get(j);
            Definition b = now.get(j);
            if (a.role() != b.role() || a.sequence() != b.sequence()) {
                return null;
            }
            if (entries.get(j).item() == a.item()
                    && !merge.problemsByDefinition().get(j).equals(old.problemsByDefinition.get(old.position.get(a)))) {
                return null;
            }
        }
        for (SymbolKey key : affected) {
            boolean had = effective(old.lists, old.macros, old.rules, key) != null;
            MergedRules m = merge.merged();
            if (had != (effective(m.lists(), m.macros(), m.rules(), key) != null)) {
                return null;
            }
            // a list may only move: its items' texts are in every condition that names it
            if (key.kind() == ItemKind.LIST && had && !sameTexts(old.lists.get(key.name()), m.lists().get(key.name()))) {
                return null;
            }
        }
        WorkspaceSnapshot s = commit(old, documents, affected, edited, entries, was, merge, step);
        old.remember(documents.get(k), after);
        return old.snapshot = s;
    }

    private static Object effective(Map<String, EffectiveList> lists, Map<String, EffectiveMacro> macros,
                                    Map<String, EffectiveRule> rules, SymbolKey key) {
        return switch (key.kind()) {
            case LIST -> lists.get(key.name());
            case MACRO -> macros.get(key.name());
            default -> rules.get(key.name());
        };
    }

    private static boolean sameTexts(EffectiveList a, EffectiveList b) {
        return a.index() == b.index() && a.visibility() == b.visibility() && sameTexts(a.items(), b.items());
    }

    private static boolean sameTexts(List<SourcedValue> a, List<SourcedValue> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return a == null && b == null;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Objects.equals(a.get(i).text(), b.get(i).text()) || !sameTexts(a.get(i).items(), b.get(i).items())) {
                return false;
            }
        }
        return true;
    }

    /** Applies a verified re-merge of the {@code affected} names to {@code a} (which becomes the new analysis). */
    private WorkspaceSnapshot commit(Analysis a, List<RulesDocument> documents, Set<SymbolKey> affected,
                                     Set<SymbolKey> edited, List<RulesMerger.Entry> entries, List<Definition> was,
                                     RulesMerger.Merge merge, Step step) {
        List<Definition> definitions = new ArrayList<>(a.definitions);
        List<List<MergeProblem>> problems = new ArrayList<>(a.problemsByDefinition);
        Map<SymbolKey, List<Definition>> byKey = new HashMap<>();
        boolean problemsChanged = false;
        // was holds each affected name's definitions together, in the order of affected
        int j = 0;
        for (SymbolKey key : affected) {
            Definition[] mine = new Definition[a.units.get(key).definitions().size()];
            for (int k = 0; k < mine.length; k++, j++) {
                Definition d = was.get(j);
                if (entries.get(j).item() != d.item()) {
                    int at = a.position.remove(d);
                    Definition n = merge.merged().definitions().get(j);
                    definitions.set(at, n);
                    List<MergeProblem> p = merge.problemsByDefinition().get(j);
                    problemsChanged |= !(p.isEmpty() && problems.get(at).isEmpty());
                    problems.set(at, p);
                    a.position.put(n, at);
                    d = n;
                }
                mine[k] = d;
            }
            byKey.put(key, List.of(mine));
        }
        Map<String, EffectiveList> lists = new HashMap<>();
        Map<String, EffectiveMacro> macros = new HashMap<>();
        Map<String, EffectiveRule> rules = new HashMap<>();
        for (SymbolKey key : affected) {
            EffectiveList l = key.kind() == ItemKind.LIST ? merge.merged().lists().get(key.name()) : null;
            if (l != null) {
                lists.put(key.name(), l);
            }
            EffectiveMacro m = key.kind() == ItemKind.MACRO ? merge.merged().macros().get(key.name()) : null;
            EffectiveRule r = key.kind() == ItemKind.RULE ? merge.merged().rules().get(key.name()) : null;
            if (m != null) {
                macros.put(key.name(), m);
            } else if (r != null) {
                rules.put(key.name(), r);
            }
        }
        boolean usersChanged = false;
        if (step != null) {
            for (SymbolKey key : step.changedNames) {
                EffectiveRule before = key.kind() == ItemKind.RULE ? a.rules.get(key.name()) : null;
                EffectiveRule after = rules.get(key.name());
                usersChanged |= before != null && after != null && !java.util.Objects.equals(before.source(), after.source());
            }
        }
        a.documents = List.copyOf(documents);
        a.definitions = definitions;
        a.problemsByDefinition = problems;
        a.lists = PatchedMap.patch(a.lists, lists);
        a.macros = PatchedMap.patch(a.macros, macros);
        a.rules = PatchedMap.patch(a.rules, rules);
        List<MergeProblem> mergeProblems = a.merged.problems();
        if (problemsChanged) {
            mergeProblems = new ArrayList<>();
            problems.forEach(mergeProblems::addAll);
        }
        MergedRules merged = new MergedRules(definitions, a.lists, a.macros, a.rules, mergeProblems);
        // moved lists keep their texts but not their places: conditions substituting them are redone
        Set<String> moved = a.falco.compiledWith(lists.keySet());
        Set<String> changedMacros = new HashSet<>(macros.keySet());
        Set<String> changedRules = new HashSet<>(rules.keySet());
        for (String l : moved) {
            for (SymbolKey user : a.listUsers.getOrDefault(l, Set.of())) {
                (user.kind() == ItemKind.MACRO ? changedMacros : changedRules).add(user.name());
            }
        }
        FalcoConditions falco = new FalcoConditions(merged, a.falco, moved, changedMacros, changedRules);
        Map<SymbolKey, NameUnit> fresh = new HashMap<>();
        Map<SymbolKey, Set<SymbolKey>> usesBefore = new HashMap<>();
        Map<SymbolKey, Set<SymbolKey>> usesAfter = new HashMap<>();
        for (SymbolKey key : affected) {
            NameUnit before = a.units.get(key);
            // entries that only moved keep what they use; their references follow them lazily
            boolean onlyMoved = !edited.contains(key) && before.nameProblems().isEmpty();
            fresh.put(key, onlyMoved ? NameUnit.moved(before, byKey.get(key), merged, falco, this::names)
                    : NameUnit.of(key, byKey.get(key), merged, falco, this::names));
        }
        a.merged = merged;
        a.falco = falco;
        boolean loops = false;
        Set<String> recheckMacros = new LinkedHashSet<>();
        Set<String> recheckLists = new LinkedHashSet<>();
        for (SymbolKey key : affected) {
            NameUnit before = a.units.get(key);
            NameUnit after = fresh.get(key);
            // only the names whose uses differ: the others change nothing in the reverse index
            if (before.uses() != after.uses() && !before.uses().equals(after.uses())) {
                usesBefore.put(key, before.uses());
                usesAfter.put(key, after.uses());
            }
            if (!sameUses(before, after)) {
                a.remove(before, recheckMacros, recheckLists);
                a.add(after, recheckMacros, recheckLists);
            }
            if (key.kind() == ItemKind.MACRO) {
                loops |= !before.macroEdges().equals(after.macroEdges()) || a.onLoops.contains(key.name());
                recheckMacros.add(key.name());
            } else if (key.kind() == ItemKind.LIST) {
                recheckLists.add(key.name());
            }
        }
        a.units = PatchedMap.patch(a.units, fresh);
        if (step != null) {
            for (SymbolKey key : step.changedNames) {
                usersChanged |= usesBefore.containsKey(key);
            }
        }
        a.lineage = step == null ? SnapshotLineage.fresh()
                : SnapshotLineage.step(a.lineage, documents.get(step.document).uri(), step.changedItems,
                step.changedNames, usersChanged);
        if (loops) {
            a.loops();
        }
        recheckMacros.forEach(a::unusedMacro);
        recheckLists.forEach(a::unusedList);
        a.dependencies = dependencies(a.units, a.dependencies, usesBefore, usesAfter);
        SymbolTable previousSymbols = a.symbols;
        a.symbols = symbols(merged, a.units);
        a.symbols.sameNamesAs(previousSymbols);
        return a.assemble(cachedParser, onceParser);
    }

    /**
     * True when taking {@code before} out of the counts and putting {@code after} in would change
     * nothing: a name whose entries only moved shares what it uses with its earlier unit and has
     * no name problems (their places are redone by the caller all the same).
     */
    private static boolean sameUses(NameUnit before, NameUnit after) {
        return before.nameProblems().isEmpty() && after.nameProblems().isEmpty()
                && before.usedMacros() == after.usedMacros() && before.usedLists() == after.usedLists()
                && before.macroEdges() == after.macroEdges();
    }

    private static List<NamedItem> named(RulesDocument doc) {
        List<NamedItem> out = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            if (item instanceof NamedItem n && n.name() != null) {
                out.add(n);
            }
        }
        return out;
    }

    private List<ConditionNames.Name> names(SourcedText text) {
        return ConditionNames.of(cachedParser.apply(text.text()));
    }

    private static Dependencies dependencies(Map<SymbolKey, NameUnit> units, Dependencies previous,
                                             Map<SymbolKey, Set<SymbolKey>> usesBefore,
                                             Map<SymbolKey, Set<SymbolKey>> usesAfter) {
        return new Dependencies(k -> unit(units, k) == null ? Set.of() : unit(units, k).uses(), () -> {
            Map<SymbolKey, Set<SymbolKey>> all = new LinkedHashMap<>();
            units.forEach((k, u) -> all.put(k, u.uses()));
            return all;
        }, k -> unit(units, k) == null ? Set.of() : unit(units, k).files(), previous, usesBefore, usesAfter);
    }

    private static NameUnit unit(Map<SymbolKey, NameUnit> units, SymbolKey key) {
        return units.get(key);
    }

    /** The symbol table, its references in the order a single pass over the workspace finds them. */
    private static SymbolTable symbols(MergedRules merged, Map<SymbolKey, NameUnit> units) {
        return new SymbolTable(merged::definitions, () -> references(merged, units),
                k -> unit(units, k) == null ? null : unit(units, k).definitions());
    }

    private static NameUnit.References refs(Map<SymbolKey, NameUnit> units, SymbolKey key) {
        return units.get(key).references().get();
    }

    private static List<SymbolReference> references(MergedRules merged, Map<SymbolKey, NameUnit> units) {
        List<SymbolReference> refs = new ArrayList<>();
        merged.macros().keySet().forEach(m -> refs.addAll(refs(units, SymbolKey.macro(m)).conditionRefs()));
        merged.rules().keySet().forEach(r -> refs.addAll(refs(units, SymbolKey.rule(r)).conditionRefs()));
        List<Definition> defs = merged.definitions();
        int[] local = new int[defs.size()];
        Map<SymbolKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < local.length; i++) {
            local[i] = seen.merge(defs.get(i).key(), 1, Integer::sum) - 1;
        }
        for (int i = 0; i < local.length; i++) {
            refs.addAll(refs(units, defs.get(i).key()).supersededRefs().get(local[i]));
        }
        for (int i = 0; i < local.length; i++) {
            refs.addAll(refs(units, defs.get(i).key()).valueRefs().get(local[i]));
        }
        for (int i = 0; i < local.length; i++) {
            if (local[i] > 0) {
                refs.add(refs(units, defs.get(i).key()).redefinitionRefs().get(local[i] - 1));
            }
        }
        return refs;
    }

    /**
     * The analysis behind the last snapshot, kept to analyse the next one incrementally. Mutable,
     * used under the analyzer's lock; what a snapshot holds is never mutated afterwards.
     */
    private static final class Analysis {
        List<RulesDocument> documents;
        List<Definition> definitions;
        List<List<MergeProblem>> problemsByDefinition;
        final Map<Definition, Integer> position = new IdentityHashMap<>();
        Map<String, EffectiveList> lists;
        Map<String, EffectiveMacro> macros;
        Map<String, EffectiveRule> rules;
        MergedRules merged;
        FalcoConditions falco;
        Map<SymbolKey, NameUnit> units;
        Dependencies dependencies;
        SymbolTable symbols;
        WorkspaceSnapshot snapshot;
        SnapshotLineage lineage;
        /** Name problems of conditions, by the index of the macro or rule (Falco's collection order). */
        final TreeMap<Integer, List<MergeProblem>> macroProblems = new TreeMap<>();
        final TreeMap<Integer, List<MergeProblem>> ruleProblems = new TreeMap<>();
        /** Visible macro references between macros. */
        final Map<String, Set<String>> edges = new HashMap<>();
        List<MergeProblem> loopProblems = List.of();
        Set<String> onLoops = Set.of();
        /** How many names use each macro / list (lists used by lists count once). */
        final Map<String, Integer> macroUses = new HashMap<>();
        final Map<String, Integer> listUses = new HashMap<>();
        /** The macros and rules each list is substituted into. */
        final Map<String, Set<SymbolKey>> listUsers = new HashMap<>();
        final TreeMap<Integer, MergeProblem> unusedMacros = new TreeMap<>();
        final TreeMap<Integer, MergeProblem> unusedLists = new TreeMap<>();
        /** The last edited document's entries, compared with its next version. */
        private RulesDocument edited;
        private List<NamedItem> editedNamed;

        void remember(RulesDocument doc, List<NamedItem> named) {
            edited = doc;
            editedNamed = named;
        }

        List<NamedItem> namedOf(RulesDocument doc) {
            return doc == edited ? editedNamed : named(doc);
        }


        void add(NameUnit u) {
            add(u, new HashSet<>(), new HashSet<>());
        }

        void add(NameUnit u, Set<String> flippedMacros, Set<String> flippedLists) {
            if (!u.nameProblems().isEmpty()) {
                (u.key().kind() == ItemKind.MACRO ? macroProblems : ruleProblems).put(index(u.key()), u.nameProblems());
            }
            if (u.key().kind() == ItemKind.MACRO && !u.macroEdges().isEmpty()) {
                edges.put(u.key().name(), u.macroEdges());
            }
            u.usedMacros().forEach(m -> {
                if (macroUses.merge(m, 1, Integer::sum) == 1) {
                    flippedMacros.add(m);
                }
            });
            u.usedLists().forEach(l -> {
                listUsers.computeIfAbsent(l, x -> new HashSet<>()).add(u.key());
                if (listUses.merge(l, 1, Integer::sum) == 1) {
                    flippedLists.add(l);
                }
            });
        }

        void remove(NameUnit u, Set<String> flippedMacros, Set<String> flippedLists) {
            if (!u.nameProblems().isEmpty()) {
                (u.key().kind() == ItemKind.MACRO ? macroProblems : ruleProblems).remove(index(u.key()));
            }
            if (u.key().kind() == ItemKind.MACRO) {
                edges.remove(u.key().name());
            }
            u.usedMacros().forEach(m -> {
                if (macroUses.merge(m, -1, Integer::sum) == 0) {
                    macroUses.remove(m);
                    flippedMacros.add(m);
                }
            });
            u.usedLists().forEach(l -> {
                listUsers.getOrDefault(l, new HashSet<>()).remove(u.key());
                if (listUses.merge(l, -1, Integer::sum) == 0) {
                    listUses.remove(l);
                    flippedLists.add(l);
                }
            });
        }

        private int index(SymbolKey key) {
            return key.kind() == ItemKind.MACRO ? macros.get(key.name()).index() : rules.get(key.name()).index();
        }

        void unusedMacro(String name) {
            EffectiveMacro m = macros.get(name);
            if (m == null) {
                return;
            }
            unusedMacros.remove(m.index());
            if (!macroUses.containsKey(name)) {
                List<MergeProblem> p = new ArrayList<>(1);
                NameUnit.problem(p, Kind.UNUSED_MACRO, m.contributions(), null, name);
                p.forEach(x -> unusedMacros.put(m.index(), x));
            }
        }

        void unusedList(String name) {
            EffectiveList l = lists.get(name);
            if (l == null) {
                return;
            }
            unusedLists.remove(l.index());
            if (!listUses.containsKey(name)) {
                List<MergeProblem> p = new ArrayList<>(1);
                NameUnit.problem(p, Kind.UNUSED_LIST, l.contributions(), null, name);
                p.forEach(x -> unusedLists.put(l.index(), x));
            }
        }

        /** Macro loops over visible references; reported once per macro on a cycle. */
        void loops() {
            List<MergeProblem> problems = new ArrayList<>();
            Set<String> on = new HashSet<>();
            Map<String, Integer> components = MacroCycles.of(edges);
            for (String start : macros.keySet()) {
                Integer component = components.get(start);
                List<String> cycle = component == null ? null
                        : findCycle(start, edges, n -> component.equals(components.get(n)));
                if (cycle != null) {
                    List<String> args = new ArrayList<>();
                    args.add(start);
                    args.addAll(cycle);
                    on.add(start);
                    NameUnit.problem(problems, Kind.MACRO_REFERENCE_LOOP, macros.get(start).contributions(), null,
                            args.toArray(String[]::new));
                }
            }
            loopProblems = List.copyOf(problems);
            onLoops = Set.copyOf(on);
        }

        WorkspaceSnapshot assemble(Function<String, ParsedCondition> parser, Function<String, ParsedCondition> once) {
            List<MergeProblem> problems = new ArrayList<>(merged.problems());
            macroProblems.values().forEach(problems::addAll);
            ruleProblems.values().forEach(problems::addAll);
            problems.addAll(loopProblems);
            problems.addAll(unusedMacros.values());
            problems.addAll(unusedLists.values());
            return new WorkspaceSnapshot(documents, merged, falco, symbols, dependencies, problems, lineage, parser,
                    once);
        }
    }

    /**
     * What one document's change did to the chunks of its entries, when it is a lineage step (see
     * {@link SnapshotLineage}): the same number of entries, and only macro and rule entries (of
     * the same name before and after) whose chunk text differs. {@code null} otherwise.
     */
    private record Step(int document, Set<Integer> changedItems, Set<SymbolKey> changedNames) {
        static Step of(int document, RulesDocument before, RulesDocument after, String oldText, String newText) {
            List<RulesItem> was = before.items();
            List<RulesItem> now = after.items();
            if (was.size() != now.size()) {
                return null;
            }
            Set<Integer> items = new HashSet<>();
            Set<SymbolKey> names = new HashSet<>();
            for (int i = 0; i < was.size(); i++) {
                RulesItem o = was.get(i);
                RulesItem n = now.get(i);
                // the parser knows the entries an edit only moved: their tail need not be read again
                if (o == n || after.sameChunkKnown(before, i)) {
                    continue;
                }
                dev.falconer.text.TextSpan oc = o.frame().chunk();
                dev.falconer.text.TextSpan nc = n.frame().chunk();
                if (oc.length() == nc.length()
                        && oldText.regionMatches(oc.start(), newText, nc.start(), nc.length())) {
                    continue;
                }
                SymbolKey key = conditionKey(n);
                if (key == null || !key.equals(conditionKey(o))) {
                    return null;
                }
                items.add(i);
                names.add(key);
            }
            return new Step(document, items, names);
        }

        /** The macro or rule an entry defines, {@code null} for any other entry. */
        private static SymbolKey conditionKey(RulesItem item) {
            return item instanceof NamedItem n && n.name() != null
                    && (n.kind() == ItemKind.MACRO || n.kind() == ItemKind.RULE) ? new SymbolKey(n.kind(), n.name()) : null;
        }
    }

    /** The shortest path start -> ... -> start through names {@code within} allows, or {@code null}. */
    private static List<String> findCycle(String start, Map<String, Set<String>> edges,
                                          java.util.function.Predicate<String> within) {
        Map<String, String> parent = new HashMap<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        todo.add(start);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String cur = todo.poll();
            for (String next : edges.getOrDefault(cur, Set.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String at = cur; at != null; at = parent.get(at)) {
                        path.add(0, at);
                    }
                    path.add(start);
                    return path;
                }
                if (within.test(next) && seen.add(next)) {
                    parent.put(next, cur);
                    todo.add(next);
                }
            }
        }
        return null;
    }
}

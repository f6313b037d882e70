package dev.falconer.workspace;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import dev.falconer.workspace.MergeProblem.Kind;
import dev.falconer.workspace.SymbolReference.Site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private final SubstitutionMemo substitutions = new SubstitutionMemo();

    public WorkspaceAnalyzer(Function<String, ParsedCondition> parser, Map<String, ParsedCondition> cache) {
        this.parser = parser;
        this.cache = cache;
    }

    /** An analyzer parsing conditions with the grammar's {@link dev.falconer.condition.ConditionParser}. */
    public WorkspaceAnalyzer() {
        this(dev.falconer.condition.ConditionParser::parse);
    }

    public WorkspaceAnalyzer(Function<String, ParsedCondition> parser) {
        this(parser, new java.util.concurrent.ConcurrentHashMap<>());
    }

    public WorkspaceSnapshot analyze(List<RulesDocument> documents) {
        MergedRules merged = RulesMerger.merge(documents);
        FalcoConditions falco = new FalcoConditions(merged, substitutions);
        List<SymbolReference> refs = new ArrayList<>();
        List<MergeProblem> problems = new ArrayList<>(merged.problems());
        Map<SymbolKey, Set<SymbolKey>> uses = new LinkedHashMap<>();
        Map<String, Set<String>> macroEdges = new LinkedHashMap<>();
        Set<String> usedMacros = new HashSet<>();

        for (EffectiveMacro m : merged.macros().values()) {
            SymbolKey from = SymbolKey.macro(m.name());
            for (ConditionNames.Name n : names(m.condition())) {
                Location loc = m.condition().locateFirst(n.span().start(), n.span().end());
                if (n.kind() == ItemKind.MACRO) {
                    uses(uses, from).add(SymbolKey.macro(n.name()));
                    EffectiveMacro target = merged.macros().get(n.name());
                    if (target == null) {
                        problem(problems, Kind.UNDEFINED_MACRO, m.contributions(), loc, n.name());
                    } else if (target.index() >= m.visibility()) {
                        problem(problems, Kind.MACRO_NOT_VISIBLE, m.contributions(), loc, n.name(),
                                target.contributions().get(0).uri());
                        addRef(refs, SymbolKey.macro(n.name()), loc, from);
                    } else {
                        usedMacros.add(n.name());
                        macroEdges.computeIfAbsent(m.name(), k -> new LinkedHashSet<>()).add(n.name());
                        addRef(refs, SymbolKey.macro(n.name()), loc, from);
                    }
                } else {
                    listCandidate(merged, refs, uses, from, n, loc);
                }
            }
        }
        for (EffectiveRule r : merged.rules().values()) {
            SymbolKey from = SymbolKey.rule(r.name());
            if (r.condition() == null) {
                continue;
            }
            for (ConditionNames.Name n : names(r.condition())) {
                Location loc = r.condition().locateFirst(n.span().start(), n.span().end());
                if (n.kind() == ItemKind.MACRO) {
                    uses(uses, from).add(SymbolKey.macro(n.name()));
                    if (merged.macros().containsKey(n.name())) {
                        usedMacros.add(n.name());
                        addRef(refs, SymbolKey.macro(n.name()), loc, from);
                    } else {
                        problem(problems, Kind.UNDEFINED_MACRO, r.contributions(), loc, n.name());
                    }
                } else {
                    listCandidate(merged, refs, uses, from, n, loc);
                }
            }
        }
        supersededConditions(merged, refs);
        listAndExceptionReferences(merged, refs, uses);
        redefinitionReferences(merged, refs);
        falco.listUsage().forEach((k, lists) -> lists.forEach(l -> uses(uses, k).add(SymbolKey.list(l))));

        loops(merged, macroEdges, problems);
        for (EffectiveMacro m : merged.macros().values()) {
            if (!usedMacros.contains(m.name())) {
                problem(problems, Kind.UNUSED_MACRO, m.contributions(), null, m.name());
            }
        }
        Set<String> usedLists = falco.usedLists();
        for (EffectiveList l : merged.lists().values()) {
            if (!usedLists.contains(l.name())) {
                problem(problems, Kind.UNUSED_LIST, l.contributions(), null, l.name());
            }
        }
        Map<SymbolKey, Set<String>> files = new HashMap<>();
        for (Definition d : merged.definitions()) {
            files.computeIfAbsent(d.key(), k -> new LinkedHashSet<>()).add(d.uri());
        }
        return new WorkspaceSnapshot(documents, merged, falco, new SymbolTable(merged.definitions(), refs),
                new Dependencies(uses, files), problems);
    }

    private List<ConditionNames.Name> names(SourcedText text) {
        return ConditionNames.of(cache.computeIfAbsent(text.text(), parser));
    }

    private static Set<SymbolKey> uses(Map<SymbolKey, Set<SymbolKey>> uses, SymbolKey from) {
        return uses.computeIfAbsent(from, k -> new LinkedHashSet<>());
    }

    private static void listCandidate(MergedRules merged, List<SymbolReference> refs, Map<SymbolKey, Set<SymbolKey>> uses,
                                      SymbolKey from, ConditionNames.Name n, Location loc) {
        if (merged.lists().containsKey(n.name())) {
            uses(uses, from).add(SymbolKey.list(n.name()));
            addRef(refs, SymbolKey.list(n.name()), loc, from);
        }
    }

    private static void addRef(List<SymbolReference> refs, SymbolKey target, Location loc, SymbolKey from) {
        if (loc != null) {
            refs.add(new SymbolReference(target, loc, Site.CONDITION, from));
        }
    }

    /** Conditions no longer part of any effective text (replaced later) still show their references. */
    private void supersededConditions(MergedRules merged, List<SymbolReference> refs) {
        Set<ScalarOrigin> effective = new HashSet<>();
        merged.macros().values().forEach(m -> effective.addAll(m.condition().origins()));
        merged.rules().values().forEach(r -> {
            if (r.condition() != null) {
                effective.addAll(r.condition().origins());
            }
        });
        for (Definition d : merged.definitions()) {
            YamlScalar cond = d.item() instanceof MacroItem m && m.condition() != null ? m.condition().scalar()
                    : d.item() instanceof RuleItem r && r.condition() != null ? r.condition().scalar() : null;
            if (cond == null) {
                continue;
            }
            ScalarOrigin origin = new ScalarOrigin(d.uri(), cond);
            if (effective.contains(origin)) {
                continue;
            }
            SourcedText text = SourcedText.of(origin);
            for (ConditionNames.Name n : names(text)) {
                boolean known = n.kind() == ItemKind.MACRO ? merged.macros().containsKey(n.name())
                        : merged.lists().containsKey(n.name());
                Location loc = text.locateFirst(n.span().start(), n.span().end());
                if (known && loc != null) {
                    refs.add(new SymbolReference(new SymbolKey(n.kind(), n.name()), loc, Site.CONDITION, d.key()));
                }
            }
        }
    }

    private static void listAndExceptionReferences(MergedRules merged, List<SymbolReference> refs,
                                                   Map<SymbolKey, Set<SymbolKey>> uses) {
        for (Definition d : merged.definitions()) {
            if (d.item() instanceof ListItem l) {
                for (YamlScalar s : l.itemScalars()) {
                    if (merged.lists().containsKey(s.value()) && !s.value().equals(l.name())) {
                        refs.add(new SymbolReference(SymbolKey.list(s.value()), new Location(d.uri(), s.span()),
                                Site.LIST_ITEM, d.key()));
                        uses(uses, d.key()).add(SymbolKey.list(s.value()));
                    }
                }
            } else if (d.item() instanceof RuleItem r) {
                for (ExceptionSpec spec : r.exceptionSpecs()) {
                    if (spec.values() == null) {
                        continue;
                    }
                    List<YamlScalar> scalars = new ArrayList<>();
                    flatten(spec.values().value(), scalars);
                    for (YamlScalar s : scalars) {
                        if (merged.lists().containsKey(s.value())) {
                            refs.add(new SymbolReference(SymbolKey.list(s.value()), new Location(d.uri(), s.span()),
                                    Site.EXCEPTION_VALUE, d.key()));
                            uses(uses, d.key()).add(SymbolKey.list(s.value()));
                        }
                    }
                }
            }
        }
    }

    private static void flatten(YamlValue v, List<YamlScalar> out) {
        if (v instanceof YamlScalar s) {
            out.add(s);
        } else if (v instanceof YamlSequence seq) {
            seq.items().forEach(i -> flatten(i, out));
        }
    }

    private static void redefinitionReferences(MergedRules merged, List<SymbolReference> refs) {
        Set<SymbolKey> seen = new HashSet<>();
        for (Definition d : merged.definitions()) {
            if (!seen.add(d.key())) {
                refs.add(new SymbolReference(d.key(), d.nameLocation(), Site.REDEFINITION, null));
            }
        }
    }

    /** Macro loops over visible references; reported once per macro on a cycle. */
    private static void loops(MergedRules merged, Map<String, Set<String>> edges, List<MergeProblem> problems) {
        for (String start : merged.macros().keySet()) {
            List<String> cycle = findCycle(start, edges);
            if (cycle != null) {
                List<String> args = new ArrayList<>();
                args.add(start);
                args.addAll(cycle);
                EffectiveMacro m = merged.macros().get(start);
                problem(problems, Kind.MACRO_REFERENCE_LOOP, m.contributions(), null, args.toArray(String[]::new));
            }
        }
    }

    /** The path start -> ... -> start, or {@code null} when start is on no cycle. */
    private static List<String> findCycle(String start, Map<String, Set<String>> edges) {
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
                if (seen.add(next)) {
                    parent.put(next, cur);
                    todo.add(next);
                }
            }
        }
        return null;
    }

    /** A name problem located at {@code loc}, or at the name of the item's defining entry. */
    private static void problem(List<MergeProblem> problems, Kind kind, List<Definition> contributions, Location loc,
                                String... args) {
        Definition owner = defining(contributions);
        if (owner == null) {
            return;
        }
        if (loc != null) {
            // the entry whose text holds the problem, e.g. an append in another file
            for (Definition d : contributions) {
                if (d.uri().equals(loc.uri()) && d.item().span().contains(loc.span().start())) {
                    owner = d;
                }
            }
        }
        Location at = loc != null ? loc : owner.nameLocation();
        NamedItem item = owner.item();
        problems.add(new MergeProblem(kind, at.uri(), item, at.span(), List.of(args)));
    }

    /** The entry that last set the item's content (the definition a reader looks at). */
    private static Definition defining(List<Definition> contributions) {
        Definition best = null;
        for (Definition d : contributions) {
            if (d.role() == Definition.Role.DEFINE || d.role() == Definition.Role.OVERRIDE || best == null) {
                best = d;
            }
        }
        return best;
    }
}

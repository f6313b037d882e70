package dev.falconer.workspace;

import dev.falconer.rules.RulesDocument;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.ItemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.Map;

/**
 * Everything known about the workspace at one moment: the documents in load order, the merged
 * collection, the texts Falco parses, the symbol table, the dependency graph, and the problems
 * of merging and resolving names (no message texts: see {@link MergeProblem}), and how it relates
 * to the snapshots before it ({@link SnapshotLineage}).
 */
public record WorkspaceSnapshot(List<RulesDocument> documents, MergedRules merged, FalcoConditions falco,
                                SymbolTable symbols, Dependencies dependencies, List<MergeProblem> problems,
                                SnapshotLineage lineage, Function<String, ParsedCondition> parser,
                                Function<String, ParsedCondition> onceParser) {
    public WorkspaceSnapshot {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    /**
     * {@code text} parsed as a condition, through the parse cache the analysis used: the conditions
     * of the workspace's files are already there, so a hover or an expansion does not parse again.
     */
    public ParsedCondition parse(String text) {
        return parser.apply(text);
    }

    /**
     * {@code text} parsed for the caller alone: taken from the parse cache when there, else parsed
     * and not kept. For the texts a check assembles (macros expanded, lists substituted): one per
     * macro and rule, large, and parsed again only when they change, which makes a new text.
     */
    public ParsedCondition parseOnce(String text) {
        return onceParser.apply(text);
    }

    /** The document of {@code uri}, or {@code null} when it is not part of the load order. */
    public RulesDocument document(String uri) {
        for (RulesDocument d : documents) {
            if (d.uri().equals(uri)) {
                return d;
            }
        }
        return null;
    }

    /** Problems located in one file. */
    public List<MergeProblem> problemsIn(String uri) {
        return problems.stream().filter(p -> p.uri().equals(uri)).toList();
    }

    /** Problems grouped by file. */
    public Map<String, List<MergeProblem>> problemsByUri() {
        return problems.stream().collect(java.util.stream.Collectors.groupingBy(MergeProblem::uri,
                java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    /**
     * The event sources of the rules using {@code macro}, directly or through other macros, in
     * the order of their first rules; only sources {@code counted} accepts.
     */
    public List<String> sourcesOfRulesUsing(String macro, Predicate<String> counted) {
        List<EffectiveRule> users = new ArrayList<>();
        for (SymbolKey k : dependencies.affectedBy(Set.of(SymbolKey.macro(macro)))) {
            EffectiveRule r = k.kind() == ItemKind.RULE ? merged.rules().get(k.name()) : null;
            if (r != null && counted.test(r.source())) {
                users.add(r);
            }
        }
        users.sort(Comparator.comparingInt(EffectiveRule::index));
        Set<String> out = new LinkedHashSet<>();
        users.forEach(r -> out.add(r.source()));
        return List.copyOf(out);
    }
}

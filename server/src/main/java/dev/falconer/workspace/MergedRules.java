package dev.falconer.workspace;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The collection Falco builds from all files in load order: every definition entry, the
 * effective lists, macros and rules in Falco's collection order (first definition first), and
 * the problems met while merging.
 */
public record MergedRules(List<Definition> definitions, Map<String, EffectiveList> lists,
                          Map<String, EffectiveMacro> macros, Map<String, EffectiveRule> rules,
                          List<MergeProblem> problems) {
    public MergedRules {
        definitions = List.copyOf(definitions);
        lists = Collections.unmodifiableMap(lists);
        macros = Collections.unmodifiableMap(macros);
        rules = Collections.unmodifiableMap(rules);
        problems = List.copyOf(problems);
    }
}

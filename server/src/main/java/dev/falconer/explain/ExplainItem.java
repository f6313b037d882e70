package dev.falconer.explain;

import dev.falconer.condition.ParsedCondition;

/** Something that can be explained: a rule or a macro, already parsed. */
public sealed interface ExplainItem permits RuleDoc, MacroDoc {
    String name();

    ParsedCondition condition();

    /** The YAML comment right above the item (its author's documentation), or {@code null}. */
    String comment();
}

package dev.falconer.explain;

import dev.falconer.condition.ParsedCondition;

/** A macro as the explainer sees it; {@code comment} is the YAML comment above it, or {@code null}. */
public record MacroDoc(String name, ParsedCondition condition, String comment) implements ExplainItem {
}

package dev.falconer.explain;

import dev.falconer.condition.ParsedCondition;
import java.util.List;

/**
 * A rule as the explainer sees it. Text keys are {@code null} when absent; {@code source} is the
 * rule's event source ({@code syscall} when the rule does not say); {@code tags} in Falco's order
 * (sorted, as it keeps them in a set).
 */
public record RuleDoc(String name, ParsedCondition condition, String desc, String output, String priority,
                      String source, List<ExceptionDoc> exceptions, String comment, boolean enabled,
                      List<String> tags) implements ExplainItem {
    public RuleDoc {
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An enabled rule without tags. */
    public RuleDoc(String name, ParsedCondition condition, String desc, String output, String priority, String source,
                   List<ExceptionDoc> exceptions, String comment) {
        this(name, condition, desc, output, priority, source, exceptions, comment, true, List.of());
    }
}

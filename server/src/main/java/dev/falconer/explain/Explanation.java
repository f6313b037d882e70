package dev.falconer.explain;

import java.util.List;
import java.util.Locale;

/**
 * The explanation of one rule or macro in one language: its condition as a tree of clauses,
 * its exceptions, and for rules what they report. Rendered by {@link SummaryRenderer} and
 * {@link MarkdownRenderer}. Text fields are {@code null} when the item has none; a macro has no tags.
 */
public record Explanation(Locale locale, Kind kind, String name, Clause condition, List<ExceptionClause> exceptions,
                          String desc, String comment, OutputSummary output, String priority, String source,
                          boolean enabled, List<String> tags) {

    public enum Kind { RULE, MACRO }

    public Explanation {
        exceptions = List.copyOf(exceptions);
        tags = List.copyOf(tags);
    }

    /** A rule whose condition never holds as written (a switch placeholder turns it off). */
    public boolean neverFires() {
        return kind == Kind.RULE && Constants.value(condition).equals(java.util.Optional.of(false));
    }
}

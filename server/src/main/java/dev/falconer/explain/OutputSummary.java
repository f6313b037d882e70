package dev.falconer.explain;

import java.util.List;

/**
 * What a rule reports: the message its output starts with, as literal text ({@link PhraseArg.Text})
 * and the fields written inside it ({@code Shell %proc.name started}), or empty when the output
 * starts with a field; and every field it prints.
 */
public record OutputSummary(List<PhraseArg> message, List<PhraseArg> fields) {
    public OutputSummary {
        message = List.copyOf(message);
        fields = List.copyOf(fields);
    }
}

package dev.falconer.explain;

import java.util.List;

/** What a rule reports: the fixed text its output starts with, and the fields it prints. */
public record OutputSummary(String message, List<PhraseArg> fields) {
    public OutputSummary {
        fields = List.copyOf(fields);
    }
}

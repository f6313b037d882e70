package dev.falconer.workspace;

import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A list item, exception field, comp or value as the merge keeps it: its text, the scalar it
 * was read from ({@code null} for a nested sequence) and, for an inline list, its elements
 * ({@code null} for a single value).
 */
public record SourcedValue(String text, ScalarOrigin origin, List<SourcedValue> items) {
    public SourcedValue {
        items = items == null ? null : List.copyOf(items);
    }

    public boolean isList() {
        return items != null;
    }

    public static SourcedValue of(String uri, YamlValue value) {
        if (value instanceof YamlSequence seq) {
            List<SourcedValue> items = new ArrayList<>();
            for (YamlValue v : seq.items()) {
                items.add(of(uri, v));
            }
            return new SourcedValue(null, null, items);
        }
        if (value instanceof YamlScalar s) {
            return new SourcedValue(s.value(), new ScalarOrigin(uri, s), null);
        }
        return new SourcedValue("", null, null);
    }

    /** The text with its provenance, for assembling conditions. */
    public SourcedText sourced() {
        return origin == null ? SourcedText.synthetic(text == null ? "" : text) : SourcedText.of(origin);
    }
}

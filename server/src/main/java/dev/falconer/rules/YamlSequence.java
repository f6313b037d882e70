package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.List;

/** A block ({@code - a}) or flow ({@code [a, b]}) sequence. */
public record YamlSequence(List<YamlValue> items, boolean flow, TextSpan span) implements YamlValue {
    public YamlSequence {
        items = List.copyOf(items);
    }
}

package dev.falconer.condition;

import java.util.List;

/** A parenthesised list of values {@code (a, "b c", 3)}; may be empty. */
public record ValueList(List<Value> values, Span span) implements Rhs {
    public ValueList {
        values = List.copyOf(values);
    }
}

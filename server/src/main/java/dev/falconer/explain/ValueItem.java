package dev.falconer.explain;

import java.util.List;

/** One value in a value set: a literal, or a reference to a list (with its items, nested lists expanded). */
public sealed interface ValueItem {

    record Literal(String text) implements ValueItem {
    }

    record ListRef(String name, List<String> items) implements ValueItem {
        public ListRef {
            items = List.copyOf(items);
        }
    }
}

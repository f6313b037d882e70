package dev.falconer.explain;

import java.util.List;

/** Detail the markdown shows under a clause: what a value means, or what a list holds. */
public sealed interface ValueNote {

    record Gloss(String value, String text) implements ValueNote {
    }

    record ListItems(String name, List<String> items) implements ValueNote {
        public ListItems {
            items = List.copyOf(items);
        }
    }
}

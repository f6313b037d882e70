package dev.falconer.workspace;

import java.util.List;

/**
 * A list after all definitions and appends: its raw items in order (before the one-level
 * expansion of list names), Falco's {@code index} (sequence of its first definition) and
 * {@code visibility} (sequence of its last definition or append).
 */
public record EffectiveList(String name, List<SourcedValue> items, int index, int visibility,
                            List<Definition> contributions) {
    public EffectiveList {
        items = List.copyOf(items);
        contributions = List.copyOf(contributions);
    }
}

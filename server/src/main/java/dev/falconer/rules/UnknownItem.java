package dev.falconer.rules;

/** A mapping entry with none of the item keys: Falco warns and ignores it. */
public record UnknownItem(ItemFrame frame, YamlMapping mapping) implements MappedItem {
}

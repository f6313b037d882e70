package dev.falconer.rules;

/** {@code - required_engine_version: <v>}. */
public record EngineVersionItem(ItemFrame frame, YamlMapping mapping, YamlEntry version) implements MappedItem {
}

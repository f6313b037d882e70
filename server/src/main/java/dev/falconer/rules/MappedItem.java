package dev.falconer.rules;

/** An item that is a YAML mapping; {@code mapping()} gives every key and value with ranges. */
public sealed interface MappedItem extends RulesItem
        permits NamedItem, EngineVersionItem, PluginVersionsItem, UnknownItem {
    YamlMapping mapping();
}

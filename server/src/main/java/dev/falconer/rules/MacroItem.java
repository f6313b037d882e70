package dev.falconer.rules;

/** {@code - macro: name} with its condition. Absent keys are {@code null}. */
public record MacroItem(ItemFrame frame, YamlMapping mapping, YamlEntry nameEntry, YamlEntry condition,
                        YamlEntry append, OverrideSpec override) implements NamedItem {
    @Override
    public ItemKind kind() {
        return ItemKind.MACRO;
    }
}

package dev.falconer.rules;

import java.util.ArrayList;
import java.util.List;

/** {@code - list: name} with its items. Absent keys are {@code null}. */
public record ListItem(ItemFrame frame, YamlMapping mapping, YamlEntry nameEntry, YamlEntry items,
                       YamlEntry append, OverrideSpec override) implements NamedItem {
    @Override
    public ItemKind kind() {
        return ItemKind.LIST;
    }

    /**
     * The scalar elements of {@code items} in order (nested sequences, which Falco rejects, and
     * YAML nulls are left out); empty when {@code items} is absent or not a sequence.
     */
    public List<YamlScalar> itemScalars() {
        List<YamlScalar> out = new ArrayList<>();
        if (items != null && items.value() instanceof YamlSequence seq) {
            for (YamlValue v : seq.items()) {
                if (v instanceof YamlScalar s && !s.isNull()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}

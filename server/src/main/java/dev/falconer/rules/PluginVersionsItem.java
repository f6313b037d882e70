package dev.falconer.rules;

import java.util.ArrayList;
import java.util.List;

/** {@code - required_plugin_versions: [...]}; malformed entries are left out of {@code requirements}. */
public record PluginVersionsItem(ItemFrame frame, YamlMapping mapping, YamlEntry entry,
                                 List<PluginRequirement> requirements) implements MappedItem {
    public PluginVersionsItem {
        requirements = List.copyOf(requirements);
    }

    /** One {@code {name, version, alternatives}} requirement; absent keys are {@code null}. */
    public record PluginRequirement(YamlMapping node, YamlEntry name, YamlEntry version,
                                    List<PluginRequirement> alternatives) {
        public PluginRequirement {
            alternatives = List.copyOf(alternatives);
        }

        static List<PluginRequirement> listOf(YamlValue value) {
            List<PluginRequirement> out = new ArrayList<>();
            if (value instanceof YamlSequence seq) {
                for (YamlValue v : seq.items()) {
                    if (v instanceof YamlMapping m) {
                        YamlEntry alt = m.get("alternatives");
                        out.add(new PluginRequirement(m, m.get("name"), m.get("version"),
                                alt == null ? List.of() : listOf(alt.value())));
                    }
                }
            }
            return out;
        }
    }
}

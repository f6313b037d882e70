package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.List;

/** A block or flow mapping; entries in document order, duplicates kept. */
public record YamlMapping(List<YamlEntry> entries, boolean flow, TextSpan span) implements YamlValue {
    public YamlMapping {
        entries = List.copyOf(entries);
    }

    /** The first entry whose key is the scalar {@code key}, or {@code null}. */
    public YamlEntry get(String key) {
        for (YamlEntry e : entries) {
            if (key.equals(e.keyText())) {
                return e;
            }
        }
        return null;
    }

    public boolean has(String key) {
        return get(key) != null;
    }
}

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
        // indexed: an iterator per lookup was a tenth of what re-classifying moved items allocated
        for (int i = 0; i < entries.size(); i++) {
            YamlEntry e = entries.get(i);
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

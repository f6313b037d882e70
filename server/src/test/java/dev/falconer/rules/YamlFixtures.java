package dev.falconer.rules;

import java.util.ArrayList;
import java.util.List;

/** Walks a parsed document to collect every scalar. */
final class YamlFixtures {
    private YamlFixtures() {
    }

    static List<YamlScalar> scalars(RulesDocument doc) {
        List<YamlScalar> out = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            if (item instanceof MappedItem m) {
                collect(m.mapping(), out);
            }
        }
        return out;
    }

    static void collect(YamlValue v, List<YamlScalar> out) {
        if (v instanceof YamlScalar s) {
            out.add(s);
        } else if (v instanceof YamlSequence q) {
            q.items().forEach(i -> collect(i, out));
        } else if (v instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                collect(e.key(), out);
                collect(e.value(), out);
            }
        }
    }

    static YamlScalar value(RulesDocument doc, String key) {
        for (RulesItem item : doc.items()) {
            if (item instanceof MappedItem m && m.mapping().get(key) != null) {
                return m.mapping().get(key).scalar();
            }
        }
        throw new AssertionError("no key " + key);
    }
}

package dev.falconer.navigate;

import dev.falconer.rules.MappedItem;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlMapping;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import dev.falconer.text.TextSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * The YAML nodes of an item that hold an offset, outermost first: the entries ({@code key: value})
 * and values on the way down to the innermost scalar. Used to find the scalar under a cursor and
 * to grow a selection from it.
 */
record YamlPath(List<Step> steps) {

    /** One node on the way down: an entry (key and value together) or a value. */
    record Step(TextSpan span, YamlEntry entry, YamlValue value) {
    }

    static YamlPath at(RulesItem item, int offset) {
        List<Step> steps = new ArrayList<>();
        if (item instanceof MappedItem m) {
            descend(m.mapping(), offset, steps);
        }
        return new YamlPath(steps);
    }

    private static void descend(YamlValue value, int offset, List<Step> out) {
        if (!value.span().touches(offset)) {
            return;
        }
        out.add(new Step(value.span(), null, value));
        if (value instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                if (e.span().touches(offset)) {
                    out.add(new Step(e.span(), e, null));
                    if (e.key().span().touches(offset) && !e.value().span().touches(offset)) {
                        out.add(new Step(e.key().span(), e, e.key()));
                    } else {
                        descend(e.value(), offset, out);
                    }
                    return;
                }
            }
        } else if (value instanceof YamlSequence s) {
            for (YamlValue v : s.items()) {
                if (v.span().touches(offset)) {
                    descend(v, offset, out);
                    return;
                }
            }
        }
    }

    /** The innermost scalar, or {@code null}. */
    YamlScalar scalar() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).value() instanceof YamlScalar s) {
                return s;
            }
        }
        return null;
    }

    /** The innermost entry, or {@code null}. */
    YamlEntry entry() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).entry() != null) {
                return steps.get(i).entry();
            }
        }
        return null;
    }
}

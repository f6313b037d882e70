package dev.falconer.service;

import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.MappedItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.PluginVersionsItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlMapping;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an offset falls in the YAML of a rules file: which item, and inside it which key or
 * which scalar value, with the chain of entries leading there ({@code path}, outermost first,
 * so {@code [exceptions, fields]} for a field name inside an exception).
 */
public record YamlCursor(RulesDocument document, int offset, RulesItem item, Place place, List<YamlEntry> path,
                         YamlScalar scalar) {

    public enum Place {
        /** Outside every item. */
        TOP_LEVEL,
        /** On a key ({@code path}'s last entry). */
        KEY,
        /** On a scalar value of {@code path}'s last entry (a sequence element counts as the entry's value). */
        VALUE,
        /** Inside an item but on no key or value (indentation, blank space). */
        ITEM_BODY
    }

    public YamlCursor {
        path = List.copyOf(path);
    }

    public static YamlCursor locate(RulesDocument document, int offset) {
        RulesItem item = document.itemAt(offset);
        if (item == null) {
            return new YamlCursor(document, offset, null, Place.TOP_LEVEL, List.of(), null);
        }
        if (item instanceof MappedItem m) {
            List<YamlEntry> path = new ArrayList<>();
            YamlCursor hit = descend(document, offset, item, m.mapping(), path);
            if (hit != null) {
                return hit;
            }
        }
        return new YamlCursor(document, offset, item, Place.ITEM_BODY, List.of(), null);
    }

    private static YamlCursor descend(RulesDocument doc, int offset, RulesItem item, YamlMapping mapping,
            List<YamlEntry> path) {
        for (YamlEntry e : mapping.entries()) {
            if (e.keySpan().touches(offset)) {
                path.add(e);
                return new YamlCursor(doc, offset, item, Place.KEY, path, null);
            }
            if (!e.valueSpan().touches(offset)) {
                continue;
            }
            path.add(e);
            YamlCursor inner = inValue(doc, offset, item, e.value(), path);
            if (inner != null) {
                return inner;
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    private static YamlCursor inValue(RulesDocument doc, int offset, RulesItem item, YamlValue value,
            List<YamlEntry> path) {
        if (value instanceof YamlScalar s) {
            return new YamlCursor(doc, offset, item, Place.VALUE, path, s);
        }
        if (value instanceof YamlMapping m) {
            return descend(doc, offset, item, m, path);
        }
        if (value instanceof YamlSequence seq) {
            for (YamlValue v : seq.items()) {
                if (v.span().touches(offset)) {
                    YamlCursor inner = inValue(doc, offset, item, v, path);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    /** The entry the cursor is on or in, or {@code null}. */
    public YamlEntry entry() {
        return path.isEmpty() ? null : path.get(path.size() - 1);
    }

    /** The key of {@link #entry()}, or {@code null}. */
    public String key() {
        YamlEntry e = entry();
        return e == null ? null : e.keyText();
    }

    /** The key of the outermost entry: the item-level key. */
    public String itemKey() {
        return path.isEmpty() ? null : path.get(0).keyText();
    }

    /** True when the cursor is on the value of the item's own {@code rule:}/{@code macro:}/{@code list:} name. */
    public boolean onItemName() {
        return place == Place.VALUE && item instanceof NamedItem n && path.size() == 1 && path.get(0) == n.nameEntry();
    }

    /** The spelling of the item's kind used in bundle keys, or {@code null} for unknown/broken items. */
    public static String kindKey(RulesItem item) {
        if (item instanceof RuleItem) {
            return "rule";
        }
        if (item instanceof MacroItem) {
            return "macro";
        }
        if (item instanceof ListItem) {
            return "list";
        }
        if (item instanceof EngineVersionItem) {
            return "required_engine_version";
        }
        if (item instanceof PluginVersionsItem) {
            return "required_plugin_versions";
        }
        return null;
    }
}

package dev.falconer.lsp;

import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.workspace.SymbolKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The macros, lists and rules whose entries differ between two versions of a document. */
final class ChangedNames {
    private ChangedNames() {
    }

    static Set<SymbolKey> between(RulesDocument before, RulesDocument after) {
        Set<SymbolKey> paired = pairwise(before, after);
        return paired != null ? paired : byText(before, after);
    }

    /**
     * The usual keystroke: both versions have the same entries in the same order, and only the
     * texts of a few differ. Entries kept from the older version (the same object, before the
     * edit) are skipped; the others are compared in place, without copying any text. {@code null}
     * when the entries do not pair up.
     */
    private static Set<SymbolKey> pairwise(RulesDocument before, RulesDocument after) {
        if (before == null || after == null || before.items().size() != after.items().size()) {
            return null;
        }
        Set<SymbolKey> changed = new HashSet<>();
        for (int i = 0; i < before.items().size(); i++) {
            RulesItem a = before.items().get(i);
            RulesItem b = after.items().get(i);
            SymbolKey key = key(a);
            if (!Objects.equals(key, key(b))) {
                return null;
            }
            if (key == null || a == b) {
                continue;
            }
            int length = a.span().length();
            if (length != b.span().length()
                    || !before.text().regionMatches(a.span().start(), after.text(), b.span().start(), length)) {
                changed.add(key);
            }
        }
        return changed;
    }

    /** The name an entry defines, or {@code null}. */
    private static SymbolKey key(RulesItem item) {
        return item instanceof NamedItem n && n.name() != null ? new SymbolKey(n.kind(), n.name()) : null;
    }

    /** Each name's entries compared as whole texts: any change of entries. */
    static Set<SymbolKey> byText(RulesDocument before, RulesDocument after) {
        Map<SymbolKey, String> a = entries(before);
        Map<SymbolKey, String> b = entries(after);
        Set<SymbolKey> changed = new HashSet<>();
        for (Map.Entry<SymbolKey, String> e : a.entrySet()) {
            if (!Objects.equals(e.getValue(), b.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (SymbolKey k : b.keySet()) {
            if (!a.containsKey(k)) {
                changed.add(k);
            }
        }
        return changed;
    }

    /** Each name with the text of all its entries in the document. */
    private static Map<SymbolKey, String> entries(RulesDocument doc) {
        Map<SymbolKey, String> out = new HashMap<>();
        if (doc == null) {
            return out;
        }
        for (RulesItem item : doc.items()) {
            SymbolKey key = key(item);
            if (key != null) {
                out.merge(key, item.span().textOf(doc.text()), (x, y) -> x + "\n" + y);
            }
        }
        return out;
    }
}

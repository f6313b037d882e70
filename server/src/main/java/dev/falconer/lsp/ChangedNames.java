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
            if (item instanceof NamedItem n && n.name() != null) {
                out.merge(new SymbolKey(n.kind(), n.name()), item.span().textOf(doc.text()), (x, y) -> x + "\n" + y);
            }
        }
        return out;
    }
}

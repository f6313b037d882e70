package dev.falconer.lsp;

import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.workspace.SymbolKey;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The macros, lists and rules whose entries differ between two versions of a document, or more:
 * every name whose entries (their texts, their number, their order) differ is among them.
 * Entries are compared in place, without copying any text: comparing whole texts per name copied
 * the document twice, and a keystroke that renamed a macro of a 10 MB buffer cost 20 MB.
 */
final class ChangedNames {
    private ChangedNames() {
    }

    /** {@code null} for a version that has no entries (not open, not on disk): all names of the other one. */
    static Set<SymbolKey> between(RulesDocument before, RulesDocument after) {
        return before != null && after != null && before.items().size() == after.items().size()
                ? pairwise(before, after) : aroundTheChange(before, after);
    }

    /**
     * The usual keystroke: both versions have as many entries, and only the texts of a few differ
     * (or the name of one). An entry kept from the older version (the same object: those before the
     * edit) is skipped; the names of both entries of every pair that differs are changed.
     */
    private static Set<SymbolKey> pairwise(RulesDocument before, RulesDocument after) {
        Set<SymbolKey> changed = new HashSet<>();
        for (int i = 0; i < before.items().size(); i++) {
            RulesItem a = before.items().get(i);
            RulesItem b = after.items().get(i);
            if (!same(before, a, after, b)) {
                addName(changed, a);
                addName(changed, b);
            }
        }
        return changed;
    }

    /**
     * Entries added or removed: the entries equal from the start and from the end pair up, and the
     * names of every entry in between, on either side, are changed.
     */
    private static Set<SymbolKey> aroundTheChange(RulesDocument before, RulesDocument after) {
        List<RulesItem> a = before == null ? List.of() : before.items();
        List<RulesItem> b = after == null ? List.of() : after.items();
        int shorter = Math.min(a.size(), b.size());
        int head = 0;
        while (head < shorter && same(before, a.get(head), after, b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < shorter - head && same(before, a.get(a.size() - 1 - tail), after, b.get(b.size() - 1 - tail))) {
            tail++;
        }
        Set<SymbolKey> changed = new HashSet<>();
        for (int i = head; i < a.size() - tail; i++) {
            addName(changed, a.get(i));
        }
        for (int i = head; i < b.size() - tail; i++) {
            addName(changed, b.get(i));
        }
        return changed;
    }

    /** True when the two entries define the same name (or none) with the same text. */
    private static boolean same(RulesDocument before, RulesItem a, RulesDocument after, RulesItem b) {
        if (a == b) {
            return true;
        }
        int length = a.span().length();
        return Objects.equals(key(a), key(b)) && length == b.span().length()
                && before.text().regionMatches(a.span().start(), after.text(), b.span().start(), length);
    }

    private static void addName(Set<SymbolKey> changed, RulesItem item) {
        SymbolKey key = key(item);
        if (key != null) {
            changed.add(key);
        }
    }

    /** The name an entry defines, or {@code null}. */
    private static SymbolKey key(RulesItem item) {
        return item instanceof NamedItem n && n.name() != null ? new SymbolKey(n.kind(), n.name()) : null;
    }
}

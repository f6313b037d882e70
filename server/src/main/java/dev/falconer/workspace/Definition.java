package dev.falconer.workspace;

import dev.falconer.rules.NamedItem;
import dev.falconer.text.TextSpan;

/**
 * One entry of a file that defines, extends or toggles a list, macro or rule, with its place in
 * Falco's load sequence ({@code sequence} is Falco's operation counter; rejected entries get -1).
 */
public record Definition(SymbolKey key, String uri, NamedItem item, Role role, int sequence) {

    public enum Role {
        /** A full definition, or a redefinition replacing the earlier one in place. */
        DEFINE,
        /** Legacy {@code append: true} or {@code override} with only {@code append} operations. */
        APPEND,
        /** {@code override} with at least one {@code replace} operation (lists and macros: a redefinition). */
        OVERRIDE,
        /** A rule entry with only {@code enabled}. */
        ENABLE,
        /** An entry Falco rejects (append/override/enable of a missing item, override conflicts). */
        REJECTED
    }

    public TextSpan nameSpan() {
        return item.nameSpan();
    }

    public Location nameLocation() {
        return new Location(uri, item.nameSpan());
    }

    /** The entry that last set an item's content (the definition a reader looks at), or {@code null} for none. */
    public static Definition defining(java.util.List<Definition> contributions) {
        Definition best = null;
        for (Definition d : contributions) {
            if (d.role() == Role.DEFINE || d.role() == Role.OVERRIDE || best == null) {
                best = d;
            }
        }
        return best;
    }
}

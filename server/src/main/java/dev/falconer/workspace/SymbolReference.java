package dev.falconer.workspace;

/**
 * A use of a list, macro or rule name at an exact place: {@code from} is the item whose text holds
 * it ({@code null} for names of append/override entries, which refer to the item they extend).
 */
public record SymbolReference(SymbolKey target, Location location, Site site, SymbolKey from) {

    public enum Site {
        /** A macro name in boolean position, or a list name among values, in a condition. */
        CONDITION,
        /** A list name among another list's items. */
        LIST_ITEM,
        /** A list name among a rule's exception values. */
        EXCEPTION_VALUE,
        /** The name of an entry that redefines, appends to, overrides or enables an earlier item. */
        REDEFINITION
    }
}

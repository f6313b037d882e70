package dev.falconer.workspace;

import dev.falconer.rules.ItemKind;

/** A name in one of Falco's three namespaces. */
public record SymbolKey(ItemKind kind, String name) {
    public static SymbolKey list(String name) {
        return new SymbolKey(ItemKind.LIST, name);
    }

    public static SymbolKey macro(String name) {
        return new SymbolKey(ItemKind.MACRO, name);
    }

    public static SymbolKey rule(String name) {
        return new SymbolKey(ItemKind.RULE, name);
    }
}

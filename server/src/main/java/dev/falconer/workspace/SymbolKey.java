package dev.falconer.workspace;

import dev.falconer.rules.ItemKind;

/** A name in one of Falco's three namespaces. */
public record SymbolKey(ItemKind kind, String name) {
    // Written out: the generated record methods go through method handles, which C1 (the server's
    // only compiler) does not inline; these keys are hashed and compared a lot on every keystroke.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SymbolKey k && kind == k.kind && java.util.Objects.equals(name, k.name);
    }

    /** The generated record's value ({@code 31 * kind + name}). */
    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(kind) + java.util.Objects.hashCode(name);
    }

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

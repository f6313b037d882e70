package dev.falconer.check;

/**
 * One question a check asked about the workspace beyond the item it checks (does this macro
 * exist, how many items has this list, which engine version does this file require...). A
 * cached unit of diagnostics stays valid while every question it asked gets the same answer from
 * the new snapshot ({@link CheckContext#answer}). Questions name items by name, never by object,
 * so they can be asked of any snapshot.
 */
record WorkspaceRead(Kind kind, String name, String from) {
    enum Kind {
        /** The required engine version of file {@code name}. */
        ENGINE,
        /** Macro {@code name} referenced from macro {@code from} ({@code null}: from a rule). */
        MACRO_REF,
        /** How many items list {@code name} puts into a condition, -1 when no such list. */
        LIST_ARITY,
        /** The names of the defined lists (answered by the near-miss finder kept while they do not change). */
        LIST_NAMES,
        /** The list a bare word {@code name} after {@code in} nearly names, taken literally. */
        NEAR_MISS_LIST,
        /** The event sources of the rules using macro {@code name}, in rule order. */
        MACRO_SOURCES,
        /** The text Falco parses for macro {@code name}, {@code null} when undefined. */
        MACRO_TEXT
    }

    static WorkspaceRead of(Kind kind, String name) {
        return new WorkspaceRead(kind, name, null);
    }

    // written out, as CheckUnits' keys: the generated ones go through method handles (slow in C1 code)
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceRead r && r.kind == kind && java.util.Objects.equals(r.name, name)
                && java.util.Objects.equals(r.from, from);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + java.util.Objects.hashCode(name)) * 31 + java.util.Objects.hashCode(from);
    }
}

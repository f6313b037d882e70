package dev.falconer.explain;

import java.util.List;
import java.util.Optional;

/** The macros and lists an item can see: what a workspace knows, as the explainer needs it. */
public interface ExplainSymbols {

    /** The macro visible under this name, parsed. */
    Optional<MacroDoc> macro(String name);

    /**
     * Falco lets a macro use only the macros first defined before its own last definition
     * (spec §2.11); a rule sees every macro. {@code referrer}: the macro whose condition names {@code name}.
     */
    default boolean macroVisibleFrom(String name, String referrer) {
        return true;
    }

    /** The items of the list of this name, as written (items may name other lists). */
    Optional<List<String>> list(String name);
}

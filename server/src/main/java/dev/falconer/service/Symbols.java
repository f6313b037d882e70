package dev.falconer.service;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.NamedItem;
import dev.falconer.text.TextRange;
import java.util.List;
import java.util.Optional;

/**
 * What hover and completion need to know about macros, lists and rules across the files Falco
 * loads: every definition in load order, and which macros an item may use. The workspace
 * provides the real one; features never look at files themselves.
 */
public interface Symbols {

    /** Every entry that defines, appends to or overrides {@code name}, in load order. */
    List<Definition> definitions(ItemKind kind, String name);

    /** Every name of this kind, sorted. */
    List<String> names(ItemKind kind);

    /**
     * Macros usable from {@code item} of {@code uri}: for a macro, those defined before it (Falco
     * resolves macro references in macros by definition order), for a rule, all of them.
     */
    List<String> macrosVisibleFrom(String uri, NamedItem item);

    /** The condition of a macro with every macro and list it uses substituted, when it can be built. */
    Optional<String> expandedCondition(String macroName);

    /** One entry that names {@code item}: where it is (its name's range), and what it does to the name. */
    record Definition(String uri, NamedItem item, TextRange nameRange, Role role) {
    }

    enum Role { DEFINE, APPEND, REPLACE }
}

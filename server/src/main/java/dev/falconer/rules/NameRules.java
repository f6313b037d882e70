package dev.falconer.rules;

import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names Falco accepts for each kind (spec §5), and which words a list must not be named:
 * the checks warn where Falco does, rename refuses a new name that would not work.
 */
public final class NameRules {
    /** The condition grammar's Identifier: only such macro names can ever be referenced. */
    private static final Pattern MACRO = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    /** The condition grammar's BareStr: what a list name must be to be substituted as a value. */
    private static final Pattern LIST = Pattern.compile("[^()\"'\\s=,\\x0B\\f]+");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "val");

    private NameRules() {
    }

    /** Falco's own test of a macro name (it warns otherwise). */
    public static boolean isMacroName(String name) {
        return name != null && MACRO.matcher(name).matches();
    }

    /** Falco's own test of a list name (it warns otherwise). */
    public static boolean isListName(String name) {
        return name != null && LIST.matcher(name).matches();
    }

    /**
     * A name that works for {@code kind}: Falco's test, and for a list no condition word (which
     * Falco accepts but which would rewrite every condition using the word).
     */
    public static boolean valid(ItemKind kind, String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return switch (kind) {
            case MACRO -> isMacroName(name);
            case LIST -> isListName(name) && !isConditionWord(name);
            case RULE -> !name.isBlank() && name.strip().equals(name) && name.indexOf('\n') < 0;
        };
    }

    /**
     * Keywords, operators and modifiers: Falco substitutes lists as text, so a list named like
     * one of them would rewrite every condition that uses the word.
     */
    public static boolean isConditionWord(String name) {
        return WORDS.contains(name) || Operator.fromText(name).isPresent() || Modifier.fromText(name).isPresent();
    }
}

package dev.falconer.rules;

import dev.falconer.condition.Lexicon;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;

import java.util.Set;

/**
 * Which names Falco accepts for each kind (spec §5), and which words a list must not be named:
 * the checks warn where Falco does, rename refuses a new name that would not work.
 */
public final class NameRules {
    private static final Set<String> WORDS = Set.of("and", "or", "not", "val");

    private NameRules() {
    }

    /*
     * The condition lexer's matchers rather than patterns: the checks ask for every
     * bare word of every condition, and a pattern's matcher ran interpreted on a file's first
     * check (~4 % of it).
     */

    /**
     * Falco's own test of a macro name (it warns otherwise): the condition grammar's Identifier,
     * {@code [a-zA-Z]+[a-zA-Z0-9_]*}; only such macro names can ever be referenced.
     */
    public static boolean isMacroName(String name) {
        return name != null && Lexicon.matchIdentifier(name, 0) == name.length();
    }

    /**
     * Falco's own test of a list name (it warns otherwise): the condition grammar's BareStr,
     * {@code [^()"'\s=,\x0B\f]+}, what a list name must be to be substituted as a value.
     */
    public static boolean isListName(String name) {
        return name != null && Lexicon.matchBare(name, 0) == name.length();
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

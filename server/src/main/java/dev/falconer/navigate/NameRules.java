package dev.falconer.navigate;

import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import dev.falconer.rules.ItemKind;

import java.util.Set;
import java.util.regex.Pattern;

/** Which names Falco accepts for each kind (spec §5), and which words a list must not be named. */
final class NameRules {
    /** The condition grammar's Identifier: only such macro names can ever be referenced. */
    private static final Pattern MACRO = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    /** The condition grammar's BareStr: what a list name must be to be substituted as a value. */
    private static final Pattern LIST = Pattern.compile("[^()\"'\\s=,\\x0B\\f]+");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "val");

    private NameRules() {
    }

    static boolean valid(ItemKind kind, String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return switch (kind) {
            case MACRO -> MACRO.matcher(name).matches();
            case LIST -> LIST.matcher(name).matches() && !isConditionWord(name);
            case RULE -> !name.isBlank() && name.strip().equals(name) && name.indexOf('\n') < 0;
        };
    }

    /**
     * Keywords, operators and modifiers: Falco substitutes lists as text, so a list named like
     * one of them would rewrite every condition that uses the word.
     */
    static boolean isConditionWord(String name) {
        return WORDS.contains(name) || Operator.fromText(name).isPresent() || Modifier.fromText(name).isPresent();
    }
}

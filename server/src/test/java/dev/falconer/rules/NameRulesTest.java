package dev.falconer.rules;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The written-out name tests answer as the grammar's patterns (spec §5) over random words. */
class NameRulesTest {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    private static final Pattern BARE_STR = Pattern.compile("[^()\"'\\s=,\\x0B\\f]+");
    /** Letters, digits and every character the patterns treat apart, with some beyond ASCII. */
    private static final String ALPHABET = "aZ09_.-/()\"'=, \t\n\u000B\f\r\u00e9\u00a0\u3042*[]";

    @Test
    void macroAndListNamesAreThoseOfTheGrammar() {
        Random random = new Random(17);
        for (int k = 0; k < 50_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String word = sb.toString();
            assertEquals(IDENTIFIER.matcher(word).matches(), NameRules.isMacroName(word), "macro name [" + word + "]");
            assertEquals(BARE_STR.matcher(word).matches(), NameRules.isListName(word), "list name [" + word + "]");
        }
        assertFalse(NameRules.isMacroName(null));
        assertFalse(NameRules.isListName(null));
    }
}

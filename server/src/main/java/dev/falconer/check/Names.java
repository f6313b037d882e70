package dev.falconer.check;

import dev.falconer.catalog.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Name rules of spec §5 and "did you mean" suggestions. */
final class Names {
    /** A macro name must be an Identifier of the condition grammar. */
    static final Pattern MACRO = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    /** A list name must be a BareStr of the condition grammar. */
    static final Pattern LIST = Pattern.compile("[^()\"'\\s=,\\x0B\\f]+");

    private Names() {
    }

    /** Up to three names within edit distance 2 of {@code word} (1 for short words), closest first. */
    static List<String> closest(String word, Collection<String> names) {
        if (word == null || word.isEmpty()) {
            return List.of();
        }
        int max = word.length() <= 4 ? 1 : 2;
        return Suggestions.closest(word, names, max, 3).stream().filter(n -> !n.equals(word)).toList();
    }

    /** {@code a, b, c} for a message argument. */
    static String join(Collection<String> names) {
        return String.join(", ", names);
    }
}

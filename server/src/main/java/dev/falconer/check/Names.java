package dev.falconer.check;

import dev.falconer.catalog.Suggestions;
import java.util.Collection;
import java.util.List;

/** "Did you mean" suggestions (the name rules of spec §5 are {@link dev.falconer.rules.NameRules}). */
final class Names {
    private Names() {
    }

    /** Up to three names within edit distance 2 of {@code word} (1 for short words), closest first. */
    static List<String> closest(String word, Collection<String> names) {
        if (word == null || word.isEmpty()) {
            return List.of();
        }
        int max = word.length() <= 4 ? 1 : 2;
        List<String> close = Suggestions.closest(word, names, max, 3);
        return close.isEmpty() ? close : close.stream().filter(n -> !n.equals(word)).toList();
    }

    /** {@code a, b, c} for a message argument. */
    static String join(Collection<String> names) {
        return String.join(", ", names);
    }
}

package dev.falconer.check;

import dev.falconer.catalog.NameIndex;
import dev.falconer.catalog.Suggestions;
import java.util.Collection;
import java.util.List;

/** "Did you mean" suggestions (the name rules of spec §5 are {@link dev.falconer.rules.NameRules}). */
final class Names {
    private Names() {
    }

    /** Up to three names within edit distance 2 of {@code word} (1 for short words), closest first. */
    static List<String> closest(String word, Collection<String> names) {
        return word == null || word.isEmpty() ? List.of()
                : others(word, Suggestions.closest(word, names, bound(word), LIMIT));
    }

    /** {@link #closest(String, Collection)} among the names of {@code index}, for names asked again and again. */
    static List<String> closest(String word, NameIndex index) {
        return word == null || word.isEmpty() ? List.of() : others(word, index.closest(word, bound(word), LIMIT));
    }

    private static final int LIMIT = 3;

    private static int bound(String word) {
        return word.length() <= 4 ? 1 : 2;
    }

    private static List<String> others(String word, List<String> close) {
        return close.isEmpty() ? close : close.stream().filter(n -> !n.equals(word)).toList();
    }

    /** {@code a, b, c} for a message argument. */
    static String join(Collection<String> names) {
        return String.join(", ", names);
    }
}

package dev.falconer.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Is this word a near miss of a defined list?", memoized for one set of list names. The
 * diagnoser keeps the instance while the names do not change, so an edit that touches no list
 * name pays for no edit distance at all.
 */
final class NearLists {
    private final Set<String> names;
    private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();

    NearLists(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    boolean isFor(Set<String> current) {
        return names.equals(current);
    }

    /** The defined list closest to {@code word}, when {@code word} is not itself a list. */
    Optional<String> nearest(String word) {
        return answers.computeIfAbsent(word, w -> {
            if (names.contains(w)) {
                return Optional.empty();
            }
            List<String> close = Names.closest(w, names);
            return close.isEmpty() ? Optional.empty() : Optional.of(close.get(0));
        });
    }
}

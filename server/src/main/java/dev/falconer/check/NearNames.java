package dev.falconer.check;

import dev.falconer.catalog.NameIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Did you mean" among one set of defined names (the lists, or the macros), memoized. The
 * diagnoser keeps the instance while the names do not change, so an edit that touches no name
 * pays for no edit distance at all.
 */
final class NearNames {
    /** Words remembered before the memo starts again: typing keeps bringing new words. */
    private static final int MAX_REMEMBERED = 8192;

    private final Set<String> names;
    private final NameIndex index;
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    NearNames(Set<String> names) {
        this.names = Set.copyOf(names);
        this.index = new NameIndex(this.names);
    }

    boolean isFor(Set<String> current) {
        return names.equals(current);
    }

    /** The names closest to {@code word} (see {@link Names#closest}), none when {@code word} is itself a name. */
    List<String> closest(String word) {
        if (answers.size() > MAX_REMEMBERED) {
            answers.clear();
        }
        return answers.computeIfAbsent(word, w -> names.contains(w) ? List.of() : Names.closest(w, index));
    }

    /** The name closest to {@code word}, when {@code word} is not itself a name. */
    Optional<String> nearest(String word) {
        return closest(word).stream().findFirst();
    }
}

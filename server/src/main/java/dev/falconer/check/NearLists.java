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
    /** The names by length: a word is compared only with names at most 2 characters longer or shorter. */
    private final List<String> byLength;
    private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();

    NearLists(Set<String> names) {
        this.names = Set.copyOf(names);
        this.byLength = this.names.stream().sorted(java.util.Comparator.comparingInt(String::length)).toList();
    }

    /** The index of the first name at least {@code length} long in {@link #byLength}. */
    private int firstOfLength(int length) {
        int lo = 0;
        int hi = byLength.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byLength.get(mid).length() < length) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
            // the names Names.closest would not pass over on their length alone (2 is its widest bound)
            List<String> close = Names.closest(w, byLength.subList(firstOfLength(w.length() - 2),
                    firstOfLength(w.length() + 3)));
            return close.isEmpty() ? Optional.empty() : Optional.of(close.get(0));
        });
    }
}

package dev.falconer.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A fixed set of names, searched for the ones close to a word exactly as
 * {@link Suggestions#closest} finds them, for a set asked many times (every unknown macro of a
 * workspace against all of its macros: thousands of look-alike names made that quadratic).
 * The names are kept sorted and walked as a trie: names that share a prefix share the rows of
 * the distance table for it, and a prefix already farther than the bound from every prefix of
 * the word rules out every name that begins with it (the names after it that share at least
 * that prefix, found on the precomputed common prefix lengths of neighbours).
 */
public final class NameIndex {
    /** Longer words are compared name by name: the walk keeps a table row per character of a name. */
    private static final int MAX_WALKED = 256;

    private final String[] sorted;
    /** {@code shared[i]}: the length of the prefix that names {@code i} and {@code i + 1} share. */
    private final int[] shared;

    public NameIndex(Collection<String> names) {
        this.sorted = names.stream().distinct().sorted().toArray(String[]::new);
        this.shared = new int[Math.max(0, sorted.length - 1)];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = commonPrefix(sorted[i], sorted[i + 1]);
        }
    }

    /** Up to {@code limit} names within {@code maxDistance} of {@code word}, closest first, then by name. */
    public List<String> closest(String word, int maxDistance, int limit) {
        int n = word.length();
        if (n > MAX_WALKED) {
            return Suggestions.closest(word, Arrays.asList(sorted), maxDistance, limit);
        }
        int inf = maxDistance + 1;
        int deepest = n + maxDistance; // a longer name is too far whatever its characters
        int[][] rows = new int[deepest + 1][n + 1];
        for (int[] row : rows) {
            Arrays.fill(row, inf);
        }
        for (int j = 0; j <= Math.min(n, maxDistance); j++) {
            rows[0][j] = j;
        }
        record Scored(String name, int distance) {
        }
        List<Scored> hits = new ArrayList<>();
        int valid = 0; // rows[0..valid] hold the table for the first `valid` characters of the last name walked
        int sharedWith = 0; // the length of the prefix that name shares with the next one to walk
        int i = 0;
        while (i < sorted.length) {
            String name = sorted[i];
            int r = Math.min(valid, sharedWith);
            int last = Math.min(name.length(), deepest);
            boolean tooFar = false;
            while (r < last && !tooFar) {
                r++;
                // the rows of each depth are kept: a cell outside the band is never written, so stays above the bound
                tooFar = Suggestions.row(r > 1 ? rows[r - 2] : null, rows[r - 1], rows[r], r, name, word, maxDistance)
                        > maxDistance;
            }
            valid = r;
            if (!tooFar && name.length() == r && Math.abs(r - n) <= maxDistance && rows[r][n] <= maxDistance) {
                hits.add(new Scored(name, rows[r][n]));
            }
            // past a prefix too far, past every name that begins with it
            int skipBelow = tooFar ? r : 0;
            sharedWith = Integer.MAX_VALUE;
            do {
                sharedWith = i < shared.length ? Math.min(sharedWith, shared[i]) : 0;
                i++;
            } while (i < sorted.length && sharedWith >= skipBelow && skipBelow > 0);
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        hits.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return hits.stream().limit(limit).map(Scored::name).toList();
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && a.charAt(k) == b.charAt(k)) {
            k++;
        }
        return k;
    }
}

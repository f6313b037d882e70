package dev.falconer.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Close names for "did you mean", by Damerau-Levenshtein distance (optimal string alignment). */
public final class Suggestions {

    private Suggestions() {
    }

    /** Up to {@code limit} names within {@code maxDistance} of {@code word}, closest first, then by name. */
    public static List<String> closest(String word, Collection<String> names, int maxDistance, int limit) {
        record Scored(String name, int distance) {
        }
        List<Scored> hits = new ArrayList<>();
        for (String n : names) {
            if (Math.abs(n.length() - word.length()) > maxDistance) {
                continue;
            }
            int d = distance(word, n, maxDistance);
            if (d <= maxDistance) {
                hits.add(new Scored(n, d));
            }
        }
        if (hits.isEmpty()) {
            return List.of(); // most words: no stream is made for them
        }
        hits.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return hits.stream().limit(limit).map(Scored::name).toList();
    }

    /**
     * Optimal string alignment distance, or {@code max + 1} when it exceeds {@code max}. Only the
     * band of cells within {@code max} of the diagonal is computed, in three rolling rows: this
     * runs for every bare word of every condition on each edit.
     */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int inf = max + 1;
        if (Math.abs(n - m) > max) {
            return inf;
        }
        // Each edit brings at most one character into a string, so a word with more than max
        // characters the other lacks is too far: most pairs stop here, before any table is made.
        long ma = characters(a);
        long mb = characters(b);
        if (Long.bitCount(ma & ~mb) > max || Long.bitCount(mb & ~ma) > max) {
            return inf;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, inf);
        }
        for (int i = 1; i <= n; i++) {
            Arrays.fill(cur, inf); // the rolling rows hold older cells outside the band
            if (row(prev2, prev, cur, i, a, b, max) > max) {
                return inf;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * Row {@code i} of the optimal string alignment table of {@code a} (rows) against {@code b}
     * (columns), in the band within {@code max} of the diagonal, from the two rows before it; cells
     * outside the band must already be above {@code max}. Returns the row's least cell.
     */
    static int row(int[] prev2, int[] prev, int[] cur, int i, String a, String b, int max) {
        int inf = max + 1;
        cur[0] = Math.min(i, inf);
        int least = cur[0];
        char ai = a.charAt(i - 1);
        int to = Math.min(b.length(), i + max);
        for (int j = Math.max(1, i - max); j <= to; j++) {
            int cost = ai == b.charAt(j - 1) ? 0 : 1;
            int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                v = Math.min(v, prev2[j - 2] + 1);
            }
            cur[j] = Math.min(v, inf);
            least = Math.min(least, cur[j]);
        }
        return least;
    }

    /** The characters of {@code s} as bits, 64 to a set: characters that share a bit are counted as one (fewer pairs stop early, none wrongly). */
    private static long characters(String s) {
        long bits = 0;
        for (int i = 0; i < s.length(); i++) {
            bits |= 1L << s.charAt(i);
        }
        return bits;
    }
}

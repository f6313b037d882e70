package dev.falconer.catalog;

import java.util.ArrayList;
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
        hits.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return hits.stream().limit(limit).map(Scored::name).toList();
    }

    /** Optimal string alignment distance; stops early (returns {@code max + 1}) once it exceeds {@code max}. */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }
}

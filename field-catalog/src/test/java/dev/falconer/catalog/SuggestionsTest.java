package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    /** The textbook full-matrix optimal string alignment distance. */
    private static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void bandedDistanceAgreesWithTheFullMatrixUpToTheBound() {
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            String a = word(random);
            String b = random.nextBoolean() ? word(random) : mutate(a, random);
            int max = random.nextInt(4);
            int expected = Math.min(reference(a, b), max + 1);
            assertEquals(expected, Suggestions.distance(a, b, max), a + " / " + b + " max " + max);
        }
    }

    @Test
    void pairsWithTooManyCharactersOfTheirOwnStopEarlyAndNoOtherDoes() {
        // a wide alphabet (letters, digits, '.', '_', and characters 64 apart that share a bit)
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-" + (char) ('a' + 64) + (char) ('0' + 64) + "é";
        Random random = new Random(11);
        for (int k = 0; k < 20_000; k++) {
            String a = word(random, alphabet);
            String b = random.nextBoolean() ? word(random, alphabet) : mutate(a, random);
            int max = random.nextInt(4);
            int expected = Math.min(reference(a, b), max + 1);
            assertEquals(expected, Suggestions.distance(a, b, max), a + " / " + b + " max " + max);
        }
    }

    @Test
    void closestKeepsOrderByDistanceThenName() {
        assertEquals(List.of("proc.name", "proc.pname"),
                Suggestions.closest("proc.nme", List.of("proc.pname", "proc.name", "fd.name"), 2, 5));
    }

    private static String word(Random r, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(4)));
        }
        return sb.toString();
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int edits = r.nextInt(4); edits > 0; edits--) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.insert(at, (char) ('a' + r.nextInt(4)));
                case 1 -> { if (sb.length() > 0) sb.deleteCharAt(at); }
                case 2 -> { if (sb.length() > 0) sb.setCharAt(at, (char) ('a' + r.nextInt(4))); }
                default -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return sb.toString();
    }
}

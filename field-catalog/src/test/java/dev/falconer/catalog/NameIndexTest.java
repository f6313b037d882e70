package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameIndexTest {
    private static final String ALPHABET = "abc_.";

    @Test
    void findsWhatTheNameByNameSearchFinds() {
        Random random = new Random(23);
        for (int round = 0; round < 400; round++) {
            // look-alike names with shared prefixes, as generated and real rule sets have them
            List<String> names = new ArrayList<>(); // distinct, as the key sets the checks pass
            int count = random.nextInt(60);
            for (int k = 0; k < count; k++) {
                String name = random.nextInt(3) == 0 || names.isEmpty() ? word(random) : mutate(names.get(random.nextInt(names.size())), random);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            NameIndex index = new NameIndex(names);
            for (int q = 0; q < 50; q++) {
                String w = random.nextBoolean() || names.isEmpty() ? word(random) : mutate(names.get(random.nextInt(names.size())), random);
                int max = random.nextInt(4);
                int limit = 1 + random.nextInt(5);
                assertEquals(Suggestions.closest(w, names, max, limit), index.closest(w, max, limit), w + " in " + names + " max " + max);
            }
        }
    }

    @Test
    void aWordLongerThanTheWalkIsComparedNameByName() {
        String longName = "a".repeat(300);
        NameIndex index = new NameIndex(List.of(longName, longName + "bc", "a"));
        assertEquals(List.of(longName, longName + "bc"), index.closest(longName + "b", 2, 3));
    }

    @Test
    void amongThousandsOfLookAlikesTheClosestComeFirstThenByName() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            names.add(String.format("macro_name_%06d", i));
        }
        NameIndex index = new NameIndex(names);
        assertEquals(List.of("macro_name_000123", "macro_name_000023", "macro_name_000103"),
                index.closest("macro_name_000123x", 2, 3));
        assertEquals(Suggestions.closest("macro_name_00712x", names, 2, 3), index.closest("macro_name_00712x", 2, 3));
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(10);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(5)));
        }
        return sb.toString();
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int op = r.nextInt(4);
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            if (op == 0 || sb.length() < 2) {
                sb.insert(at, ALPHABET.charAt(r.nextInt(5)));
            } else if (op == 1) {
                sb.deleteCharAt(at);
            } else if (op == 2) {
                sb.setCharAt(at, ALPHABET.charAt(r.nextInt(5)));
            } else if (at + 1 < sb.length()) {
                char c = sb.charAt(at);
                sb.setCharAt(at, sb.charAt(at + 1));
                sb.setCharAt(at + 1, c);
            }
        }
        return sb.toString();
    }
}

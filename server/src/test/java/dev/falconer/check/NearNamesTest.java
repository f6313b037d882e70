package dev.falconer.check;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The indexed, memoized search finds what comparing the word with every name finds. */
class NearNamesTest {

    @Test
    void theNearestListIsTheOneAmongAllNames() {
        Random random = new Random(29);
        for (int k = 0; k < 200; k++) {
            Set<String> names = new LinkedHashSet<>();
            while (names.size() < 40) {
                names.add(word(random, 1 + random.nextInt(14)));
            }
            NearNames near = new NearNames(names);
            List<String> all = List.copyOf(names);
            for (int w = 0; w < 30; w++) {
                String word = random.nextBoolean() ? word(random, 1 + random.nextInt(14))
                        : mutate(all.get(random.nextInt(all.size())), random);
                Optional<String> expected = names.contains(word) ? Optional.empty()
                        : Names.closest(word, names).stream().findFirst();
                assertEquals(expected, near.nearest(word), word + " in " + names);
                assertEquals(names.contains(word) ? List.of() : Names.closest(word, names), near.closest(word), word + " in " + names);
            }
        }
    }

    private static String word(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("abcde_".charAt(random.nextInt(6)));
        }
        return sb.toString();
    }

    private static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = random.nextInt(3); i >= 0; i--) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, 'x');
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                default -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, 'b');
                    }
                }
            }
        }
        return sb.toString();
    }
}

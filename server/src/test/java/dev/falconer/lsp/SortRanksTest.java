package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortRanksTest {

    @Test
    void ranksKeepTheOrderOfTheSortTexts() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            List<String> texts = new ArrayList<>();
            for (int n = random.nextInt(400); n > 0; n--) {
                texts.add(random.nextInt(10) == 0 ? null : Integer.toString(random.nextInt(300)) + "_x");
            }
            List<String> ranks = assertOrderKept(texts);
            // the same texts in order, nulls where they were (as completion answers come): the same rank per text
            List<String> sorted = new ArrayList<>(texts.stream().filter(t -> t != null).sorted().toList());
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i) == null) {
                    sorted.add(i, null);
                }
            }
            List<String> sortedRanks = assertOrderKept(sorted);
            for (int a = 0; a < texts.size(); a++) {
                for (int b = 0; b < sorted.size() && texts.get(a) != null; b++) {
                    if (texts.get(a).equals(sorted.get(b))) {
                        assertEquals(ranks.get(a), sortedRanks.get(b), texts.get(a));
                    }
                }
            }
        }
    }

    private static List<String> assertOrderKept(List<String> texts) {
        List<String> ranks = SortRanks.of(texts);
        assertEquals(texts.size(), ranks.size());
        for (int a = 0; a < texts.size(); a++) {
            assertEquals(texts.get(a) == null, ranks.get(a) == null);
            for (int b = 0; b < texts.size() && texts.get(a) != null; b++) {
                if (texts.get(b) != null) {
                    assertEquals(Integer.signum(texts.get(a).compareTo(texts.get(b))),
                            Integer.signum(ranks.get(a).compareTo(ranks.get(b))), texts.get(a) + " " + texts.get(b));
                }
            }
        }
        return ranks;
    }

    @Test
    void ranksAreShort() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            texts.add(String.format("%08d_proc.field%d", 29999000 + i, i));
        }
        List<String> ranks = SortRanks.of(texts);
        assertTrue(ranks.stream().allMatch(r -> r.length() == 2), ranks.toString());
        assertEquals(List.of("0"), SortRanks.of(List.of("only")));
        assertEquals(Arrays.asList(null, "0"), SortRanks.of(Arrays.asList(null, "z")));
    }
}

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
        }
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

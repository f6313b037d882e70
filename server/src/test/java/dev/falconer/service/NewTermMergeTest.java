package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link NewTermProposals#merge} lists two sorted lists as a stable sort of both, one after the other, would. */
class NewTermMergeTest {
    private static CompletionEntry entry(String label, String sortText) {
        return new CompletionEntry(label, CompletionEntry.Kind.FIELD, null, null, label, false, null, sortText, false,
                null);
    }

    @Test
    void equalsTheStableSortOfBoth() {
        Random r = new Random(3);
        for (int round = 0; round < 500; round++) {
            List<CompletionEntry> first = new ArrayList<>();
            List<CompletionEntry> second = new ArrayList<>();
            for (List<CompletionEntry> list : List.of(first, second)) {
                int n = r.nextInt(30);
                for (int i = 0; i < n; i++) {
                    // few distinct sort texts: ties between and within the lists
                    list.add(entry((list == first ? "a" : "b") + i, "r" + r.nextInt(6)));
                }
            }
            List<CompletionEntry> both = new ArrayList<>(first);
            both.addAll(second);
            List<CompletionEntry> expected = both.stream().sorted(Comparator.comparing(CompletionEntry::sortText)).toList();
            List<CompletionEntry> merged = NewTermProposals.merge(
                    first.stream().sorted(Comparator.comparing(CompletionEntry::sortText)).toList(),
                    second.stream().sorted(Comparator.comparing(CompletionEntry::sortText)).toList());
            assertEquals(expected, merged, "round " + round);
        }
    }
}

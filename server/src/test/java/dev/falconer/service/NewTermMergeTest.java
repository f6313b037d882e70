package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NewTermProposals#merge} lists two sorted lists as a stable sort of both, one after the
 * other, would; a macro's context is taken from the widest one kept.
 */
class NewTermMergeTest {
    private static CompletionEntry entry(String label, String sortText) {
        return new CompletionEntry(label, CompletionEntry.Kind.FIELD, null, null, label, false, null, sortText, false,
                null);
    }

    private static java.util.function.Supplier<List<CompletionEntry>> macros(String... names) {
        return () -> java.util.Arrays.stream(names)
                .map(n -> new CompletionEntry(n, CompletionEntry.Kind.MACRO, null, null, n, false, null, "m_" + n, false, null))
                .toList();
    }

    private static final java.util.function.Supplier<List<CompletionEntry>> NOT_BUILT = () -> {
        throw new AssertionError("taken from the widest context, not built");
    };

    /** After a rename, the context that sees as many macros as the kept one replaces it. */
    @Test
    void aMacroContextIsTakenFromTheWidestAfterARename() {
        NewTermProposals kept = new NewTermProposals();
        dev.falconer.catalog.FieldCatalog catalog = dev.falconer.catalog.FieldCatalog.defaults();
        dev.falconer.text.TextRange range = dev.falconer.text.TextRange.of(0, 0, 0, 0);
        java.util.function.Supplier<List<CompletionEntry>> none = List::of;
        java.util.Locale en = java.util.Locale.ENGLISH;
        kept.at(new NewTermProposals.Key(catalog, null, List.of("a", "b", "c"), en), range, macros("a", "b", "c"), none);
        assertEquals(List.of("a", "c"), kept.at(new NewTermProposals.Key(catalog, null, List.of("a", "c"), en), range,
                NOT_BUILT, none).stream().map(CompletionEntry::label).toList());
        // c renamed d: as many macros, built once, then the widest
        kept.at(new NewTermProposals.Key(catalog, null, List.of("a", "b", "d"), en), range, macros("a", "b", "d"), none);
        assertEquals(List.of("b", "d"), kept.at(new NewTermProposals.Key(catalog, null, List.of("b", "d"), en), range,
                NOT_BUILT, none).stream().map(CompletionEntry::label).toList());
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

package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.TextRange;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The proposals where a check starts and nothing is typed yet (after {@code and }, {@code not },
 * {@code (}): every macro the item may use, the fields of its source, {@code not} and the
 * transformers, ~150 entries in order. They are the same at every such cursor of one context, and
 * building and sorting them was most of a completion's work (0.35 of 0.45 ms with the clients'
 * JIT flags), so they are kept for the last few contexts and only placed at each cursor.
 */
final class NewTermProposals {
    /** Contexts kept: rules of a source or two and macros, in one language. */
    private static final int KEPT = 4;

    /** What the proposals depend on: the macros are compared by content (snapshots with the same names share the list). */
    record Key(FieldCatalog catalog, String source, List<String> macros, Locale locale) {
    }

    private final Map<Key, List<CompletionEntry>> kept = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<CompletionEntry>> eldest) {
            return size() > KEPT;
        }
    };

    /** The proposals of {@code key} replacing {@code range}; {@code build} makes them (in order, any range) when not kept. */
    List<CompletionEntry> at(Key key, TextRange range, Supplier<List<CompletionEntry>> build) {
        List<CompletionEntry> sorted;
        synchronized (kept) {
            sorted = kept.get(key);
        }
        if (sorted == null) {
            sorted = List.copyOf(build.get());
            synchronized (kept) {
                kept.put(key, sorted);
            }
        }
        return new Placed(sorted, range);
    }

    /**
     * The kept proposals replacing {@code range}, each placed when read: an answer lists only
     * the first of them (150 of ~900), so placing them all at every cursor was wasted.
     */
    private static final class Placed extends AbstractList<CompletionEntry>
            implements RandomAccess, CompletionEntry.InOrder {
        private final List<CompletionEntry> sorted;
        private final TextRange range;

        Placed(List<CompletionEntry> sorted, TextRange range) {
            this.sorted = sorted;
            this.range = range;
        }

        @Override
        public CompletionEntry get(int index) {
            return sorted.get(index).withReplace(range);
        }

        @Override
        public int size() {
            return sorted.size();
        }
    }
}

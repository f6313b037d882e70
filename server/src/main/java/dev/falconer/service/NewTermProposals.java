package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The proposals where a check starts and nothing is typed yet (after {@code and }, {@code not },
 * {@code (}): the macros, the fields of the source, {@code not} and the transformers, 600-900
 * entries in order. They are the same at every such cursor of one source (a macro sees fewer
 * macros: those are left out as they are placed), and building and sorting them was most of a
 * completion's work (0.35 of 0.45 ms with the clients' JIT flags), so they are kept for the last
 * few sources and languages and only placed at each cursor.
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

    /**
     * The proposals of {@code key} that {@code keep} accepts, replacing {@code range}; {@code build}
     * makes them all (in order, any range) when not kept.
     */
    List<CompletionEntry> at(Key key, TextRange range, Predicate<CompletionEntry> keep,
            Supplier<List<CompletionEntry>> build) {
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
        List<CompletionEntry> out = new ArrayList<>(sorted.size());
        for (CompletionEntry e : sorted) {
            if (keep.test(e)) {
                out.add(e.withReplace(range));
            }
        }
        return out;
    }
}

package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.TextRange;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The proposals where a check starts and nothing is typed yet (after {@code and }, {@code not },
 * {@code (}): every macro the item may use, the fields of its source, {@code not} and the
 * transformers, ~950 entries in order on the official rules. They are the same at every such
 * cursor of one context, and building and sorting them was most of a completion's work (0.35 of
 * 0.45 ms with the clients' JIT flags), so they are kept for the last few contexts and only placed
 * at each cursor.
 */
final class NewTermProposals {
    /** Contexts kept: rules of a source or two and macros, in one language (two are prepared ahead). */
    private static final int KEPT = 6;

    /** What the proposals depend on: the macros are compared by content (snapshots with the same names share the list). */
    record Key(FieldCatalog catalog, String source, List<String> macros, Locale locale) {
        Others others() {
            return new Others(catalog, source, locale);
        }
    }

    /** What the proposals other than the macros depend on. */
    private record Others(FieldCatalog catalog, String source, Locale locale) {
    }

    private final Map<Key, List<CompletionEntry>> kept = lru();
    /**
     * The sorted proposals other than macros ({@code not}, transformers, fields: ~850 of ~950),
     * which contexts of one source share. Each macro of a file sees only the macros above it, so
     * it is a context of its own, which built and sorted all its proposals anew; with these kept,
     * only its macros are (in process, warm: 0.31-0.34 -> 0.22-0.25 ms per macro of
     * {@code falco_rules.yaml}).
     */
    private final Map<Others, List<CompletionEntry>> others = lru();
    /**
     * Per source and language, the sorted macro proposals of the context that saw the most macros
     * so far, and those macros. A context that sees some of them takes its proposals from these:
     * a macro's context was otherwise built entry by entry with code that runs too seldom to be
     * compiled (in process after the warm-up, a session's first completion in a macro of
     * {@code falco_rules.yaml}: 0.35-0.6 ms building ~60 entries, 0.1-0.2 sorting them).
     */
    private final Map<Others, Macros> widest = lru();

    /** Sorted macro proposals and the macros they are of. */
    private record Macros(Set<String> names, List<CompletionEntry> sorted) {
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    /**
     * The proposals of {@code key} replacing {@code range}. When not kept, {@code macros} makes
     * the macros' proposals and {@code notAndFields} the others (each sorted, any range), which
     * are kept per source and language too.
     */
    List<CompletionEntry> at(Key key, TextRange range, Supplier<List<CompletionEntry>> macros,
                             Supplier<List<CompletionEntry>> notAndFields) {
        List<CompletionEntry> sorted;
        synchronized (kept) {
            sorted = kept.get(key);
        }
        if (sorted == null) {
            List<CompletionEntry> rest;
            synchronized (kept) {
                rest = others.get(key.others());
            }
            if (rest == null) {
                rest = List.copyOf(notAndFields.get());
                synchronized (kept) {
                    others.put(key.others(), rest);
                }
            }
            sorted = merge(macros(key, macros), rest);
            synchronized (kept) {
                kept.put(key, sorted);
            }
        }
        return new Placed(sorted, range);
    }

    /**
     * The sorted macro proposals of {@code key}: those of the widest context kept that sees all of
     * its macros, less the others (a stable sort's order holds for any subset), or else built.
     */
    private List<CompletionEntry> macros(Key key, Supplier<List<CompletionEntry>> build) {
        Macros wide;
        synchronized (kept) {
            wide = widest.get(key.others());
        }
        if (wide != null && wide.names().containsAll(key.macros())) {
            Set<String> seen = new HashSet<>(key.macros());
            List<CompletionEntry> out = new ArrayList<>(seen.size());
            for (CompletionEntry e : wide.sorted()) {
                if (seen.contains(e.label())) {
                    out.add(e);
                }
            }
            return out;
        }
        List<CompletionEntry> built = List.copyOf(build.get());
        // a context the kept one does not cover replaces it unless it sees fewer macros: after a
        // macro is renamed, the prepared context that sees them all (as many as before) takes over
        if (wide == null || key.macros().size() >= wide.names().size()) {
            synchronized (kept) {
                widest.put(key.others(), new Macros(Set.copyOf(key.macros()), built));
            }
        }
        return built;
    }

    /**
     * Two lists sorted by sort text, merged; on equal texts {@code first}'s entry comes first. That
     * is the stable sort of {@code first} followed by {@code second}: the order in which the
     * proposals are listed when built together.
     */
    static List<CompletionEntry> merge(List<CompletionEntry> first, List<CompletionEntry> second) {
        CompletionEntry[] out = new CompletionEntry[first.size() + second.size()];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < first.size() && j < second.size()) {
            out[n++] = first.get(i).sortText().compareTo(second.get(j).sortText()) <= 0 ? first.get(i++) : second.get(j++);
        }
        while (i < first.size()) {
            out[n++] = first.get(i++);
        }
        while (j < second.size()) {
            out[n++] = second.get(j++);
        }
        return List.of(out);
    }

    /**
     * The kept proposals replacing {@code range}, each placed when read: an answer lists only
     * the first of them (150 of ~900), so placing them all at every cursor was wasted.
     */
    private static final class Placed extends AbstractList<CompletionEntry>
            implements RandomAccess, CompletionEntry.Placed {
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

        @Override
        public Object kept() {
            return sorted;
        }

        @Override
        public TextRange range() {
            return range;
        }
    }
}

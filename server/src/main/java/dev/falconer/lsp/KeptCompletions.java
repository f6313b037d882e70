package dev.falconer.lsp;

import com.google.gson.Gson;
import dev.falconer.service.CompletionEntry;
import dev.falconer.text.TextPosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;

/**
 * The answers to a new term, kept with their JSON text. Where a new check starts, the proposals
 * are a kept list of hundreds (the fields of the source, the macros in sight, ...), and at a free
 * cursor none of the 150 items it answers carries the cursor: every new term of the same context
 * gets the same items. Making and writing them was most of such an answer's work (in process,
 * warm: 0.1 ms to make the items and 0.33 ms to write them, against 0.08 ms to find the
 * proposals). The latest {@link #KEPT} answers are kept, each tied to its kept list by identity.
 */
final class KeptCompletions {
    /** A rule's context and a few macros' (each macro sees the macros above it: a context each). */
    static final int KEPT = 4;

    /** A kept list, compared by identity, and how the items were made. */
    private record Key(Object kept, boolean documentationOnResolve) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kept == kept && k.documentationOnResolve == documentationOnResolve;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(kept) + Boolean.hashCode(documentationOnResolve);
        }
    }

    private final Map<Key, RememberedList<CompletionItem>> answers = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RememberedList<CompletionItem>> eldest) {
            return size() > KEPT;
        }
    };

    /** As {@link Lsp#completionList}, the items kept when they are those of a kept list at a free cursor. */
    CompletionList completionList(List<CompletionEntry> entries, boolean documentationOnResolve,
            TextPosition freeCursor) {
        RememberedList<CompletionItem> items = kept(entries, documentationOnResolve, freeCursor);
        return items == null ? Lsp.completionList(entries, documentationOnResolve, freeCursor)
                : new RememberedCompletionList(items);
    }

    /**
     * Makes ahead the answer to the proposals {@code prepared} (placed at a free cursor, see
     * {@link dev.falconer.service.FalconerService#prepare}) and its JSON text as {@code gson}
     * writes it: a session's first new term otherwise made them while the user waited (lspprobe,
     * server side: 1.4-2.3 ms to make the items of the first and 0.3-0.8 ms to write them, against
     * 0.5 for a kept answer). The kept items, or {@code null} when such proposals are not kept.
     */
    RememberedList<CompletionItem> prepare(List<CompletionEntry> prepared, boolean documentationOnResolve, Gson gson) {
        if (!(prepared instanceof CompletionEntry.Placed placed)) {
            return null;
        }
        RememberedList<CompletionItem> items = kept(prepared, documentationOnResolve, placed.range().start());
        if (items != null && gson != null) {
            items.json(gson);
        }
        return items;
    }

    /** The kept items of {@code entries}, made and kept if need be; {@code null} when they are not to be kept. */
    private RememberedList<CompletionItem> kept(List<CompletionEntry> entries, boolean documentationOnResolve,
            TextPosition freeCursor) {
        if (entries.size() <= Lsp.MAX_COMPLETION_ITEMS || !(entries instanceof CompletionEntry.Placed placed)
                || freeCursor == null || !freeCursor.equals(placed.range().start())
                || !freeCursor.equals(placed.range().end())) {
            return null;
        }
        Key key = new Key(placed.kept(), documentationOnResolve);
        RememberedList<CompletionItem> items;
        synchronized (answers) {
            items = answers.get(key);
        }
        if (items == null) {
            items = RememberedList.of(Lsp.completionList(entries, documentationOnResolve, freeCursor).getItems());
            synchronized (answers) {
                answers.put(key, items);
            }
        }
        return items;
    }
}

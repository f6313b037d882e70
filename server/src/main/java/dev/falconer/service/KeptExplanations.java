package dev.falconer.service;

import dev.falconer.explain.Explanation;
import dev.falconer.explain.SummaryRenderer;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Explanations carried from one snapshot to the next. An explanation is read from the merged
 * rule or macro and from every macro and list it relies on, transitively; an edit replaces only
 * the merged items it changed (the others stay the same objects), so an explanation whose items
 * are all the very same objects in the new snapshot, and which relies on no other name there,
 * is the one the new snapshot would compute. Without this, every keystroke made the next hover
 * on a macro, and every lens title, explain again (0.1-8 ms each on the official rules).
 * Items are held weakly: a kept explanation never keeps an old snapshot alive.
 */
final class KeptExplanations {
    /** More kept explanations than any workspace has rules and macros (per language): then it starts over. */
    private static final int LIMIT = 8192;

    record Key(SymbolKey item, Locale locale) {
    }

    /** An explanation with the items it was read from, and its summary once rendered. */
    static final class Kept {
        final Optional<Explanation> explanation;
        private final Map<SymbolKey, WeakReference<Object>> items;
        private volatile String summary;

        private Kept(Optional<Explanation> explanation, Map<SymbolKey, WeakReference<Object>> items) {
            this.explanation = explanation;
            this.items = items;
        }

        /** The one-line summary ({@link SummaryRenderer}), rendered once. */
        Optional<String> summary() {
            String s = summary;
            if (s == null && explanation.isPresent()) {
                s = SummaryRenderer.render(explanation.get(), SummaryRenderer.DEFAULT_MAX_CHARS);
                summary = s;
            }
            return Optional.ofNullable(s);
        }

        /** Whether {@code ws} has exactly the items this explanation was read from, and relies on no other. */
        boolean holds(WorkspaceSnapshot ws, SymbolKey item) {
            for (Map.Entry<SymbolKey, WeakReference<Object>> e : items.entrySet()) {
                Object now = merged(ws, e.getKey());
                WeakReference<Object> then = e.getValue();
                // an item collected since is not the one in ws, even when ws has none of that name
                if (then == ABSENT ? now != null : now == null || now != then.get()) {
                    return false;
                }
            }
            for (SymbolKey used : ws.dependencies().usesTransitively(item)) {
                if (!items.containsKey(used)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What an absent item is remembered as (a weak reference to nothing would look collected). */
    private static final WeakReference<Object> ABSENT = new WeakReference<>(null);

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    /** The kept explanation of {@code key} if it holds in {@code ws}. */
    Kept get(WorkspaceSnapshot ws, Key key) {
        Kept k = kept.get(key);
        return k != null && k.holds(ws, key.item()) ? k : null;
    }

    /** Keeps {@code explanation}, read from {@code ws}, for later snapshots. */
    Kept keep(WorkspaceSnapshot ws, Key key, Optional<Explanation> explanation) {
        Set<SymbolKey> used = ws.dependencies().usesTransitively(key.item());
        Map<SymbolKey, WeakReference<Object>> items = new HashMap<>(used.size() * 2 + 2);
        List<SymbolKey> all = new ArrayList<>(used);
        all.add(key.item());
        for (SymbolKey k : all) {
            Object item = merged(ws, k);
            items.put(k, item == null ? ABSENT : new WeakReference<>(item));
        }
        if (kept.size() >= LIMIT) {
            kept.clear();
        }
        Kept k = new Kept(explanation, Map.copyOf(items));
        kept.put(key, k);
        return k;
    }

    /** The merged item of a name, {@code null} when the workspace has none. */
    private static Object merged(WorkspaceSnapshot ws, SymbolKey key) {
        return switch (key.kind()) {
            case MACRO -> ws.merged().macros().get(key.name());
            case LIST -> ws.merged().lists().get(key.name());
            case RULE -> ws.merged().rules().get(key.name());
        };
    }
}

package dev.falconer.lsp;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last answer of a request kind per document, given again while it would be computed from
 * the very same inputs (the same snapshot, document, settings objects: they are immutable, so
 * the same objects give the same answer). Editors ask for symbols, tokens and lenses again and
 * again on an unchanged document (focus, scroll, another view of the file). Inputs are held
 * weakly: a stale entry never keeps an old snapshot alive, and the answer of a closed document
 * is dropped with {@link #forget}.
 */
final class LastAnswers {
    private record Entry(WeakReference<?>[] inputs, Object answer) {
        boolean matches(Object[] now) {
            if (inputs.length != now.length) {
                return false;
            }
            for (int i = 0; i < now.length; i++) {
                if (inputs[i].get() != now[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Key(String kind, String uri) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The answer for {@code uri} computed from {@code inputs} (compared by identity, none null):
     * the remembered one when the inputs are the same objects, else a new one that is remembered.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, String uri, Supplier<T> compute, Object... inputs) {
        Key key = new Key(kind, uri);
        Entry e = entries.get(key);
        if (e != null && e.matches(inputs)) {
            return (T) e.answer();
        }
        T answer = compute.get();
        WeakReference<?>[] refs = new WeakReference<?>[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            refs[i] = new WeakReference<>(inputs[i]);
        }
        entries.put(key, new Entry(refs, answer));
        return answer;
    }

    /** Drops every answer about {@code uri} (the document was closed). */
    void forget(String uri) {
        entries.keySet().removeIf(k -> k.uri().equals(uri));
    }
}

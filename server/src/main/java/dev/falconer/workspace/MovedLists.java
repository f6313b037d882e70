package dev.falconer.workspace;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The compiled items of every list after an edit that moved some lists (same texts, new
 * places): the moved ones are compiled again on first use, the others are the earlier ones. A
 * keystroke moves every list after it in its file, and compiling them all again was a sixth of
 * what a snapshot allocated, while a snapshot reads only the lists of the texts it substitutes.
 * Unmodifiable; same keys, in the same order, as the map it was made from. Thread-safe.
 */
final class MovedLists extends AbstractMap<String, List<SourcedText>> {
    /** Compiled items of some earlier snapshot; never read for a name in {@code pending}. */
    private final Map<String, List<SourcedText>> base;
    /** Lists compiled again, for this snapshot. */
    private final Map<String, List<SourcedText>> done;
    /** Lists to compile again on first use. */
    private final Set<String> pending;
    private final Function<String, List<SourcedText>> compile;

    private MovedLists(Map<String, List<SourcedText>> base, Map<String, List<SourcedText>> done, Set<String> pending,
                       Function<String, List<SourcedText>> compile) {
        this.base = base;
        this.done = done;
        this.pending = pending;
        this.compile = compile;
    }

    /**
     * {@code previous} with the lists {@code moved} to be compiled by {@code compile} (against
     * the new snapshot) when first read. Lists an earlier edit moved and nobody read yet stay to
     * be compiled (by the new {@code compile}: a list this edit did not move reads the same in
     * both snapshots); no chain of earlier maps is kept.
     */
    static Map<String, List<SourcedText>> of(Map<String, List<SourcedText>> previous, Set<String> moved,
                                             Function<String, List<SourcedText>> compile) {
        Map<String, List<SourcedText>> base = previous;
        Map<String, List<SourcedText>> done = new ConcurrentHashMap<>();
        Set<String> pending = new HashSet<>(moved);
        if (previous instanceof MovedLists p) {
            base = p.base;
            p.done.forEach((name, items) -> {
                if (!moved.contains(name)) {
                    done.put(name, items);
                }
            });
            for (String name : p.pending) {
                if (!p.done.containsKey(name)) {
                    pending.add(name);
                }
            }
        }
        pending.removeAll(done.keySet());
        return new MovedLists(base, done, pending, compile);
    }

    @Override
    public List<SourcedText> get(Object key) {
        List<SourcedText> items = done.get(key);
        if (items != null) {
            return items;
        }
        if (pending.contains(key)) {
            return done.computeIfAbsent((String) key, compile);
        }
        return base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return base.containsKey(key);
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(base.keySet());
    }

    @Override
    public Set<Entry<String, List<SourcedText>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, List<SourcedText>>> iterator() {
                Iterator<String> names = base.keySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, List<SourcedText>> next() {
                        String name = names.next();
                        return new SimpleImmutableEntry<>(name, get(name));
                    }
                };
            }

            @Override
            public int size() {
                return base.size();
            }
        };
    }
}

package dev.falconer.workspace;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map that is another map with the values of some of its keys replaced (same
 * keys, same order). Lets a snapshot after an edit share the maps of the previous one and pay
 * only for the entries the edit changed; folded into a plain map when the changes pile up.
 * Values are never {@code null}.
 */
final class PatchedMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> base;
    private final Map<K, V> changes;

    private PatchedMap(Map<K, V> base, Map<K, V> changes) {
        this.base = base;
        this.changes = changes;
    }

    /**
     * {@code map} with the values of {@code replaced}; new keys go last (in a plain copy). The
     * caller hands {@code replaced} over: it may be kept as it is and must not change afterwards.
     */
    static <K, V> Map<K, V> patch(Map<K, V> map, Map<K, V> replaced) {
        if (replaced.isEmpty()) {
            return map;
        }
        if (!map.keySet().containsAll(replaced.keySet())) {
            Map<K, V> flat = new LinkedHashMap<>(map);
            flat.putAll(replaced);
            return flat;
        }
        Map<K, V> base = map;
        Map<K, V> changes;
        if (map instanceof PatchedMap<K, V> p && !replaced.keySet().containsAll(p.changes.keySet())) {
            base = p.base;
            changes = new HashMap<>(p.changes);
            changes.putAll(replaced);
        } else {
            // keystrokes at one place replace the same names again: the earlier changes are all overridden
            base = map instanceof PatchedMap<K, V> p ? p.base : map;
            changes = replaced;
        }
        // folded when the changes near the base's size; a keystroke in the middle of a large file
        // replaces the names of its tail every time, which must not copy the whole map each time
        if (changes.size() > 64 + base.size() / 4) {
            Map<K, V> flat = new LinkedHashMap<>(base);
            flat.putAll(changes);
            return flat;
        }
        return new PatchedMap<>(base, changes);
    }

    @Override
    public V get(Object key) {
        V v = changes.get(key);
        return v != null ? v : base.get(key);
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
    public Set<K> keySet() {
        return java.util.Collections.unmodifiableSet(base.keySet());
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> it = base.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        Entry<K, V> e = it.next();
                        V v = changes.get(e.getKey());
                        return new SimpleImmutableEntry<>(e.getKey(), v != null ? v : e.getValue());
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

package dev.falconer.workspace;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What uses what: for every list, macro and rule, the items whose text refers to it (through
 * conditions, list items, exception values, and Falco's textual list substitution). An edit to
 * some names only needs the items returned by {@link #affectedBy} re-checked.
 */
public final class Dependencies {
    private final Function<SymbolKey, Set<SymbolKey>> uses;
    private final Supplier<Map<SymbolKey, Set<SymbolKey>>> allUses;
    private final Function<SymbolKey, Set<String>> files;
    /** The reverse of {@code uses}, built on first use (or patched from the previous snapshot's). */
    private volatile Map<SymbolKey, Set<SymbolKey>> users;
    /** Dropped once the reverse index is built, so snapshots do not keep each other alive. */
    private volatile Dependencies previous;
    private final Map<SymbolKey, Set<SymbolKey>> usesBefore;
    private final Map<SymbolKey, Set<SymbolKey>> usesAfter;

    Dependencies(Map<SymbolKey, Set<SymbolKey>> uses, Map<SymbolKey, Set<String>> files) {
        this(k -> uses.getOrDefault(k, Set.of()), () -> uses, k -> files.getOrDefault(k, Set.of()), null, Map.of(),
                Map.of());
    }

    /**
     * Dependencies read through functions; {@code allUses} is only asked for when the reverse
     * index is needed and cannot be patched from {@code previous}, whose uses differ from these
     * exactly by {@code usesBefore} → {@code usesAfter} (per changed item).
     */
    Dependencies(Function<SymbolKey, Set<SymbolKey>> uses, Supplier<Map<SymbolKey, Set<SymbolKey>>> allUses,
                 Function<SymbolKey, Set<String>> files, Dependencies previous,
                 Map<SymbolKey, Set<SymbolKey>> usesBefore, Map<SymbolKey, Set<SymbolKey>> usesAfter) {
        this.uses = uses;
        this.allUses = allUses;
        this.files = files;
        this.previous = previous != null && previous.usersBuilt() ? previous : null;
        this.usesBefore = usesBefore;
        this.usesAfter = usesAfter;
    }

    private Map<SymbolKey, Set<SymbolKey>> users() {
        Map<SymbolKey, Set<SymbolKey>> u = users;
        if (u == null) {
            synchronized (this) {
                u = users;
                if (u == null) {
                    Map<SymbolKey, Set<SymbolKey>> before = previous == null ? null : previous.users;
                    u = before != null ? patched(before) : reverse(allUses.get());
                    users = u;
                    previous = null;
                }
            }
        }
        return u;
    }

    /** True when the reverse index exists, so that a next snapshot can patch it. */
    boolean usersBuilt() {
        return users != null;
    }

    private static Map<SymbolKey, Set<SymbolKey>> reverse(Map<SymbolKey, Set<SymbolKey>> uses) {
        Map<SymbolKey, Set<SymbolKey>> rev = new HashMap<>();
        uses.forEach((from, targets) -> targets.forEach(t -> rev.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(from)));
        return rev;
    }

    private Map<SymbolKey, Set<SymbolKey>> patched(Map<SymbolKey, Set<SymbolKey>> before) {
        Map<SymbolKey, Set<SymbolKey>> changed = new HashMap<>();
        usesBefore.forEach((from, targets) -> targets.forEach(t -> {
            if (!usesAfter.getOrDefault(from, Set.of()).contains(t)) {
                changed.computeIfAbsent(t, k -> new LinkedHashSet<>(before.getOrDefault(k, Set.of()))).remove(from);
            }
        }));
        usesAfter.forEach((from, targets) -> targets.forEach(t -> {
            if (!usesBefore.getOrDefault(from, Set.of()).contains(t)) {
                changed.computeIfAbsent(t, k -> new LinkedHashSet<>(before.getOrDefault(k, Set.of()))).add(from);
            }
        }));
        return PatchedMap.patch(before, changed);
    }

    /** The names {@code key} refers to directly. */
    public Set<SymbolKey> uses(SymbolKey key) {
        return Collections.unmodifiableSet(uses.apply(key));
    }

    /** The items that refer to {@code key} directly. */
    public Set<SymbolKey> usersOf(SymbolKey key) {
        return Collections.unmodifiableSet(users().getOrDefault(key, Set.of()));
    }

    /** Everything {@code key} relies on, transitively. */
    public Set<SymbolKey> usesTransitively(SymbolKey key) {
        return closure(Set.of(key), uses);
    }

    /** The changed names and every item that depends on any of them, transitively. */
    public Set<SymbolKey> affectedBy(Collection<SymbolKey> changed) {
        Set<SymbolKey> out = closure(changed, users());
        out.addAll(changed);
        return out;
    }

    /** The files holding a definition of any item {@link #affectedBy} returns. */
    public Set<String> filesAffectedBy(Collection<SymbolKey> changed) {
        return filesDefining(affectedBy(changed));
    }

    /** The files holding a definition of any of {@code names}. */
    public Set<String> filesDefining(Collection<SymbolKey> names) {
        Set<String> out = new LinkedHashSet<>();
        for (SymbolKey k : names) {
            out.addAll(files.apply(k));
        }
        return out;
    }

    private static Set<SymbolKey> closure(Collection<SymbolKey> start, Map<SymbolKey, Set<SymbolKey>> edges) {
        return closure(start, k -> edges.getOrDefault(k, Set.of()));
    }

    private static Set<SymbolKey> closure(Collection<SymbolKey> start, Function<SymbolKey, Set<SymbolKey>> edges) {
        Set<SymbolKey> seen = new LinkedHashSet<>();
        Deque<SymbolKey> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (SymbolKey next : edges.apply(todo.pop())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }
}

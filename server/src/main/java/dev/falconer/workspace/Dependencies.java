package dev.falconer.workspace;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What uses what: for every list, macro and rule, the items whose text refers to it (through
 * conditions, list items, exception values, and Falco's textual list substitution). An edit to
 * some names only needs the items returned by {@link #affectedBy} re-checked.
 */
public final class Dependencies {
    private final Map<SymbolKey, Set<SymbolKey>> users;
    private final Map<SymbolKey, Set<SymbolKey>> uses;
    private final Map<SymbolKey, Set<String>> files;

    Dependencies(Map<SymbolKey, Set<SymbolKey>> uses, Map<SymbolKey, Set<String>> files) {
        Map<SymbolKey, Set<SymbolKey>> rev = new HashMap<>();
        uses.forEach((from, targets) -> targets.forEach(t -> rev.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(from)));
        this.users = rev;
        this.uses = uses;
        this.files = files;
    }

    /** The names {@code key} refers to directly. */
    public Set<SymbolKey> uses(SymbolKey key) {
        return Collections.unmodifiableSet(uses.getOrDefault(key, Set.of()));
    }

    /** The items that refer to {@code key} directly. */
    public Set<SymbolKey> usersOf(SymbolKey key) {
        return Collections.unmodifiableSet(users.getOrDefault(key, Set.of()));
    }

    /** Everything {@code key} relies on, transitively. */
    public Set<SymbolKey> usesTransitively(SymbolKey key) {
        return closure(Set.of(key), uses);
    }

    /** The changed names and every item that depends on any of them, transitively. */
    public Set<SymbolKey> affectedBy(Collection<SymbolKey> changed) {
        Set<SymbolKey> out = closure(changed, users);
        out.addAll(changed);
        return out;
    }

    /** The files holding a definition of any item {@link #affectedBy} returns. */
    public Set<String> filesAffectedBy(Collection<SymbolKey> changed) {
        Set<String> out = new LinkedHashSet<>();
        for (SymbolKey k : affectedBy(changed)) {
            out.addAll(files.getOrDefault(k, Set.of()));
        }
        return out;
    }

    private static Set<SymbolKey> closure(Collection<SymbolKey> start, Map<SymbolKey, Set<SymbolKey>> edges) {
        Set<SymbolKey> seen = new LinkedHashSet<>();
        Deque<SymbolKey> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (SymbolKey next : edges.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }
}

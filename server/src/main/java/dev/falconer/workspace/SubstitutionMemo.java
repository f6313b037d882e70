package dev.falconer.workspace;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers list substitutions across workspace snapshots. Substituting every list into every
 * condition is the costliest part of building a snapshot, and an edit rarely changes more than
 * one condition: a condition whose text and character origins have the same shape as last time,
 * under lists with the same names and items, gets the remembered result with its scalars swapped
 * for the current ones (items that moved in the document keep the same text but new positions).
 * Any change to the lists starts afresh. Thread-safe.
 */
final class SubstitutionMemo {
    private static final int MAX_ENTRIES = 50_000;

    /** One remembered substitution, with the compiled lists it was made under. */
    private record Entry(SourcedText input, FalcoConditions.Substituted result, Map<String, List<SourcedText>> lists,
                         long generation) {
    }

    /** Entries unused for this many snapshots are dropped: texts typed and then changed again. */
    private static final int KEPT_GENERATIONS = 3;

    private final Map<String, Entry> byText = new ConcurrentHashMap<>();
    private volatile String listsSignature = "";
    private volatile long generation;

    /**
     * Called for each new snapshot's compiled lists: keeps the memo when the lists read the same,
     * forgets it otherwise.
     */
    void lists(Map<String, List<SourcedText>> compiled) {
        String signature = signature(compiled);
        synchronized (this) {
            long g = ++generation;
            if (!signature.equals(listsSignature) || byText.size() > MAX_ENTRIES) {
                byText.clear();
                listsSignature = signature;
            } else {
                byText.values().removeIf(e -> e.generation() < g - KEPT_GENERATIONS);
            }
        }
    }

    /** A remembered result for {@code input} under {@code lists}, rebased onto their scalars; {@code null} if none. */
    FalcoConditions.Substituted find(SourcedText input, Map<String, List<SourcedText>> lists, Rebaser rebaser) {
        Entry e = byText.get(input.text());
        if (e == null || !e.input().sameShape(input)) {
            return null;
        }
        List<ScalarOrigin> was = e.input().origins();
        List<ScalarOrigin> now = input.origins();
        Map<ScalarOrigin, ScalarOrigin> listOrigins = e.lists() == lists ? Map.of()
                : rebaser.between(e.lists(), e.result().usedLists());
        // the result holds the very scalars of the input it was made from (or rebased onto): found
        // by identity, as most of a result's scalars are list items (100,000 for a threat feed),
        // which an equality search of the input's few scalars compared one by one
        ScalarOrigin[] from = was.toArray(new ScalarOrigin[0]);
        SourcedText text = e.result().text().withOriginsReplaced(o -> {
            for (int i = 0; i < from.length; i++) {
                if (from[i] == o) {
                    return now.get(i);
                }
            }
            return listOrigins.isEmpty() ? o : listOrigins.getOrDefault(o, o);
        });
        FalcoConditions.Substituted rebased = text == e.result().text() ? e.result()
                : new FalcoConditions.Substituted(text, e.result().usedLists());
        if (e.lists() != lists || e.generation() != generation) {
            // move the entry to the newest scalars, so old snapshots are not kept alive by it
            remember(input, rebased, lists);
        }
        return rebased;
    }

    void remember(SourcedText input, FalcoConditions.Substituted result, Map<String, List<SourcedText>> lists) {
        byText.put(input.text(), new Entry(input, result, lists, generation));
        if (result.text().length() >= LARGE) {
            forgetOldLarge(input.text());
        }
    }

    /**
     * Results this long (a large list substituted) are kept for the last few conditions only:
     * a keystroke inside a condition does not start a new generation, and every text typed in a
     * rule naming a list of 100,000 addresses kept its 4 MB result (114 MB after 40 keystrokes).
     */
    static final int LARGE = 64 * 1024;
    /** Two: a keystroke and its undo find each other's result. */
    private static final int LARGE_KEPT = 2;
    private final java.util.ArrayDeque<String> large = new java.util.ArrayDeque<>();

    private void forgetOldLarge(String key) {
        synchronized (large) {
            large.remove(key);
            large.addLast(key);
            while (large.size() > LARGE_KEPT) {
                byText.remove(large.removeFirst());
            }
        }
    }

    /**
     * Maps the list-item scalars of earlier compiled lists to those of the current ones (same
     * shape), list by list as substituted texts ask: a text holds the items of the lists
     * substituted into it and no others, and mapping every moved list on each keystroke was a
     * map entry per list item of the file's tail.
     */
    static final class Rebaser {
        private final Map<String, List<SourcedText>> current;
        private final Map<Map<String, List<SourcedText>>, Map<String, Map<ScalarOrigin, ScalarOrigin>>> done =
                new IdentityHashMap<>();

        Rebaser(Map<String, List<SourcedText>> current) {
            this.current = current;
        }

        /** The new scalar of each item scalar of {@code lists} in {@code earlier} (absent: unchanged). */
        synchronized Map<ScalarOrigin, ScalarOrigin> between(Map<String, List<SourcedText>> earlier, Set<String> lists) {
            Map<String, Map<ScalarOrigin, ScalarOrigin>> byList = done.computeIfAbsent(earlier, e -> new HashMap<>());
            Map<ScalarOrigin, ScalarOrigin> out = Map.of();
            boolean own = false;
            for (String name : lists) {
                Map<ScalarOrigin, ScalarOrigin> one = byList.computeIfAbsent(name, n -> of(earlier, n));
                if (one.isEmpty()) {
                    continue;
                }
                if (out.isEmpty()) {
                    out = one; // read only: the remembered map of one list
                } else {
                    if (!own) {
                        out = new HashMap<>(out);
                        own = true;
                    }
                    out.putAll(one);
                }
            }
            return out;
        }

        private Map<ScalarOrigin, ScalarOrigin> of(Map<String, List<SourcedText>> earlier, String name) {
            List<SourcedText> items = earlier.getOrDefault(name, List.of());
            List<SourcedText> cur = current.getOrDefault(name, List.of());
            if (cur == items) {
                return Map.of(); // the same compiled items (snapshots share the lists an edit did not move)
            }
            Map<ScalarOrigin, ScalarOrigin> out = new HashMap<>();
            for (int i = 0; i < items.size() && i < cur.size(); i++) {
                List<ScalarOrigin> a = items.get(i).origins();
                List<ScalarOrigin> b = cur.get(i).origins();
                for (int k = 0; k < a.size() && k < b.size(); k++) {
                    out.put(a.get(k), b.get(k));
                }
            }
            return out;
        }
    }

    private static String signature(Map<String, List<SourcedText>> compiled) {
        StringBuilder sb = new StringBuilder();
        compiled.forEach((name, items) -> {
            sb.append(name).append('\u0000');
            for (SourcedText t : items) {
                sb.append(t.text()).append('\u0001').append(t.origins().size()).append('\u0001');
            }
            sb.append('\u0002');
        });
        return sb.toString();
    }
}

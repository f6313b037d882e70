package dev.falconer.workspace;

import dev.falconer.rules.SourceMap;
import dev.falconer.text.RunLookup;
import dev.falconer.text.TextSpan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text assembled the way Falco assembles it (appends joined with a space, exceptions expanded,
 * lists substituted) where every character remembers the scalar character it was copied from,
 * or that it was added by the assembly. That is what lets a problem found in Falco's text be
 * shown on the right character of the right file.
 */
public final class SourcedText {
    private static final int SYNTHETIC = -1;
    /** Shared runs of the commonest texts (never written to): a whole scalar, added text, none. */
    private static final int[] WHOLE_SCALAR = {0, 0, 0};
    private static final int[] ADDED = {0, SYNTHETIC, 0};
    private static final int[] EMPTY = {};
    private final String text;
    private final List<ScalarOrigin> origins;
    /**
     * The characters' sources as maximal runs, three ints per run: first text index, index into
     * {@code origins} (or {@link #SYNTHETIC}), index into that scalar's decoded value of the first
     * character (0 for added text); a run's characters come from consecutive value indexes.
     * Runs rather than two ints per character: the texts of a workspace's snapshot stay reachable,
     * and per-character arrays were the largest part of the live heap (8.7 of ~26 MB after the
     * lspprobe run). Maximal runs are unique, so equal runs mean equal per-character sources.
     */
    private final int[] runs;
    private Map<ScalarOrigin, SourceMap> maps;

    private SourcedText(String text, List<ScalarOrigin> origins, int[] runs) {
        this.text = text;
        this.origins = origins;
        this.runs = runs;
    }

    public static SourcedText of(ScalarOrigin origin) {
        String value = origin.scalar().value();
        return new SourcedText(value, List.of(origin), value.isEmpty() ? EMPTY : WHOLE_SCALAR);
    }

    /** Text that comes from no file (added by the assembly, e.g. {@code " and not "}). */
    public static SourcedText synthetic(String text) {
        return new SourcedText(text, List.of(), text.isEmpty() ? EMPTY : ADDED);
    }

    public static SourcedText concat(List<SourcedText> parts) {
        return concat(parts, BIG_PART);
    }

    /** {@link #concat(List)} with parts of {@code bigPart} scalars or more merged through their index (tests try both ways). */
    static SourcedText concat(List<SourcedText> parts, int bigPart) {
        int length = 0;
        int scalars = 0;
        int runs = 0;
        int big = -1;
        for (int i = 0; i < parts.size(); i++) {
            SourcedText p = parts.get(i);
            length += p.text.length();
            scalars += p.origins.size();
            runs += p.runs.length;
            if (p.origins.size() >= bigPart && (big < 0 || p.origins.size() > parts.get(big).origins.size())) {
                big = i;
            }
        }
        StringBuilder sb = new StringBuilder(length);
        Origins ids = new Origins(scalars, big < 0 ? null : parts.get(big));
        Runs out = new Runs(runs); // at most the parts' runs: no copies while a long list's 200,000 are added
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            SourcedText p = parts.get(i);
            sb.append(p.text);
            int[] remap = i == big ? ids.addBig() : ids.add(p.origins);
            for (int r = 0; r < p.runs.length; r += 3) {
                int o = p.runs[r + 1];
                out.add(at + p.runs[r], p.runEnd(r) - p.runs[r], o == SYNTHETIC ? SYNTHETIC : remap[o], p.runs[r + 2]);
            }
            at += p.text.length();
        }
        return new SourcedText(sb.toString(), List.copyOf(ids.origins), out.toArray());
    }

    /** A part with this many scalars is merged through its kept index (see {@link Origins}). */
    static final int BIG_PART = 1024;

    /**
     * The index of each of this text's scalars, kept: built for a big part of {@link #concat},
     * which the same list's items (100,000 for a threat feed, joined once) are at each keystroke.
     */
    private volatile Map<ScalarOrigin, Integer> originIndex;

    private Map<ScalarOrigin, Integer> originIndex() {
        Map<ScalarOrigin, Integer> index = originIndex;
        if (index == null) {
            index = new HashMap<>((int) (origins.size() / 0.75f) + 1);
            for (int i = 0; i < origins.size(); i++) {
                index.putIfAbsent(origins.get(i), i);
            }
            originIndex = index;
        }
        return index;
    }

    /**
     * The scalars of a concatenation, in order of first use, each once (by equality). The scalars
     * of its biggest part are not hashed one by one: the few scalars of the other parts are looked
     * up in that part's kept index instead.
     */
    private static final class Origins {
        final List<ScalarOrigin> origins;
        private final Map<ScalarOrigin, Integer> ids;
        private final SourcedText big;
        /** For each scalar of the big part, its index in {@link #origins} once added. */
        private int[] bigIds;

        Origins(int scalars, SourcedText big) {
            this.big = big;
            this.origins = new ArrayList<>(scalars);
            int hashed = big == null ? scalars : scalars - big.origins.size();
            this.ids = new HashMap<>(Math.max(16, (int) (hashed / 0.75f) + 1));
        }

        int[] add(List<ScalarOrigin> scalars) {
            int[] remap = new int[scalars.size()];
            for (int i = 0; i < remap.length; i++) {
                ScalarOrigin o = scalars.get(i);
                Integer id = ids.get(o);
                if (id == null && bigIds != null) {
                    Integer inBig = big.originIndex().get(o);
                    id = inBig == null ? null : bigIds[inBig];
                }
                if (id == null) {
                    id = origins.size();
                    origins.add(o);
                    ids.put(o, id);
                }
                remap[i] = id;
            }
            return remap;
        }

        int[] addBig() {
            List<ScalarOrigin> scalars = big.origins;
            int[] remap = new int[scalars.size()];
            java.util.Arrays.fill(remap, -1);
            if (!ids.isEmpty()) {
                Map<ScalarOrigin, Integer> index = big.originIndex();
                for (Map.Entry<ScalarOrigin, Integer> seen : ids.entrySet()) {
                    Integer j = index.get(seen.getKey());
                    if (j != null) {
                        remap[j] = seen.getValue();
                    }
                }
            }
            for (int j = 0; j < remap.length; j++) {
                if (remap[j] < 0) {
                    remap[j] = origins.size();
                    origins.add(scalars.get(j));
                }
            }
            bigIds = remap;
            return remap;
        }
    }

    public static SourcedText concat(SourcedText... parts) {
        return concat(List.of(parts));
    }

    public SourcedText substring(int start, int end) {
        String sub = text.substring(start, end);
        Runs out = new Runs();
        for (int r = runAt(start); r >= 0 && r < runs.length && runs[r] < end; r += 3) {
            int from = Math.max(runs[r], start);
            int to = Math.min(runEnd(r), end);
            int o = runs[r + 1];
            out.add(from - start, to - from, o, o == SYNTHETIC ? 0 : runs[r + 2] + from - runs[r]);
        }
        return new SourcedText(sub, origins, out.toArray());
    }

    public SourcedText substring(int start) {
        return substring(start, text.length());
    }

    /**
     * True when {@code other} has the same characters copied from the same positions of the same
     * number of scalars (which may be other scalar objects, e.g. the same item after it moved).
     */
    boolean sameShape(SourcedText other) {
        return other == this || text.equals(other.text) && origins.size() == other.origins.size()
                && Arrays.equals(runs, other.runs);
    }

    /** This text with its scalars replaced one for one through {@code replace} (unmapped ones stay). */
    SourcedText withOriginsReplaced(java.util.function.UnaryOperator<ScalarOrigin> replace) {
        List<ScalarOrigin> next = new ArrayList<>(origins.size());
        boolean changed = false;
        for (ScalarOrigin o : origins) {
            ScalarOrigin r = replace.apply(o);
            changed |= r != o;
            next.add(r);
        }
        return changed ? new SourcedText(text, List.copyOf(next), runs) : this;
    }

    /** Text index just after run {@code r} (an offset into {@code runs}). */
    private int runEnd(int r) {
        return r + 3 < runs.length ? runs[r + 3] : text.length();
    }

    /** Offset into {@code runs} of the run holding text index {@code i}, or -1 when there is none. */
    private int runAt(int i) {
        if (i < 0 || i >= text.length() || runs.length == 0) {
            return -1;
        }
        return RunLookup.runAt(runs, i);
    }

    /** Origin index of text index {@code i} (an index of the text), or {@link #SYNTHETIC}. */
    private int originIndex(int i) {
        int r = runAt(i);
        return r < 0 ? SYNTHETIC : runs[r + 1];
    }

    /** Value index of the scalar character behind text index {@code i} (which is not added text). */
    private int valueIndex(int i) {
        int r = runAt(i);
        return runs[r + 2] + i - runs[r];
    }

    /** Builds maximal runs from runs given in text order. */
    private static final class Runs {
        private int[] a;
        private int n;

        Runs() {
            this(6);
        }

        Runs(int capacity) {
            a = new int[Math.max(6, capacity)];
        }

        void add(int textStart, int length, int origin, int index) {
            if (length <= 0) {
                return;
            }
            int idx = origin == SYNTHETIC ? 0 : index;
            if (n > 0) {
                int p = n - 3;
                if (a[p + 1] == origin && (origin == SYNTHETIC || a[p + 2] + textStart - a[p] == idx)) {
                    return; // continues the previous run
                }
            }
            if (n + 3 > a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n] = textStart;
            a[n + 1] = origin;
            a[n + 2] = idx;
            n += 3;
        }

        int[] toArray() {
            if (n == 0) {
                return EMPTY;
            }
            if (n == 3 && a[0] == 0 && a[2] == 0 && (a[1] == 0 || a[1] == SYNTHETIC)) {
                return a[1] == 0 ? WHOLE_SCALAR : ADDED;
            }
            return n == a.length ? a : Arrays.copyOf(a, n);
        }
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text;
    }

    /** The scalar character behind text index {@code i}, or {@code null} when it was added by the assembly. */
    public ScalarOrigin originAt(int i) {
        int o = originIndex(i);
        return o == SYNTHETIC ? null : origins.get(o);
    }

    /** Every scalar that contributed characters, in order of first use. */
    public List<ScalarOrigin> origins() {
        return origins;
    }

    /**
     * The document ranges behind text range {@code [start, end)}: one location per run of
     * characters copied from the same scalar, skipping added characters. An empty range gives
     * the position of the nearest copied character.
     */
    public List<Location> locate(int start, int end) {
        List<Location> out = new ArrayList<>();
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        if (s == e) {
            Location l = locateEmpty(s);
            return l == null ? List.of() : List.of(l);
        }
        for (int r = runAt(s); r >= 0 && r < runs.length && runs[r] < e; r += 3) {
            int o = runs[r + 1];
            if (o == SYNTHETIC) {
                continue;
            }
            int from = Math.max(runs[r], s);
            int to = Math.min(runEnd(r), e);
            ScalarOrigin origin = origins.get(o);
            int index = runs[r + 2] + from - runs[r];
            TextSpan span = map(origin).documentSpan(index, index + to - from);
            out.add(new Location(origin.uri(), span));
        }
        return out;
    }

    /**
     * Whether {@link #locateFirst} finds a place for any range: some character came from a
     * scalar. Answered from the runs alone, without the source maps that placing builds, so a
     * check can leave placing to the problems it reports.
     */
    public boolean locatable() {
        for (int r = 0; r + 1 < runs.length && !text.isEmpty(); r += 3) {
            if (runs[r + 1] != SYNTHETIC) {
                return true;
            }
        }
        return false;
    }

    /** The first location of {@link #locate}, or {@code null} when the range holds only added text. */
    public Location locateFirst(int start, int end) {
        List<Location> all = locate(start, end);
        if (all.isEmpty()) {
            return start < end ? locateEmpty(start) : null;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        // several runs from one file: cover them all when they are in order
        Location first = all.get(0);
        Location last = all.get(all.size() - 1);
        if (all.stream().allMatch(l -> l.uri().equals(first.uri())) && last.span().end() >= first.span().start()) {
            return new Location(first.uri(), first.span().union(last.span()));
        }
        return first;
    }

    private Location locateEmpty(int at) {
        for (int d = 0; d <= text.length(); d++) {
            int before = at - 1 - d;
            int after = at + d;
            if (after < text.length() && originIndex(after) != SYNTHETIC) {
                ScalarOrigin o = origins.get(originIndex(after));
                return new Location(o.uri(), TextSpan.empty(map(o).documentOffset(valueIndex(after))));
            }
            if (before >= 0 && before < text.length() && originIndex(before) != SYNTHETIC) {
                ScalarOrigin o = origins.get(originIndex(before));
                return new Location(o.uri(), TextSpan.empty(map(o).documentOffset(valueIndex(before) + 1)));
            }
            if (before < 0 && after >= text.length()) {
                break;
            }
        }
        return null;
    }

    private synchronized SourceMap map(ScalarOrigin origin) {
        if (maps == null) {
            maps = new HashMap<>();
        }
        return maps.computeIfAbsent(origin, o -> o.scalar().sourceMap());
    }
}

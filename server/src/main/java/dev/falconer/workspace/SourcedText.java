package dev.falconer.workspace;

import dev.falconer.rules.SourceMap;
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
    private final String text;
    private final List<ScalarOrigin> origins;
    /** Per character: index into {@code origins}, or {@link #SYNTHETIC}. */
    private final int[] originOf;
    /** Per character: index into the origin scalar's decoded value. */
    private final int[] indexOf;
    private Map<ScalarOrigin, SourceMap> maps;

    private SourcedText(String text, List<ScalarOrigin> origins, int[] originOf, int[] indexOf) {
        this.text = text;
        this.origins = origins;
        this.originOf = originOf;
        this.indexOf = indexOf;
    }

    public static SourcedText of(ScalarOrigin origin) {
        String value = origin.scalar().value();
        int[] o = new int[value.length()];
        int[] idx = new int[value.length()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new SourcedText(value, List.of(origin), o, idx);
    }

    /** Text that comes from no file (added by the assembly, e.g. {@code " and not "}). */
    public static SourcedText synthetic(String text) {
        int[] o = new int[text.length()];
        Arrays.fill(o, SYNTHETIC);
        return new SourcedText(text, List.of(), o, new int[text.length()]);
    }

    public static SourcedText concat(List<SourcedText> parts) {
        StringBuilder sb = new StringBuilder();
        List<ScalarOrigin> origins = new ArrayList<>();
        Map<ScalarOrigin, Integer> ids = new HashMap<>();
        int n = 0;
        for (SourcedText p : parts) {
            n += p.text.length();
        }
        int[] o = new int[n];
        int[] idx = new int[n];
        int at = 0;
        for (SourcedText p : parts) {
            sb.append(p.text);
            int[] remap = new int[p.origins.size()];
            for (int i = 0; i < remap.length; i++) {
                remap[i] = ids.computeIfAbsent(p.origins.get(i), k -> {
                    origins.add(k);
                    return origins.size() - 1;
                });
            }
            for (int i = 0; i < p.text.length(); i++) {
                o[at + i] = p.originOf[i] == SYNTHETIC ? SYNTHETIC : remap[p.originOf[i]];
                idx[at + i] = p.indexOf[i];
            }
            at += p.text.length();
        }
        return new SourcedText(sb.toString(), List.copyOf(origins), o, idx);
    }

    public static SourcedText concat(SourcedText... parts) {
        return concat(List.of(parts));
    }

    public SourcedText substring(int start, int end) {
        return new SourcedText(text.substring(start, end), origins, Arrays.copyOfRange(originOf, start, end),
                Arrays.copyOfRange(indexOf, start, end));
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
                && Arrays.equals(originOf, other.originOf) && Arrays.equals(indexOf, other.indexOf);
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
        return changed ? new SourcedText(text, List.copyOf(next), originOf, indexOf) : this;
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
        return i < 0 || i >= originOf.length || originOf[i] == SYNTHETIC ? null : origins.get(originOf[i]);
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
        int i = s;
        while (i < e) {
            if (originOf[i] == SYNTHETIC) {
                i++;
                continue;
            }
            int o = originOf[i];
            int j = i + 1;
            while (j < e && originOf[j] == o && indexOf[j] == indexOf[j - 1] + 1) {
                j++;
            }
            ScalarOrigin origin = origins.get(o);
            TextSpan span = map(origin).documentSpan(indexOf[i], indexOf[j - 1] + 1);
            out.add(new Location(origin.uri(), span));
            i = j;
        }
        return out;
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
            if (after < text.length() && originOf[after] != SYNTHETIC) {
                ScalarOrigin o = origins.get(originOf[after]);
                return new Location(o.uri(), TextSpan.empty(map(o).documentOffset(indexOf[after])));
            }
            if (before >= 0 && before < text.length() && originOf[before] != SYNTHETIC) {
                ScalarOrigin o = origins.get(originOf[before]);
                return new Location(o.uri(), TextSpan.empty(map(o).documentOffset(indexOf[before] + 1)));
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

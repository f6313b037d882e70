package dev.falconer.check;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Not;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Or;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * The event types a condition can match, as libs' {@code ppm_codes} search derives them (spec
 * §6): {@code and} intersects, {@code or} unites, {@code not} is pushed to the leaves; a leaf
 * {@code evt.type}/{@code syscall.type} compared with {@code =}, {@code ==}, {@code !=} or
 * {@code in} against constants gives those names ({@code !=} and negation their complement);
 * every other leaf matches everything. Macro references are expanded through {@code macros}.
 *
 * <p>Sets are over event type <em>names</em>; Falco counts event <em>codes</em>. Each name is
 * counted as two codes (an enter and an exit event), which is what Falco's threshold of 100 codes
 * is calibrated on ("more than 50 event types").
 */
final class EventTypeSets {
    /** Falco warns above this many event codes. */
    static final int MAX_CODES = 100;
    private static final int MAX_DEPTH = 200;

    /** The last names indexed (one set per catalog) with each name's bit: every run asks for the same. */
    private static volatile Index lastIndex;

    private record Index(SortedSet<String> names, Map<String, Integer> bits) {
    }

    private final Map<String, Integer> index;
    private final int size;
    /** The text Falco parses for a macro ({@code null} when undefined): what a macro's set depends on. */
    private final Function<String, String> texts;
    private final Function<String, BoolExpr> parse;
    /** Sets kept across instances (runs), or {@code null}. */
    private final Kept kept;
    /** Macros whose sets came out without a cycle or depth cut, checked for this instance (see {@link #macro}). */
    private final Map<String, Expanded> macroSets = new HashMap<>();
    /** Within one {@link #codes} call: macros whose sets depended on a cut (valid only from that call's root). */
    private final Map<String, BitSet[]> cutSets = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private Set<String> reading = new HashSet<>();
    private int cuts;
    /** The deepest {@link #eval} so far: how deep a macro's expansion goes (see {@link Expanded#span}). */
    private int deepest;

    /**
     * A macro's sets (matched, and matched when negated), computed without a cut: the same from
     * anywhere no deeper than {@link #MAX_DEPTH} - {@code span} (a cycle reached from the macro
     * would have cut it, so no entry path can make one). They depend on the texts of the macros
     * {@code reads} (the macro and those it reaches), given with the text each had.
     */
    private record Expanded(BitSet[] sets, Set<String> reads, Map<String, String> texts, int span) {
    }

    /**
     * Macro sets kept from one run to the next (one per diagnoser): a keystroke in a rule's
     * condition then evaluates only that condition, not again every macro it reaches. A kept
     * set is used while every macro it read has the same text.
     */
    static final class Kept {
        private static final int MAX = 20_000;
        private final Map<String, Expanded> sets = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Map<String, Integer> index;

        /** The sets kept for this event-name index (another index, as of another catalog, starts afresh). */
        private Map<String, Expanded> forIndex(Map<String, Integer> bits) {
            if (index != bits || sets.size() > MAX) {
                sets.clear();
                index = bits;
            }
            return sets;
        }
    }

    /**
     * @param texts the text of each macro, {@code null} when undefined
     * @param parse the condition a text parses to, {@code null} when it does not parse
     * @param kept  sets kept across instances, {@code null} for none
     */
    EventTypeSets(SortedSet<String> names, Function<String, String> texts, Function<String, BoolExpr> parse, Kept kept) {
        this.index = indexOf(names);
        this.size = index.size();
        this.texts = texts;
        this.parse = parse;
        this.kept = kept;
    }

    /** Each name's bit, in sorted order; kept for the last set of names (the catalog's, the same instance every run). */
    private static Map<String, Integer> indexOf(SortedSet<String> names) {
        Index known = lastIndex;
        if (known == null || known.names() != names) {
            Map<String, Integer> bits = new HashMap<>();
            for (String n : names) {
                bits.put(n, bits.size());
            }
            known = new Index(names, java.util.Collections.unmodifiableMap(bits));
            lastIndex = known;
        }
        return known.bits();
    }

    /**
     * Approximate event-code count of what {@code root} can match; adds to {@code macrosRead}
     * every macro whose body the count depends on. The count depends only on {@code root} and
     * those bodies, whatever was counted before with this instance.
     */
    int codes(BoolExpr root, Set<String> macrosRead) {
        reading = macrosRead;
        cutSets.clear();
        try {
            return eval(root, false, 0).cardinality() * 2;
        } finally {
            reading = new HashSet<>();
            cutSets.clear();
        }
    }

    private BitSet all() {
        BitSet b = new BitSet(size);
        b.set(0, size);
        return b;
    }

    private BitSet eval(BoolExpr e, boolean negated, int depth) {
        deepest = Math.max(deepest, depth);
        if (e == null) {
            return all();
        }
        if (depth > MAX_DEPTH) {
            cuts++;
            return all();
        }
        if (e instanceof Not n) {
            return eval(n.child(), !negated, depth + 1);
        }
        if (e instanceof And a) {
            return combine(a.children(), !negated, negated, depth);
        }
        if (e instanceof Or o) {
            return combine(o.children(), negated, negated, depth);
        }
        if (e instanceof MacroRef m) {
            return macro(m.name(), negated, depth);
        }
        if (e instanceof Check c) {
            return leaf(c, negated);
        }
        if (e instanceof Exists) {
            return all();
        }
        return all();
    }

    /** {@code intersect} true: and-semantics (intersection), false: or-semantics (union). */
    private BitSet combine(List<BoolExpr> children, boolean intersect, boolean negated, int depth) {
        BitSet out = null;
        for (BoolExpr c : children) {
            BitSet s = eval(c, negated, depth + 1);
            if (out == null) {
                out = (BitSet) s.clone();
            } else if (intersect) {
                out.and(s);
            } else {
                out.or(s);
            }
        }
        return out == null ? all() : out;
    }

    private BitSet macro(String name, boolean negated, int depth) {
        Expanded known = usable(name, depth);
        if (known != null) {
            reading.addAll(known.reads());
            deepest = Math.max(deepest, depth + known.span());
            return known.sets()[negated ? 1 : 0];
        }
        reading.add(name);
        BitSet[] cut = cutSets.get(name);
        if (cut != null) {
            return cut[negated ? 1 : 0];
        }
        String text = texts.apply(name);
        BoolExpr body = text == null ? null : parse.apply(text);
        if (body == null) {
            return all();
        }
        if (!expanding.add(name)) {
            // a loop (reported elsewhere): what the macro matches then depends on where we entered it
            cuts++;
            return all();
        }
        int cutsBefore = cuts;
        int deepestBefore = deepest;
        deepest = depth;
        Set<String> outer = reading;
        reading = new HashSet<>();
        reading.add(name);
        BitSet pos = eval(body, false, depth + 1);
        BitSet neg = eval(body, true, depth + 1);
        expanding.remove(name);
        int span = deepest - depth;
        deepest = Math.max(deepestBefore, deepest);
        Set<String> mine = reading;
        reading = outer;
        outer.addAll(mine);
        BitSet[] sets = {pos, neg};
        if (cuts == cutsBefore) {
            Map<String, String> read = new HashMap<>();
            for (String m : mine) {
                read.put(m, texts.apply(m));
            }
            Expanded e = new Expanded(sets, Set.copyOf(mine), read, span);
            macroSets.put(name, e);
            if (kept != null) {
                kept.forIndex(index).put(name, e);
            }
        } else {
            cutSets.put(name, sets);
        }
        return negated ? neg : pos;
    }

    /**
     * The cut-free sets of {@code name} usable at {@code depth}: found by this instance, or kept
     * from an earlier one while every macro they read has the same text. Either gives what
     * expanding the macro now would, as long as the expansion stays within the depth limit.
     */
    private Expanded usable(String name, int depth) {
        Expanded known = macroSets.get(name);
        if (known == null && kept != null) {
            Expanded k = kept.forIndex(index).get(name);
            if (k != null && sameTexts(k)) {
                known = k;
                macroSets.put(name, k);
            }
        }
        return known != null && depth + known.span() <= MAX_DEPTH ? known : null;
    }

    private boolean sameTexts(Expanded e) {
        for (Map.Entry<String, String> t : e.texts().entrySet()) {
            if (!java.util.Objects.equals(texts.apply(t.getKey()), t.getValue())) {
                return false;
            }
        }
        return true;
    }

    private BitSet leaf(Check c, boolean negated) {
        if (!(c.left() instanceof FieldRef f) || f.argument() != null
                || !("evt.type".equals(f.name()) || "syscall.type".equals(f.name())) || c.modifier() != null) {
            return all();
        }
        Operator op = c.operator();
        if (op != Operator.EQ && op != Operator.EQEQ && op != Operator.NE && op != Operator.IN) {
            return all();
        }
        List<String> values = new ArrayList<>();
        if (c.right() instanceof Value v) {
            values.add(v.text());
        } else if (c.right() instanceof ValueList l) {
            l.values().forEach(v -> values.add(v.text()));
        } else {
            return all();
        }
        BitSet s = new BitSet(size);
        for (String v : values) {
            Integer i = index.get(v);
            if (i != null) {
                s.set(i);
            }
        }
        boolean complement = negated ^ (op == Operator.NE);
        if (complement) {
            BitSet comp = all();
            comp.andNot(s);
            return comp;
        }
        return s;
    }
}

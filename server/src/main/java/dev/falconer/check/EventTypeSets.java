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
    private final Function<String, BoolExpr> macros;
    /** Macros whose sets came out without a cycle or depth cut: valid from anywhere, with the macros they read. */
    private final Map<String, Expanded> macroSets = new HashMap<>();
    /** Within one {@link #codes} call: macros whose sets depended on a cut (valid only from that call's root). */
    private final Map<String, BitSet[]> cutSets = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private Set<String> reading = new HashSet<>();
    private int cuts;

    private record Expanded(BitSet[] sets, Set<String> reads) {
    }

    EventTypeSets(SortedSet<String> names, Function<String, BoolExpr> macros) {
        this.index = indexOf(names);
        this.size = index.size();
        this.macros = macros;
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
        Expanded known = macroSets.get(name);
        if (known != null) {
            reading.addAll(known.reads());
            return known.sets()[negated ? 1 : 0];
        }
        reading.add(name);
        BitSet[] cut = cutSets.get(name);
        if (cut != null) {
            return cut[negated ? 1 : 0];
        }
        BoolExpr body = macros.apply(name);
        if (body == null) {
            return all();
        }
        if (!expanding.add(name)) {
            // a loop (reported elsewhere): what the macro matches then depends on where we entered it
            cuts++;
            return all();
        }
        int cutsBefore = cuts;
        Set<String> outer = reading;
        reading = new HashSet<>();
        reading.add(name);
        BitSet pos = eval(body, false, depth + 1);
        BitSet neg = eval(body, true, depth + 1);
        expanding.remove(name);
        Set<String> mine = reading;
        reading = outer;
        outer.addAll(mine);
        BitSet[] sets = {pos, neg};
        if (cuts == cutsBefore) {
            macroSets.put(name, new Expanded(sets, Set.copyOf(mine)));
        } else {
            cutSets.put(name, sets);
        }
        return negated ? neg : pos;
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

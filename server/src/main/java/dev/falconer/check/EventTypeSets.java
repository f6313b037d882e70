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

    private final Map<String, Integer> index = new HashMap<>();
    private final int size;
    private final Function<String, BoolExpr> macros;
    private final Map<String, BitSet[]> macroSets = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    EventTypeSets(SortedSet<String> names, Function<String, BoolExpr> macros) {
        for (String n : names) {
            index.put(n, index.size());
        }
        this.size = index.size();
        this.macros = macros;
    }

    /** Approximate event-code count of what {@code root} can match. */
    int codes(BoolExpr root) {
        return eval(root, false, 0).cardinality() * 2;
    }

    private BitSet all() {
        BitSet b = new BitSet(size);
        b.set(0, size);
        return b;
    }

    private BitSet eval(BoolExpr e, boolean negated, int depth) {
        if (e == null || depth > MAX_DEPTH) {
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
        BitSet[] cached = macroSets.get(name);
        if (cached != null) {
            return cached[negated ? 1 : 0];
        }
        BoolExpr body = macros.apply(name);
        if (body == null || !expanding.add(name)) {
            return all();
        }
        BitSet pos = eval(body, false, depth + 1);
        BitSet neg = eval(body, true, depth + 1);
        expanding.remove(name);
        macroSets.put(name, new BitSet[] {pos, neg});
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

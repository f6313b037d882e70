package dev.falconer.service;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Node;
import dev.falconer.condition.Not;
import dev.falconer.condition.Operand;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Or;
import dev.falconer.condition.Rhs;
import dev.falconer.condition.Span;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.TransformerArg;
import dev.falconer.condition.TransformerList;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import java.util.ArrayList;
import java.util.List;

/**
 * The word of a condition under a cursor: a field, an operator, a modifier, a transformer name,
 * a macro reference or a value, with its span and the check it belongs to (for a value, the
 * check tells which field it is compared with).
 */
record ConditionToken(Kind kind, Span span, Node node, Check check) {

    enum Kind { FIELD, OPERATOR, EXISTS, MODIFIER, TRANSFORMER, MACRO, VALUE }

    /** The token whose span contains {@code index}, else the one that ends exactly there; {@code null} if none. */
    static ConditionToken at(BoolExpr root, int index) {
        if (root == null) {
            return null;
        }
        ConditionToken touching = null;
        for (ConditionToken tok : all(root)) {
            if (tok.span.contains(index)) {
                return tok;
            }
            if (tok.span.end() == index && touching == null) {
                touching = tok;
            }
        }
        return touching;
    }

    /** Every token of the tree, left to right. */
    static List<ConditionToken> all(BoolExpr root) {
        List<ConditionToken> tokens = new ArrayList<>();
        if (root != null) {
            collect(root, tokens);
        }
        return tokens;
    }

    private static void collect(BoolExpr e, List<ConditionToken> out) {
        if (e instanceof And a) {
            a.children().forEach(c -> collect(c, out));
        } else if (e instanceof Or o) {
            o.children().forEach(c -> collect(c, out));
        } else if (e instanceof Not n) {
            collect(n.child(), out);
        } else if (e instanceof MacroRef m) {
            out.add(new ConditionToken(Kind.MACRO, m.span(), m, null));
        } else if (e instanceof Exists x) {
            operand(x.left(), null, out);
            out.add(new ConditionToken(Kind.EXISTS, x.operator(), x, null));
        } else if (e instanceof Check c) {
            operand(c.left(), c, out);
            if (c.operatorSpan() != null) {
                out.add(new ConditionToken(Kind.OPERATOR, c.operatorSpan(), c, c));
            }
            if (c.modifierSpan() != null) {
                out.add(new ConditionToken(Kind.MODIFIER, c.modifierSpan(), c, c));
            }
            if (c.right() != null) {
                rhs(c.right(), c, out);
            }
        }
    }

    private static void operand(Operand o, Check check, List<ConditionToken> out) {
        if (o instanceof FieldRef f) {
            out.add(new ConditionToken(Kind.FIELD, f.span(), f, check));
        } else if (o instanceof Transformer t) {
            transformer(t, check, out);
        }
    }

    private static void rhs(Rhs r, Check check, List<ConditionToken> out) {
        if (r instanceof Value v) {
            out.add(new ConditionToken(Kind.VALUE, v.span(), v, check));
        } else if (r instanceof ValueList l) {
            l.values().forEach(v -> out.add(new ConditionToken(Kind.VALUE, v.span(), v, check)));
        } else if (r instanceof Transformer t) {
            transformer(t, check, out);
        }
    }

    private static void transformer(Transformer t, Check check, List<ConditionToken> out) {
        out.add(new ConditionToken(Kind.TRANSFORMER, t.nameSpan(), t, check));
        for (TransformerArg a : t.args()) {
            targ(a, check, out);
        }
    }

    private static void targ(TransformerArg a, Check check, List<ConditionToken> out) {
        // Literal arguments (separators, option strings) carry no meaning to explain.
        if (a instanceof FieldRef f) {
            out.add(new ConditionToken(Kind.FIELD, f.span(), f, check));
        } else if (a instanceof Transformer t) {
            transformer(t, check, out);
        } else if (a instanceof TransformerList l) {
            l.items().forEach(i -> targ(i, check, out));
        }
    }

    /** The field a check compares, when its left side is a plain field. */
    static FieldRef fieldOf(Check check) {
        return check != null && check.left() instanceof FieldRef f ? f : null;
    }

    /** The operator of the token's check, or {@code null}. */
    Operator operator() {
        return check == null ? null : check.operator();
    }
}

package dev.falconer.condition;

import java.util.List;

/**
 * Structural equality of two ASTs, ignoring spans. A bare and a quoted string value are equal
 * when their text is (libs keeps no trace of the quotes); a field argument likewise.
 */
final class AstEquality {
    private AstEquality() {
    }

    static boolean equal(Node a, Node b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof And x && b instanceof And y) {
            return all(x.children(), y.children());
        }
        if (a instanceof Or x && b instanceof Or y) {
            return all(x.children(), y.children());
        }
        if (a instanceof Not x && b instanceof Not y) {
            return equal(x.child(), y.child());
        }
        if (a instanceof MacroRef x && b instanceof MacroRef y) {
            return x.name().equals(y.name());
        }
        if (a instanceof Exists x && b instanceof Exists y) {
            return equal(x.left(), y.left());
        }
        if (a instanceof Check x && b instanceof Check y) {
            return x.operator() == y.operator() && x.modifier() == y.modifier()
                    && equal(x.left(), y.left()) && equal(x.right(), y.right());
        }
        if (a instanceof FieldRef x && b instanceof FieldRef y) {
            return x.name().equals(y.name()) && equal(x.argument(), y.argument());
        }
        if (a instanceof FieldArg x && b instanceof FieldArg y) {
            return x.value().equals(y.value());
        }
        if (a instanceof Transformer x && b instanceof Transformer y) {
            return x.name().equals(y.name()) && all(x.args(), y.args()) && equal(x.argument(), y.argument());
        }
        if (a instanceof TransformerList x && b instanceof TransformerList y) {
            return all(x.items(), y.items());
        }
        if (a instanceof ValueList x && b instanceof ValueList y) {
            return all(x.values(), y.values());
        }
        if (a instanceof Value x && b instanceof Value y) {
            return x.text().equals(y.text()) && kind(x) == kind(y);
        }
        return false;
    }

    private static Value.Kind kind(Value v) {
        return v.kind() == Value.Kind.QUOTED ? Value.Kind.BARE : v.kind();
    }

    private static boolean all(List<? extends Node> a, List<? extends Node> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}

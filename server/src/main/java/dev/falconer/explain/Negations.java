package dev.falconer.explain;

import dev.falconer.explain.Clause.AllOf;
import dev.falconer.explain.Clause.AnyOf;
import dev.falconer.explain.Clause.Fact;
import dev.falconer.explain.Clause.MacroClause;
import dev.falconer.explain.Clause.Negation;

/** Pushes a negation down to single clauses (De Morgan), which is how a person says "not (a or b)". */
final class Negations {

    private Negations() {
    }

    static Clause negate(Clause c) {
        if (c instanceof Fact f) {
            return f.negate();
        }
        if (c instanceof MacroClause m) {
            return m.negate();
        }
        if (c instanceof Negation n) {
            return n.child();
        }
        if (c instanceof AllOf all) {
            return new AnyOf(all.children().stream().map(Negations::negate).toList(), all.span());
        }
        if (c instanceof AnyOf any) {
            return new AllOf(any.children().stream().map(Negations::negate).toList(), any.span());
        }
        return c;
    }

    /** A negated macro that reads inline reads as the negation of what it says. */
    static Clause inlineBody(MacroClause m) {
        return m.negated() ? negate(m.body()) : m.body();
    }
}

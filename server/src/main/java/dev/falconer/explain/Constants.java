package dev.falconer.explain;

import dev.falconer.explain.Clause.AllOf;
import dev.falconer.explain.Clause.AnyOf;
import dev.falconer.explain.Clause.Fact;
import dev.falconer.explain.Clause.MacroClause;
import dev.falconer.explain.Clause.Negation;
import java.util.List;
import java.util.Optional;

/**
 * Which clauses hold for every event or for none, through the switch placeholders of rules files
 * ({@code never_true}, {@code always_true}): a rule whose condition never holds never fires
 * until a user overrides the placeholder, and its explanation says so.
 */
final class Constants {

    private Constants() {
    }

    /** True when {@code c} holds for every event, false when for none, empty when it depends on the event. */
    static Optional<Boolean> value(Clause c) {
        if (c instanceof Fact f) {
            return f.kind() == Fact.Kind.CONSTANT ? Optional.of("idiom.always".equals(f.phrase().key())) : Optional.empty();
        }
        if (c instanceof Negation n) {
            return value(n.child()).map(v -> !v);
        }
        if (c instanceof MacroClause m) {
            return m.state() != MacroClause.State.RESOLVED ? Optional.empty() : value(m.body()).map(v -> v != m.negated());
        }
        if (c instanceof AllOf all) {
            return combined(all.children(), false);
        }
        if (c instanceof AnyOf any) {
            return combined(any.children(), true);
        }
        return Optional.empty();
    }

    /** An "and" ({@code decisive} false) or an "or" ({@code decisive} true): one decisive child decides it. */
    private static Optional<Boolean> combined(List<Clause> children, boolean decisive) {
        boolean allOther = true;
        for (Clause child : children) {
            Optional<Boolean> v = value(child);
            if (v.isPresent() && v.get() == decisive) {
                return v;
            }
            allOther &= v.isPresent();
        }
        return allOther ? Optional.of(!decisive) : Optional.empty();
    }
}

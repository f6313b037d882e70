package dev.falconer.explain;

import dev.falconer.condition.Span;
import java.util.List;

/**
 * One node of an explanation: a clause of the condition. {@code span} is the clause's range in the
 * condition text, or {@code null} for clauses that are not written there (exceptions).
 */
public sealed interface Clause {

    Span span();

    /** Every one of the children holds. */
    record AllOf(List<Clause> children, Span span) implements Clause {
        public AllOf {
            children = List.copyOf(children);
        }
    }

    /** At least one of the children holds. */
    record AnyOf(List<Clause> children, Span span) implements Clause {
        public AnyOf {
            children = List.copyOf(children);
        }
    }

    /** A negated group ({@code not (a or b)}); negations of single clauses are folded into them. */
    record Negation(Clause child, Span span) implements Clause {
    }

    /**
     * A single statement: a check, an {@code exists}, a set of event types. {@code phrase} is its
     * wording as it stands, {@code opposite} the wording of its negation, {@code denial} (or
     * {@code null}) a clause that says its negation better than one phrase can.
     */
    record Fact(Kind kind, Phrase phrase, Phrase opposite, List<ValueNote> notes, Span span, Clause denial)
            implements Clause {
        public Fact {
            notes = List.copyOf(notes);
        }

        public Fact(Kind kind, Phrase phrase, Phrase opposite, List<ValueNote> notes, Span span) {
            this(kind, phrase, opposite, notes, span, null);
        }

        /** {@code CONSTANT}: a check that always or never holds, written as a switch ({@code evt.num=0}). */
        public enum Kind { CHECK, EXISTS, EVENT_TYPES, CONSTANT }

        /**
         * Its negation: the {@code denial} clause when it has one (a field of either end denied reads
         * as each end denied), else the opposite wording.
         */
        public Clause negate() {
            return denial != null ? denial : new Fact(kind, opposite, phrase, notes, span);
        }
    }

    /**
     * A macro reference. {@code body} is the macro's own explanation ({@code null} unless
     * {@code state} is {@code RESOLVED}); {@code comment} is the YAML comment above the macro.
     * {@code HIDDEN}: a macro that the referring macro cannot see, being defined only after it.
     *
     * @param inline a macro that says one thing ({@code spawned_process}: a new process was
     *               started) reads best as that thing; larger ones are named and explained on
     *               their own, and so is a placeholder ({@code user_known_x: never_true}), whose
     *               name is what a reader overrides. Worked out once, when the clause is made: asked at every level of a
     *               chain of macros, it made explaining a chain of 2,000 take 26 s.
     */
    record MacroClause(String name, boolean negated, State state, Clause body, String comment, Span span,
                       boolean inline) implements Clause {

        public enum State { RESOLVED, UNDEFINED, HIDDEN, CYCLE, TOO_DEEP }

        public MacroClause(String name, boolean negated, State state, Clause body, String comment, Span span) {
            this(name, negated, state, body, comment, span, state == State.RESOLVED && (body instanceof Fact f
                    && f.kind() != Fact.Kind.CONSTANT || body instanceof MacroClause m && m.inline()));
        }

        public MacroClause negate() {
            return new MacroClause(name, !negated, state, body, comment, span);
        }
    }

    /** A condition (or part of one) that does not parse: there is nothing to explain yet. */
    record Unparsed(Span span) implements Clause {
    }
}

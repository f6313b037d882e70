package dev.falconer.explain;

import dev.falconer.condition.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A check reduced to what its wording depends on: subject, operator family, quantifier, polarity
 * and values (or a field on the right-hand side). Checks with the same subject and operator can be
 * merged: {@code a contains x or a contains y} is {@code a contains any of (x, y)}.
 *
 * @param subjectKey canonical text of the left operand, for grouping
 * @param field the plain field name when the left operand is a field, else {@code null}
 * @param op operator family as used in phrase keys ({@code eq}, {@code contains} …)
 * @param rhsOperand a field or transformer on the right-hand side, else {@code null}
 * @param direction {@code <} or {@code >} folded from {@code evt.dir} into an event-type check, else {@code null}
 * @param byOperator the operator negates ({@code !=}), each value at a time: on a field that holds
 *                   when any ancestor matches ({@code proc.aname}), that is not what a {@code not}
 *                   around the check says
 */
record CheckShape(String subjectKey, String field, PhraseArg subject, String op, Quantifier quant, boolean negated,
                  List<ValueItem> values, PhraseArg rhsOperand, String direction, Span span, boolean byOperator) {

    CheckShape {
        values = List.copyOf(values);
    }

    CheckShape negate() {
        return new CheckShape(subjectKey, field, subject, op, quant, !negated, values, rhsOperand, direction, span,
                byOperator);
    }

    CheckShape withDirection(String dir, Span wider) {
        return new CheckShape(subjectKey, field, subject, op, quant, negated, values, rhsOperand, dir, wider, byOperator);
    }

    /**
     * A bare ancestor field ({@code proc.aname}, {@code proc.apid} …): true when any ancestor
     * matches, so "not" says that none does.
     */
    boolean anyAncestor() {
        return field != null && OperandPhraser.ANCESTOR_FIELDS.contains(field);
    }

    /** A socket field of either end ({@code fd.ip}, {@code fd.port} …): "not" and "!=" both say that neither end does. */
    boolean eitherEnd() {
        return field != null && OperandPhraser.EITHER_END_FIELDS.contains(field);
    }

    boolean isEventTypes() {
        return "evt.type".equals(field) && "eq".equals(op) && rhsOperand == null
                && (quant == Quantifier.ONE || quant == Quantifier.ANY);
    }

    /** Same subject and operator family: candidates for merging into one quantified check. */
    boolean sameCheckAs(CheckShape other) {
        return subjectKey.equals(other.subjectKey) && op.equals(other.op)
                && (byOperator == other.byOperator || !anyAncestor()); // "!=" and "not =" differ on ancestors only
    }

    /** Merges checks on one subject into a single check over all their values. */
    static CheckShape merge(List<CheckShape> group, Quantifier quant, boolean negated) {
        CheckShape first = group.get(0);
        // a set: a chain of thousands of "or"s, each asking the list so far, took seconds
        java.util.Set<ValueItem> values = new java.util.LinkedHashSet<>();
        Span span = first.span;
        for (CheckShape s : group) {
            values.addAll(s.values);
            span = span == null || s.span == null ? span : span.union(s.span);
        }
        return new CheckShape(first.subjectKey, first.field, first.subject, first.op, quant, negated,
                new ArrayList<>(values), null, first.direction, span, first.byOperator);
    }
}

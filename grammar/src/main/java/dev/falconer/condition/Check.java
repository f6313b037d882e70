package dev.falconer.condition;

/**
 * A binary check {@code <operand> <operator> [<modifier>] <rhs>}.
 *
 * <p>In an AST recovered from a syntax error, {@code operator} may be {@code null} (only the
 * left operand was typed) and {@code right} may be {@code null} (the operator was typed but no
 * value yet); {@code operatorSpan}/{@code modifierSpan} are {@code null} exactly when the
 * corresponding part is absent. A complete parse never contains nulls except for the modifier.
 */
public record Check(Operand left, Operator operator, Span operatorSpan, Modifier modifier, Span modifierSpan,
                    Rhs right, Span span) implements BoolExpr {

    public boolean isComplete() {
        return operator != null && right != null;
    }
}

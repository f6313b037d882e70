package dev.falconer.condition;

/**
 * A binary check {@code <operand> <operator> [<modifier>] <rhs>}.
 *
 * <p>In an AST recovered from a syntax error, {@code operator} may be {@code null} (only the
 * left operand was typed) and {@code right} may be {@code null} (the operator was typed but no
 * value yet); {@code operatorSpan}/{@code modifierSpan} are {@code null} exactly when the
 * corresponding part is absent. A complete parse never contains nulls except for the modifier.
 *
 * <p>What recovery produces ({@link ConditionParser} stops at libs' first error and keeps what was
 * read before it):
 * <ul>
 *   <li>{@code proc.name } or {@code proc.name conta}: operator and right are {@code null};</li>
 *   <li>{@code proc.name = }: operator set, right {@code null};</li>
 *   <li>{@code spawned_process and proc.}: a half-typed field becomes a {@link FieldRef} named
 *       {@code proc.} (also inside transformers and {@code val(}), with operator and right
 *       {@code null};</li>
 *   <li>{@code proc.name in (bash, } or {@code evt.type in (open}: a {@link ValueList} with the
 *       values read so far; {@code proc.name = "/usr/b}: a quoted {@link Value} holding the
 *       text typed after the quote;</li>
 *   <li>an unclosed transformer keeps its arguments; an unclosed parenthesis keeps its content;
 *       an {@code and}/{@code or} with nothing after it leaves just its left side.</li>
 * </ul>
 * Text after the first error is not interpreted.
 */
public record Check(Operand left, Operator operator, Span operatorSpan, Modifier modifier, Span modifierSpan,
                    Rhs right, Span span) implements BoolExpr {

    public boolean isComplete() {
        return operator != null && right != null;
    }
}

package dev.falconer.condition;

/** The unary check {@code <operand> exists}. */
public record Exists(Operand left, Span operator, Span span) implements BoolExpr {
}

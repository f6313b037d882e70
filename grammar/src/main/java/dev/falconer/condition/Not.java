package dev.falconer.condition;

/**
 * A negation. As in Falco, an even number of consecutive {@code not} prefixes cancels out and
 * produces no node; {@code keyword} is the span of the (last effective) {@code not} keyword.
 */
public record Not(BoolExpr child, Span keyword, Span span) implements BoolExpr {
}

package dev.falconer.condition;

/**
 * A node in boolean position: what {@code and}, {@code or} and {@code not} combine.
 * Mirrors libs' {@code and_expr}, {@code or_expr}, {@code not_expr}, {@code identifier_expr},
 * {@code unary_check_expr} and {@code binary_check_expr}.
 */
public sealed interface BoolExpr extends Node permits And, Or, Not, MacroRef, Exists, Check {
}

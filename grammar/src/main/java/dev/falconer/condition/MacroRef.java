package dev.falconer.condition;

/** A bare identifier in boolean position: a reference to a macro. */
public record MacroRef(String name, Span span) implements BoolExpr {
}

package dev.falconer.condition;

/** Every AST node knows where it stands in the condition text. */
public sealed interface Node permits BoolExpr, Operand, Rhs, TransformerArg, FieldArg {
    Span span();
}

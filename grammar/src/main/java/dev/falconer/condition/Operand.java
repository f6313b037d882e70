package dev.falconer.condition;

/** The left-hand side of a check: a field or a transformer applied to fields. */
public sealed interface Operand extends Node permits FieldRef, Transformer {
}

package dev.falconer.condition;

/** The right-hand side of a binary check. */
public sealed interface Rhs extends Node permits Value, ValueList, Transformer {
}

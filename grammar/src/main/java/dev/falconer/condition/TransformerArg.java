package dev.falconer.condition;

/** What may stand inside a transformer's parentheses. */
public sealed interface TransformerArg extends Node permits FieldRef, Transformer, Value, TransformerList {
}

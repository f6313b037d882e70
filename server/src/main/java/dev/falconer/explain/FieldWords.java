package dev.falconer.explain;

/**
 * How a field is worded: its noun phrase ("the process environment"), and the argument it was
 * given when the field takes one. {@code field} is the field's own name without the argument
 * ({@code evt.arg} for {@code evt.arg.flags}); {@code argument} is {@code null} when there is none.
 */
public record FieldWords(String field, String phrase, String argument) {
}

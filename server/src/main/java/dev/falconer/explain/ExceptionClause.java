package dev.falconer.explain;

/**
 * One exception of a rule: when {@code when} holds, the rule does not fire. {@code when} is
 * {@code null} when the exception has no values yet (Falco then ignores it).
 */
public record ExceptionClause(String name, Clause when) {
}

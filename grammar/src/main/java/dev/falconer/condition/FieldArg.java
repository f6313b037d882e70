package dev.falconer.condition;

/**
 * A bracket argument {@code [..]}: {@code value} is unescaped when it was quoted;
 * {@code span} covers the text between the brackets (quotes included), {@code brackets}
 * covers {@code [} through {@code ]}.
 */
public record FieldArg(String value, boolean quoted, Span span, Span brackets) implements Node {
}

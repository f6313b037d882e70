package dev.falconer.condition;

/**
 * A literal. {@code text} is the unescaped value (quotes removed, escapes decoded);
 * {@code span} covers the raw token including quotes.
 *
 * <p>{@link Kind#IDENTIFIER} is the single identifier after a list operator or a modifier
 * ({@code proc.name in my_list}): in Falco that is an undefined list name taken as a literal.
 * Inside a {@link ValueList} a bare value may also be a (defined) list name: the workspace
 * decides.
 */
public record Value(String text, Kind kind, Span span) implements Rhs, TransformerArg {
    public enum Kind { BARE, QUOTED, NUMBER, HEX, IDENTIFIER }
}

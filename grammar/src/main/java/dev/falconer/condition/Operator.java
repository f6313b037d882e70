package dev.falconer.condition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The 20 operators of Falco's filter language, in the order libs lists them. */
public enum Operator {
    EXISTS("exists", Kind.UNARY),
    LE("<=", Kind.NUMERIC),
    LT("<", Kind.NUMERIC),
    GE(">=", Kind.NUMERIC),
    GT(">", Kind.NUMERIC),
    EQEQ("==", Kind.STRING),
    EQ("=", Kind.STRING),
    NE("!=", Kind.STRING),
    GLOB("glob", Kind.STRING),
    IGLOB("iglob", Kind.STRING),
    CONTAINS("contains", Kind.STRING),
    ICONTAINS("icontains", Kind.STRING),
    BCONTAINS("bcontains", Kind.STRING),
    STARTSWITH("startswith", Kind.STRING),
    BSTARTSWITH("bstartswith", Kind.STRING),
    ENDSWITH("endswith", Kind.STRING),
    REGEX("regex", Kind.STRING),
    INTERSECTS("intersects", Kind.LIST),
    IN("in", Kind.LIST),
    PMATCH("pmatch", Kind.LIST);

    /** How the parser treats the right-hand side. */
    public enum Kind { UNARY, NUMERIC, STRING, LIST }

    private final String text;
    private final Kind kind;

    Operator(String text, Kind kind) {
        this.text = text;
        this.kind = kind;
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** Word operators ({@code contains}, {@code in} …) as opposed to symbols ({@code =}, {@code <=} …). */
    public boolean isWord() {
        return Character.isLetter(text.charAt(0));
    }

    public static Optional<Operator> fromText(String text) {
        return Arrays.stream(values()).filter(o -> o.text.equals(text)).findFirst();
    }

    public static List<Operator> all() {
        return List.of(values());
    }
}

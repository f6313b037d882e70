package dev.falconer.explain;

/** How a check relates its subject to a set of values. */
enum Quantifier {
    /** A single value. */
    ONE(""),
    /** At least one of the values ({@code in}, {@code anyof}, an {@code or} of checks on one field). */
    ANY(".any"),
    /** Every value ({@code allof}, an {@code and} of {@code contains} on one field). */
    ALL(".all"),
    /** Exactly one of the values ({@code oneof}). */
    EXACTLY_ONE(".one");

    final String suffix;

    Quantifier(String suffix) {
        this.suffix = suffix;
    }
}

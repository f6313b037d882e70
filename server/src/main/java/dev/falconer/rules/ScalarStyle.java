package dev.falconer.rules;

/** How a YAML scalar was written; decides how its decoded text maps back to the document. */
public enum ScalarStyle {
    PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

    public boolean isBlock() {
        return this == LITERAL || this == FOLDED;
    }

    public boolean isQuoted() {
        return this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
    }
}

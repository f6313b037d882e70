package dev.falconer.condition;

import java.util.Arrays;
import java.util.Optional;

/** Comparison modifiers after a string operator (libs 0.25 / Falco 0.44). */
public enum Modifier {
    ONEOF("oneof"), ANYOF("anyof"), ALLOF("allof");

    private final String text;

    Modifier(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<Modifier> fromText(String text) {
        return Arrays.stream(values()).filter(m -> m.text.equals(text)).findFirst();
    }
}

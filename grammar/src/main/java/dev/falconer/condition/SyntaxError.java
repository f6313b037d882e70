package dev.falconer.condition;

import java.util.List;

/**
 * A syntax error: where, and a message key into {@code dev/falconer/condition/messages*.properties}
 * with its arguments. The text itself lives in the resource bundles (English and Japanese).
 */
public record SyntaxError(Span span, String key, List<String> args) {
    public SyntaxError {
        args = List.copyOf(args);
    }
}

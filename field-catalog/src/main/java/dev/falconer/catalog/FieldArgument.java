package dev.falconer.catalog;

import java.util.OptionalLong;

/**
 * A field argument as the catalog understood it.
 *
 * @param text   the argument text ({@code 2}, {@code HOME}, {@code flags} for {@code evt.arg.flags})
 * @param dotted true for the dotted form ({@code evt.arg.flags}), false for brackets
 * @param index  the numeric value when the text is a non-negative integer
 */
public record FieldArgument(String text, boolean dotted, OptionalLong index) {

    static FieldArgument of(String text, boolean dotted) {
        return new FieldArgument(text, dotted, parseIndex(text));
    }

    static OptionalLong parseIndex(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(text));
    }
}

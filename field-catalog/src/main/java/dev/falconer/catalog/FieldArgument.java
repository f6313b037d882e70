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

    /**
     * An unsigned 64-bit number, as libs reads an index ({@code evt.around} takes a nanosecond
     * timestamp: 19 digits since 2001); read as unsigned, so above {@link Long#MAX_VALUE} it is
     * negative.
     */
    static OptionalLong parseIndex(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // past 2^64 - 1
        }
    }
}

package dev.falconer.condition;

import java.util.List;

/**
 * Falco's quoted strings: where one ends, and what it means.
 *
 * <p>A string closes at the first later occurrence of its quote character whose preceding
 * character is not a backslash (a one-character look-behind, so {@code "a\\"} never closes).
 * Escapes: {@code \b \f \n \r \t}, {@code \\}, {@code \/}, backslash-space (a single backslash),
 * and the string's own quote; anything else is an error (libs 0.25.4 has no {@code \xHH}).
 */
final class QuotedString {
    private QuotedString() {
    }

    /** The unescaped value, or the error that unescaping raised. */
    record Decoded(String value, String errorKey, List<String> errorArgs) {
        boolean ok() {
            return errorKey == null;
        }
    }

    /** End offset (after the closing quote) of the string opened at {@code p}, or -1 if it never closes. */
    static int scan(String s, int p) {
        int n = s.length();
        char quote = s.charAt(p);
        char prev = '\\';
        for (int i = p; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return -1; // libs scans a C string
            }
            if (c == quote && prev != '\\') {
                return i + 1;
            }
            prev = c;
        }
        return -1;
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** Decodes the raw token {@code s[start, end)} including its quotes. */
    static Decoded decode(String s, int start, int end) {
        char quote = s.charAt(start);
        StringBuilder out = null;
        int last = end - 1;
        for (int i = start + 1; i < last; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(last - start).append(s, start + 1, i);
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case ' ', '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case '"', '\'' -> {
                    if (e != quote) {
                        return new Decoded(null, ErrorKeys.WRONG_QUOTE_ESCAPE,
                                List.of(String.valueOf(e), String.valueOf(quote)));
                    }
                    out.append(e);
                }
                default -> {
                    return new Decoded(null, ErrorKeys.BAD_ESCAPE, List.of(String.valueOf(e)));
                }
            }
        }
        return new Decoded(out == null ? s.substring(start + 1, last) : out.toString(), null, null);
    }

    /** Best-effort value of a string that never closed (recovery only): the raw text after the quote. */
    static String lenientValue(String s, int start) {
        return s.substring(start + 1);
    }
}

package dev.falconer.condition;

/**
 * How to spell a string so that Falco's lexer reads it back unchanged: bare when the bare form
 * lexes as exactly that one token, otherwise in double quotes with Falco's escapes.
 */
final class FalcoQuoting {
    private static final String[] MODIFIERS = {"oneof", "anyof", "allof"};

    private FalcoQuoting() {
    }

    /** A string value (right-hand side or value list item). */
    static String string(String value) {
        return bareValue(value) ? value : quote(value);
    }

    /** The text between a field's brackets. */
    static String fieldArgument(String value) {
        return !value.isEmpty() && Lexicon.matchFieldArgBare(value, 0) == value.length() && plain(value)
                ? value : quote(value);
    }

    /**
     * Double-quoted with Falco's escapes. The closing quote must not follow a backslash (libs looks
     * back one character only), so a final backslash is written as backslash-space, which libs also
     * reads as one backslash. A NUL has no spelling and is kept as is.
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        int last = value.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append(i == last ? "\\ " : "\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean bareValue(String value) {
        if (value.isEmpty() || Lexicon.matchBare(value, 0) != value.length() || !plain(value)) {
            return false;
        }
        for (String m : MODIFIERS) {
            if (m.equals(value)) {
                return false; // a bare modifier word right after an operator is easy to misread
            }
        }
        return true;
    }

    /** No backslash, no blank and no control character: nothing a reader could take for an escape or a gap. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || Lexicon.isBlank(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}

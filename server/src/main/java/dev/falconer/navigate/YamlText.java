package dev.falconer.navigate;

import dev.falconer.rules.ScalarStyle;

import java.util.Set;

/** Writing values back into YAML so that the file stays valid and reads back the same text. */
final class YamlText {
    private static final Set<String> SPECIAL_PLAIN = Set.of("", "~", "null", "Null", "NULL");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlText() {
    }

    /**
     * A whole scalar holding {@code value}, in the style of the one it replaces when possible:
     * quoted stays quoted; plain stays plain unless the value needs quotes.
     */
    static String scalar(String value, ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED && value.indexOf('\n') < 0) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (style == ScalarStyle.DOUBLE_QUOTED || !plainSafe(value)) {
            return doubleQuoted(value);
        }
        return value;
    }

    /** Text to write inside an existing scalar of {@code style} so that it decodes to {@code value}. */
    static String inside(String value, ScalarStyle style) {
        return switch (style) {
            case DOUBLE_QUOTED -> escapeDouble(value);
            case SINGLE_QUOTED -> value.replace("'", "''");
            default -> value;
        };
    }

    static String doubleQuoted(String value) {
        return "\"" + escapeDouble(value) + "\"";
    }

    private static String escapeDouble(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * True when {@code value} can be written inside a plain scalar (at its start when
     * {@code atStart}) and the scalar still reads back with it: no comment ({@code " #"}), no
     * mapping ({@code ": "}), nothing that ends a flow entry; conservative on purpose.
     */
    static boolean plainSafeInside(String value, boolean atStart) {
        if (value.isEmpty() || atStart && INDICATORS.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || "#:,[]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code value} can be written as a plain scalar anywhere (block or flow context)
     * and reads back as the same text: conservative on purpose.
     */
    static boolean plainSafe(String value) {
        if (SPECIAL_PLAIN.contains(value) || INDICATORS.indexOf(value.charAt(0)) >= 0
                || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                return false;
            }
            if (c == ':' && (i + 1 == value.length() || value.charAt(i + 1) == ' ')) {
                return false;
            }
            if (c == '#' && i > 0 && value.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }
}

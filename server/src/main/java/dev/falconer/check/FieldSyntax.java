package dev.falconer.check;

import java.util.regex.Pattern;

/** The condition grammar's FieldName token, optionally with a {@code [arg]} (spec §1.2, §1.5). */
final class FieldSyntax {
    static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*(\\.[a-zA-Z]+[a-zA-Z0-9_]*)+");
    private static final Pattern FIELD_TEXT = Pattern.compile(FIELD_NAME.pattern() + "(\\[[^\\]\\[\"'\\s]+\\])?");

    private FieldSyntax() {
    }

    static boolean isFieldText(String text) {
        return FIELD_TEXT.matcher(text).matches();
    }
}

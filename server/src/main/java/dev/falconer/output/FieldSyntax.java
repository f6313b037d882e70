package dev.falconer.output;

import java.util.regex.Pattern;

/**
 * The condition grammar's FieldName token, optionally with a {@code [arg]} (spec §1.2, §1.5): what
 * a field looks like, in conditions, exceptions and output placeholders alike.
 */
public final class FieldSyntax {
    public static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*(\\.[a-zA-Z]+[a-zA-Z0-9_]*)+");
    private static final Pattern FIELD_TEXT = Pattern.compile(FIELD_NAME.pattern() + "(\\[[^\\]\\[\"'\\s]+\\])?");

    private FieldSyntax() {
    }

    /** {@code text} is a field name, with an argument or not ({@code proc.aname[2]}). */
    public static boolean isFieldText(String text) {
        return FIELD_TEXT.matcher(text).matches();
    }
}

package dev.falconer.output;

import dev.falconer.condition.Lexicon;
import java.util.regex.Pattern;

/**
 * The condition grammar's FieldName token, optionally with a {@code [arg]} (spec §1.2, §1.5): what
 * a field looks like, in conditions, exceptions and output placeholders alike.
 */
public final class FieldSyntax {
    public static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*(\\.[a-zA-Z]+[a-zA-Z0-9_]*)+");

    private FieldSyntax() {
    }

    /**
     * {@code text} is a field name, with an argument or not ({@code proc.aname[2]}):
     * {@code FIELD_NAME(\[[^\]\["'\s]+\])?}. With the condition lexer's own matcher rather than a
     * pattern: the checks ask for every value of every condition, and a pattern's matcher ran
     * interpreted on a file's first check (~3 % of it).
     */
    public static boolean isFieldText(String text) {
        int n = text.length();
        int i = Lexicon.matchFieldName(text, 0);
        if (i < 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        // the argument: a bare one, closed by the last character
        return text.charAt(i) == '[' && text.charAt(n - 1) == ']' && Lexicon.matchFieldArgBare(text, i + 1) == n - 1;
    }
}

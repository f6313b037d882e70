package dev.falconer.check;

import dev.falconer.condition.ErrorKeys;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text Falco parses and repairs the one mistake worth looking past: a bracketed list
 * after {@code in}/{@code intersects}/{@code pmatch} ({@code [bash]}, written as in YAML). Falco
 * stops at it; we report it once, as a {@code list-literal} error suggesting parentheses, and
 * check the rest of the condition as if parentheses had been written (same length, so every
 * later offset stays valid).
 */
final class ConditionSyntax {
    private static final int MAX_REPAIRS = 16;

    /**
     * @param parsed      the final parse (repaired when brackets were found)
     * @param brackets    each {@code [..]} replaced by parentheses, in the original text's offsets
     * @param error       the first syntax error left, or {@code null}
     */
    record Result(ParsedCondition parsed, List<Span> brackets, SyntaxError error) {
        /** Nodes ending after this offset come from error recovery and are not checked. */
        int validBefore() {
            return error == null ? Integer.MAX_VALUE : error.span().start();
        }
    }

    private ConditionSyntax() {
    }

    static Result parse(CheckContext ctx, String text) {
        ParsedCondition parsed = ctx.parse(text);
        List<Span> brackets = new ArrayList<>();
        char[] chars = null;
        for (int i = 0; i < MAX_REPAIRS && !parsed.ok(); i++) {
            SyntaxError e = parsed.errors().get(0);
            int open = e.span().start();
            if (!ErrorKeys.EXPECTED_LIST.equals(e.key()) || open >= text.length() || text.charAt(open) != '[') {
                break;
            }
            int close = closingBracket(text, open);
            if (close < 0) {
                break;
            }
            if (chars == null) {
                chars = text.toCharArray();
            }
            chars[open] = '(';
            chars[close] = ')';
            brackets.add(Span.of(open, close + 1));
            parsed = ctx.parse(new String(chars));
        }
        return new Result(parsed, brackets, parsed.ok() ? null : parsed.errors().get(0));
    }

    /** The ']' closing the '[' at {@code open}, past quoted strings ({@code ["a]b", c]}; QA round 18), or -1. */
    static int closingBracket(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = dev.falconer.condition.Lexicon.matchQuoted(text, i);
                i = end < 0 ? text.length() : end - 1; // the string's closing quote (or none: no ']')
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}

package dev.falconer.navigate;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.ParsedCondition;

import java.util.ArrayList;
import java.util.List;

/**
 * What follows a condition's first syntax error, read again from the next {@code and} or
 * {@code or}. Falco's parser stops at the error, and so does ours; but a user typing in the middle
 * of a long condition has an error there for a moment while the rest stays valid, and its words
 * should keep their colours. Each remainder is parsed on its own up to its own first error, from
 * where the next {@code and}/{@code or} starts another.
 */
final class ConditionRemainders {
    /** Each read parses up to the next error: a condition broken everywhere is read this often at most. */
    static final int MAX_READS = 64;

    /** A remainder's parse, its spans relative to {@code offset} in the whole condition. */
    record Remainder(int offset, ParsedCondition parsed) {
    }

    private ConditionRemainders() {
    }

    static List<Remainder> after(ParsedCondition parsed) {
        if (parsed.ok()) {
            return List.of();
        }
        String text = parsed.text();
        List<Remainder> out = new ArrayList<>();
        int from = Math.max(0, Math.min(text.length(), parsed.errors().get(0).span().start()));
        for (int read = 0; read < MAX_READS; read++) {
            int next = nextConnectiveEnd(text, from);
            if (next < 0) {
                break;
            }
            ParsedCondition rest = ConditionParser.parse(text.substring(next));
            if (rest.root() != null) {
                out.add(new Remainder(next, rest));
            }
            if (rest.ok()) {
                break;
            }
            from = next + Math.max(0, rest.errors().get(0).span().start());
        }
        return out;
    }

    /**
     * The end of the first {@code and}/{@code or} keyword at or after {@code from}, outside quoted
     * strings, standing alone or before a parenthesis; -1 when there is none.
     */
    static int nextConnectiveEnd(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = closingQuote(text, i);
                // an unclosed quote is most often the stray one the error is about: read on past it
                i = close < 0 ? i + 1 : close + 1;
            } else if ((c == 'a' || c == 'o') && (i == 0 || separates(text.charAt(i - 1)))) {
                int end = text.startsWith("and", i) ? i + 3 : text.startsWith("or", i) ? i + 2 : -1;
                if (end > 0 && (end == n || separates(text.charAt(end)) || text.charAt(end) == '(')) {
                    return end;
                }
                i++;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean separates(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ')';
    }

    /** The offset of the quote closing the one at {@code open}, as Falco's parser finds it, or -1. */
    static int closingQuote(String text, int open) {
        int end = dev.falconer.condition.Lexicon.matchQuoted(text, open);
        return end < 0 ? -1 : end - 1;
    }
}

package dev.falconer.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Where the clause that ends a condition prefix begins: just after the last {@code and}, {@code or},
 * {@code not} or group {@code (} of the innermost open group, outside quotes. A {@code (} that opens a
 * value list or a call ({@code in (}, {@code startswith oneof (}, {@code tolower(}) belongs to the
 * clause. Completion parses this clause alone when the condition has an error before it, so an
 * earlier mistake does not silence proposals at the cursor.
 */
final class ClauseStart {
    private static final Set<String> CONNECTORS = Set.of("and", "or", "not");

    private ClauseStart() {
    }

    static int of(String text) {
        Deque<Integer> starts = new ArrayDeque<>();
        starts.push(0);
        // Whether the last token lets a group begin: the start, a connector, or a group's "(".
        boolean groupMayOpen = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = closingQuote(text, i);
                i = close < 0 ? text.length() : close;
                groupMayOpen = false;
            } else if (ConditionCompletion.isWordChar(c)) {
                int end = i;
                while (end < text.length() && ConditionCompletion.isWordChar(text.charAt(end))) {
                    end++;
                }
                groupMayOpen = CONNECTORS.contains(text.substring(i, end));
                if (groupMayOpen) {
                    starts.pop();
                    starts.push(end);
                }
                i = end;
            } else {
                if (c == '(') {
                    starts.push(groupMayOpen ? i + 1 : starts.peek());
                } else if (c == ')' && starts.size() > 1) {
                    starts.pop();
                }
                if (!Character.isWhitespace(c)) {
                    groupMayOpen = c == '(' && groupMayOpen;
                }
                i++;
            }
        }
        return starts.peek();
    }

    /** True when {@code text} ends inside a quoted string (a backslash escapes the next character). */
    static boolean endsInQuotes(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(text, i);
                if (i < 0) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    /** Index just after the quote closing the one at {@code open}, or -1 when none closes it. */
    private static int closingQuote(String text, int open) {
        char q = text.charAt(open);
        for (int j = open + 1; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == q) {
                return j + 1;
            }
        }
        return -1;
    }
}

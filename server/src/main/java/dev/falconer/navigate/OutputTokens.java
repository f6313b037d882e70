package dev.falconer.navigate;

import java.util.ArrayList;
import java.util.List;

/**
 * The placeholders of an output string as an editor colours them (spec §3): after each {@code %}
 * an optional width, then a field ({@code proc.name}, {@code proc.aname[2]}) or a transformer
 * applied to fields ({@code toupper(user.name)}). Offsets are indexes into the output text.
 */
final class OutputTokens {
    private OutputTokens() {
    }

    /** A word of a placeholder: a field name, its bracket argument, or a transformer name. */
    record Word(int start, int end, TokenType type) {
    }

    static List<Word> of(String output) {
        List<Word> out = new ArrayList<>();
        int n = output.length();
        int i = output.indexOf('%');
        while (i >= 0 && i < n) {
            int p = i + 1;
            while (p < n && Character.isDigit(output.charAt(p))) {
                p++;
            }
            int nameEnd = name(output, p);
            if (nameEnd > p && nameEnd < n && output.charAt(nameEnd) == '(') {
                out.add(new Word(p, nameEnd, TokenType.FUNCTION));
                int close = output.indexOf(')', nameEnd);
                int end = close < 0 ? n : close;
                fields(output, nameEnd + 1, end, out);
                p = end;
            } else if (nameEnd > p) {
                p = field(output, p, nameEnd, out);
            }
            i = output.indexOf('%', Math.max(p, i + 1));
        }
        return out;
    }

    /** Fields inside a transformer's parentheses. */
    private static void fields(String s, int from, int to, List<Word> out) {
        int p = from;
        while (p < to) {
            int e = name(s, p);
            if (e > p) {
                p = field(s, p, Math.min(e, to), out);
            } else {
                p++;
            }
        }
    }

    /** A field name (with dots) from {@code start} to {@code end}, then its {@code [arg]}; returns where it ends. */
    private static int field(String s, int start, int end, List<Word> out) {
        if (s.indexOf('.', start) < 0 || s.indexOf('.', start) >= end) {
            return end; // a field always has a dot; anything else is text
        }
        out.add(new Word(start, end, TokenType.PROPERTY));
        if (end < s.length() && s.charAt(end) == '[') {
            int close = s.indexOf(']', end);
            if (close > end + 1) {
                out.add(new Word(end + 1, close, TokenType.PARAMETER));
                return close + 1;
            }
        }
        return end;
    }

    private static int name(String s, int p) {
        int e = p;
        if (e < s.length() && Character.isLetter(s.charAt(e))) {
            e++;
            while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_'
                    || (s.charAt(e) == '.' && e + 1 < s.length() && Character.isLetterOrDigit(s.charAt(e + 1))))) {
                e++;
            }
        }
        return e;
    }
}

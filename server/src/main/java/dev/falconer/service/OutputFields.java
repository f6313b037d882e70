package dev.falconer.service;

import dev.falconer.condition.Span;
import java.util.ArrayList;
import java.util.List;

/** The {@code %field} placeholders of an output string (spans exclude the {@code %}). */
final class OutputFields {
    private OutputFields() {
    }

    static boolean isNameChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '.' || ch == '_';
    }

    /** Every placeholder, in order: {@code %name} or {@code %name[arg]}. */
    static List<Span> all(String output) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while ((i = output.indexOf('%', i)) >= 0) {
            int start = i + 1;
            int end = start;
            while (end < output.length() && isNameChar(output.charAt(end))) {
                end++;
            }
            if (end < output.length() && output.charAt(end) == '[') {
                int close = output.indexOf(']', end);
                if (close > 0) {
                    end = close + 1;
                }
            }
            if (end > start) {
                out.add(new Span(start, end));
            }
            i = Math.max(end, start);
        }
        return out;
    }

    /** The placeholder containing or ending at {@code index}, or {@code null}. */
    static Span at(String output, int index) {
        for (Span s : all(output)) {
            if (s.touches(index)) {
                return s;
            }
        }
        return null;
    }
}

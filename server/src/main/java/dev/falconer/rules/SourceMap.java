package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.Arrays;

/**
 * Maps each UTF-16 character of a decoded scalar value to the document range it was read from
 * (an escape such as {@code \u00e9} covers six document characters, a folded line break covers
 * the break it replaces) and back. {@code exact()} is false only when the value could not be
 * re-derived from the raw text; offsets are then spread over the scalar's range.
 */
public final class SourceMap {
    private final String value;
    private final int[] starts;
    private final int[] ends;
    private final TextSpan scalarSpan;
    private final int endOffset;
    private final boolean exact;
    /** Added to every stored offset: maps are shared between copies of a scalar at other places. */
    private final int shift;

    SourceMap(String value, int[] starts, int[] ends, TextSpan scalarSpan, int endOffset, boolean exact) {
        this(value, starts, ends, scalarSpan, endOffset, exact, 0);
    }

    private SourceMap(String value, int[] starts, int[] ends, TextSpan scalarSpan, int endOffset, boolean exact,
                      int shift) {
        this.value = value;
        this.starts = starts;
        this.ends = ends;
        this.scalarSpan = scalarSpan;
        this.endOffset = endOffset;
        this.exact = exact;
        this.shift = shift;
    }

    /** The same map for the same scalar text placed at {@code span} (this one placed at offset 0). */
    SourceMap placedAt(TextSpan span) {
        return new SourceMap(value, starts, ends, span, endOffset, exact, span.start());
    }

    public String value() {
        return value;
    }

    public boolean exact() {
        return exact;
    }

    public TextSpan scalarSpan() {
        return scalarSpan;
    }

    /**
     * Document offset of the value character at {@code index}; {@code index == length} gives the
     * offset just after the last character. Out-of-range indexes are clamped.
     */
    public int documentOffset(int index) {
        if (value.isEmpty()) {
            return endOffset + shift;
        }
        if (index >= value.length()) {
            return ends[value.length() - 1] + shift;
        }
        return starts[Math.max(0, index)] + shift;
    }

    /** Document range of the value characters {@code [start, end)}; empty ranges stay empty. */
    public TextSpan documentSpan(int start, int end) {
        if (value.isEmpty()) {
            return TextSpan.empty(endOffset + shift);
        }
        int s = Math.max(0, Math.min(start, value.length()));
        int e = Math.max(s, Math.min(end, value.length()));
        if (e == s) {
            int at = documentOffset(s);
            return TextSpan.empty(at);
        }
        int from = starts[s] + shift;
        int to = Math.max(from, ends[e - 1] + shift);
        return new TextSpan(from, to);
    }

    public TextSpan documentSpan(dev.falconer.condition.Span span) {
        return documentSpan(span.start(), span.end());
    }

    /**
     * The value index whose document range contains {@code offset}, or the first one after it;
     * {@code -1} when the offset lies outside the scalar's value.
     */
    public int valueIndex(int documentOffset) {
        int offset = documentOffset - shift;
        if (value.isEmpty() || offset < starts[0] || offset > ends[value.length() - 1]) {
            return offset == endOffset && !value.isEmpty() ? value.length() : -1;
        }
        int i = Arrays.binarySearch(starts, offset);
        if (i >= 0) {
            while (i > 0 && starts[i - 1] == offset) {
                i--;
            }
            return i;
        }
        int before = -i - 2;
        if (before >= 0 && offset < ends[before]) {
            return before;
        }
        return Math.min(-i - 1, value.length());
    }
}

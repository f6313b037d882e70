package dev.falconer.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into a whole document. Kept distinct
 * from the grammar's {@code Span}, whose offsets count inside one condition string.
 */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    // Written out: the generated record methods go through method handles, which C1 (the server's
    // only compiler) does not inline; spans are hashed and compared a lot on every keystroke.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TextSpan s && start == s.start && end == s.end;
    }

    /** The generated record's value. */
    @Override
    public int hashCode() {
        return 31 * start + end;
    }

    public static TextSpan of(int start, int end) {
        return new TextSpan(start, end);
    }

    public static TextSpan empty(int at) {
        return new TextSpan(at, at);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** True when {@code offset} lies inside the span or touches its end (a cursor after a token). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean contains(TextSpan other) {
        return other.start >= start && other.end <= end;
    }

    public TextSpan union(TextSpan other) {
        return new TextSpan(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * This span cut to end no later than {@code outer} does: a block scalar's YAML node runs to
     * the next item, over the blank lines between, and so does the entry holding it.
     */
    public TextSpan endingWithin(TextSpan outer) {
        return end <= outer.end() ? this : new TextSpan(start, Math.max(start, outer.end()));
    }

    public TextSpan shift(int delta) {
        return new TextSpan(start + delta, end + delta);
    }

    public String textOf(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}

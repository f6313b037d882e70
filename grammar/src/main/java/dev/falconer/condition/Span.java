package dev.falconer.condition;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into the condition text.
 * Offsets are Java {@code String} indices, so they map directly onto LSP positions
 * once the rules layer adds the condition's own position in the document.
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public static Span of(int start, int end) {
        return new Span(start, end);
    }

    public int length() {
        return end - start;
    }

    /** True when {@code offset} lies inside the span or touches its end (a cursor after a token). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public Span union(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public String textOf(String text) {
        return text.substring(start, end);
    }
}

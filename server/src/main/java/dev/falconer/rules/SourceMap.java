package dev.falconer.rules;

import dev.falconer.text.RunLookup;
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
    /** Per value character: first and just-after document offset; null when {@code runs} holds them. */
    private final int[] starts;
    private final int[] ends;
    /**
     * The same offsets as maximal runs, three ints per run: first value index, its start offset,
     * its width (end - start); within a run each start is one after the previous and every
     * character has the run's width. Most scalars are a few runs (one per line of a block scalar,
     * one per escape): the maps are kept with the documents, and per-character arrays were
     * 2.6 MB of the live heap after the lspprobe run.
     */
    private final int[] runs;
    private final TextSpan scalarSpan;
    private final int endOffset;
    private final boolean exact;
    /** Added to every stored offset: maps are shared between copies of a scalar at other places. */
    private final int shift;

    SourceMap(String value, int[] starts, int[] ends, TextSpan scalarSpan, int endOffset, boolean exact) {
        this(value, starts, ends, scalarSpan, endOffset, exact, true);
    }

    /** {@code compact}: keep runs when they are smaller than the arrays (false only to test both forms). */
    SourceMap(String value, int[] starts, int[] ends, TextSpan scalarSpan, int endOffset, boolean exact,
              boolean compact) {
        int[] r = compact ? runsOf(starts, ends, value.length()) : null;
        this.value = value;
        this.starts = r == null ? starts : null;
        this.ends = r == null ? ends : null;
        this.runs = r;
        this.scalarSpan = scalarSpan;
        this.endOffset = endOffset;
        this.exact = exact;
        this.shift = 0;
    }

    private SourceMap(SourceMap map, TextSpan scalarSpan, int shift) {
        this.value = map.value;
        this.starts = map.starts;
        this.ends = map.ends;
        this.runs = map.runs;
        this.scalarSpan = scalarSpan;
        this.endOffset = map.endOffset;
        this.exact = map.exact;
        this.shift = shift;
    }

    /** The maximal runs of the offsets, or null when they would not be smaller than the arrays. */
    private static int[] runsOf(int[] starts, int[] ends, int n) {
        int[] r = new int[2 * n + 3];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int width = ends[i] - starts[i];
            if (k > 0 && starts[i] == starts[i - 1] + 1 && width == r[k - 1]) {
                continue;
            }
            if (k + 3 >= 2 * n) {
                return null;
            }
            r[k] = i;
            r[k + 1] = starts[i];
            r[k + 2] = width;
            k += 3;
        }
        return Arrays.copyOf(r, k);
    }

    /** Offset into {@code runs} of the run holding value index {@code i} (0 <= i < length). */
    private int runAt(int i) {
        return RunLookup.runAt(runs, i);
    }

    private int start(int i) {
        if (runs == null) {
            return starts[i];
        }
        int r = runAt(i);
        return runs[r + 1] + i - runs[r];
    }

    private int end(int i) {
        if (runs == null) {
            return ends[i];
        }
        int r = runAt(i);
        return runs[r + 1] + i - runs[r] + runs[r + 2];
    }

    /** The same map for the same scalar text placed at {@code span} (this one placed at offset 0). */
    SourceMap placedAt(TextSpan span) {
        return new SourceMap(this, span, span.start());
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
            return end(value.length() - 1) + shift;
        }
        return start(Math.max(0, index)) + shift;
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
        int from = start(s) + shift;
        int to = Math.max(from, end(e - 1) + shift);
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
        if (value.isEmpty() || offset < start(0) || offset > end(value.length() - 1)) {
            return offset == endOffset && !value.isEmpty() ? value.length() : -1;
        }
        int i = binarySearch(offset);
        if (i >= 0) {
            while (i > 0 && start(i - 1) == offset) {
                i--;
            }
            return i;
        }
        int before = -i - 2;
        if (before >= 0 && offset < end(before)) {
            return before;
        }
        return Math.min(-i - 1, value.length());
    }

    /** {@link Arrays#binarySearch(int[], int)} over the start offsets, step for step. */
    private int binarySearch(int key) {
        int low = 0;
        int high = value.length() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int midVal = start(mid);
            if (midVal < key) {
                low = mid + 1;
            } else if (midVal > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}

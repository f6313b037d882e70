package dev.falconer.text;

import java.util.Arrays;

/**
 * Line starts of a text, answering offset to position and back in O(log n). A line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, as LSP counts lines. Positions are UTF-16 code
 * units, the unit of Java strings, so no conversion is needed within a line.
 */
public final class LineIndex {
    private final int length;
    private final int[] lineStarts;
    /** Offset where each line's content ends (before its line break). */
    private final int[] lineEnds;

    private LineIndex(int length, int[] lineStarts, int[] lineEnds) {
        this.length = length;
        this.lineStarts = lineStarts;
        this.lineEnds = lineEnds;
    }

    /**
     * The lines of {@code text}. The breaks are found with {@code indexOf}, a tight loop over the
     * string's bytes: a loop of {@code charAt} cost 2.5 times as much compiled (the clients' C1)
     * and more interpreted, at a cold start, where every file is indexed once.
     */
    public static LineIndex of(String text) {
        int n = text.length();
        int[] starts = new int[16];
        int[] ends = new int[16];
        int count = 0;
        int lineStart = 0;
        int lf = text.indexOf('\n');
        int cr = text.indexOf('\r');
        while (lf >= 0 || cr >= 0) {
            int end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[count] = lineStart;
            ends[count] = end;
            count++;
            lineStart = end + (end == cr && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
            if (lf >= 0 && lf < lineStart) {
                lf = text.indexOf('\n', lineStart);
            }
            if (cr >= 0 && cr < lineStart) {
                cr = text.indexOf('\r', lineStart);
            }
        }
        if (count + 1 > starts.length) {
            starts = Arrays.copyOf(starts, count + 1);
            ends = Arrays.copyOf(ends, count + 1);
        }
        starts[count] = lineStart;
        ends[count] = n;
        count++;
        return new LineIndex(n, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /**
     * The index of {@code newText}, which is this index's text with {@code [start, oldEnd)}
     * replaced by {@code newText[start, newEnd)}: line starts before the edit are kept, those
     * after it shifted, and only the inserted text is scanned, so a keystroke costs a copy of two
     * int arrays instead of a scan of the whole text. A line start depends on the character
     * before it and (after a {@code \r}) the one at it, so starts up to {@code start - 1} and
     * from {@code oldEnd + 1} on are stable.
     */
    public LineIndex edited(CharSequence newText, int start, int oldEnd, int newEnd) {
        int n = newText.length();
        int delta = newEnd - oldEnd;
        int before = firstStartAtOrAfter(start);
        int after = firstStartAtOrAfter(oldEnd + 1);
        int[] middle = new int[8];
        int m = 0;
        for (int p = start; p <= newEnd && p <= n; p++) {
            if (isLineStart(newText, p, n)) {
                if (m == middle.length) {
                    middle = Arrays.copyOf(middle, m * 2);
                }
                middle[m++] = p;
            }
        }
        int count = before + m + (lineStarts.length - after);
        int[] starts = new int[count];
        int[] ends = new int[count];
        System.arraycopy(lineStarts, 0, starts, 0, before);
        System.arraycopy(middle, 0, starts, before, m);
        System.arraycopy(lineEnds, 0, ends, 0, before);
        for (int i = after, j = before + m; i < lineStarts.length; i++, j++) {
            starts[j] = lineStarts[i] + delta;
            ends[j] = lineEnds[i] + delta;
        }
        // a line's end depends on where the next one starts: recompute it for the lines around the edit
        int last = count - 1;
        for (int i = Math.max(0, before - 1); i <= Math.min(before + m, last); i++) {
            ends[i] = i == last ? n : contentEnd(newText, starts[i], starts[i + 1]);
        }
        return new LineIndex(n, starts, ends);
    }

    /** Index of the first line start at or after {@code offset}. */
    private int firstStartAtOrAfter(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 1;
    }

    private static boolean isLineStart(CharSequence text, int p, int n) {
        if (p == 0) {
            return true;
        }
        char c = text.charAt(p - 1);
        return c == '\n' || (c == '\r' && (p == n || text.charAt(p) != '\n'));
    }

    /** Where a line's content ends, given where it and the next line start. */
    private static int contentEnd(CharSequence text, int start, int nextStart) {
        int e = nextStart - 1;
        return e > start && text.charAt(e) == '\n' && text.charAt(e - 1) == '\r' ? e - 1 : e;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int length() {
        return length;
    }

    public int lineStart(int line) {
        return lineStarts[clampLine(line)];
    }

    /** Offset of the end of the line's content, before its line break. */
    public int lineEnd(int line) {
        return lineEnds[clampLine(line)];
    }

    /** The 0-based line holding {@code offset}; offsets are clamped to the text. */
    public int lineOf(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int i = Arrays.binarySearch(lineStarts, o);
        return i >= 0 ? i : -i - 2;
    }

    /** Offset to position; an offset inside a {@code \r\n} pair lands at the end of the line. */
    public TextPosition position(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int line = lineOf(o);
        int column = Math.min(o, lineEnds[line]) - lineStarts[line];
        return new TextPosition(line, column);
    }

    public TextRange range(TextSpan span) {
        return new TextRange(position(span.start()), position(span.end()));
    }

    /**
     * Position to offset, clamped as LSP asks: a line past the end maps to the end of the text,
     * a character past the end of its line maps to the end of that line's content.
     */
    public int offset(TextPosition position) {
        return offset(position.line(), position.character());
    }

    public int offset(int line, int character) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return length;
        }
        int start = lineStarts[line];
        return start + Math.max(0, Math.min(character, lineEnds[line] - start));
    }

    public TextSpan span(TextRange range) {
        int a = offset(range.start());
        int b = offset(range.end());
        return a <= b ? new TextSpan(a, b) : new TextSpan(b, a);
    }

    private int clampLine(int line) {
        return Math.max(0, Math.min(line, lineStarts.length - 1));
    }
}

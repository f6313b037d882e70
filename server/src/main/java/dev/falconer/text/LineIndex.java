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

    public static LineIndex of(CharSequence text) {
        int n = text.length();
        int[] starts = new int[16];
        int[] ends = new int[16];
        int count = 0;
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (count + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[count] = lineStart;
                ends[count] = i;
                count++;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
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

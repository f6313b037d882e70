package dev.falconer.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineIndexTest {

    @Test
    void mixedLineBreaksCountAsLspDoes() {
        String text = "ab\r\ncd\ref\ngh";
        LineIndex index = LineIndex.of(text);
        assertEquals(4, index.lineCount());
        assertEquals(TextPosition.of(0, 0), index.position(0));
        assertEquals(TextPosition.of(0, 2), index.position(2));
        assertEquals(TextPosition.of(0, 2), index.position(3), "inside CRLF stays at the line end");
        assertEquals(TextPosition.of(1, 0), index.position(4));
        assertEquals(TextPosition.of(2, 1), index.position(8));
        assertEquals(TextPosition.of(3, 2), index.position(12));
        assertEquals(TextPosition.of(3, 2), index.position(99), "clamped");
        assertEquals(4, index.offset(1, 0));
        assertEquals(7, index.offset(2, 0));
        assertEquals(6, index.offset(1, 50), "character clamped to line end");
        assertEquals(12, index.offset(9, 0), "line past the end");
        assertEquals(0, index.offset(-1, 3));
    }

    @Test
    void positionsAreUtf16Units() {
        String text = "日本\n😀x";
        LineIndex index = LineIndex.of(text);
        int x = text.indexOf('x');
        assertEquals(TextPosition.of(1, 2), index.position(x), "the emoji counts two code units");
        assertEquals(x, index.offset(TextPosition.of(1, 2)));
    }

    /** The lines of random texts of breaks and letters equal those of a plain character loop. */
    @Test
    void linesEqualACharacterByCharacterScan() {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "\n\r", "é", "😀", "  "};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            java.util.List<int[]> lines = linesByCharacters(text);
            LineIndex index = LineIndex.of(text);
            assertEquals(lines.size(), index.lineCount(), text);
            for (int line = 0; line < lines.size(); line++) {
                assertEquals(lines.get(line)[0], index.offset(line, 0), "start of line " + line + " in " + text);
                assertEquals(lines.get(line)[1], index.offset(line, Integer.MAX_VALUE), "end of line " + line + " in " + text);
            }
        }
    }

    private static java.util.List<int[]> linesByCharacters(String text) {
        java.util.List<int[]> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new int[] {start, i});
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(new int[] {start, text.length()});
        return lines;
    }

    @Test
    void emptyTextAndTrailingBreak() {
        assertEquals(1, LineIndex.of("").lineCount());
        LineIndex index = LineIndex.of("a\n");
        assertEquals(2, index.lineCount());
        assertEquals(TextPosition.of(1, 0), index.position(2));
        assertEquals(TextRange.of(0, 1, 1, 0), index.range(TextSpan.of(1, 2)));
    }

    @Test
    void roundTripsEveryOffset() {
        String text = "- rule: x\r\n  desc: é😀\r\n\n\r  y\n";
        LineIndex index = LineIndex.of(text);
        for (int i = 0; i <= text.length(); i++) {
            boolean insideCrlf = i > 0 && text.charAt(i - 1) == '\r' && i < text.length() && text.charAt(i) == '\n';
            if (!insideCrlf) {
                assertEquals(i, index.offset(index.position(i)), "offset " + i);
            }
        }
    }

    @Test
    void anEditedIndexEqualsAFreshOne() {
        java.util.Random random = new java.util.Random(3);
        String[] pieces = {"", "a", "\n", "\r", "\r\n", "\n\r", "xy\nz", "😀", "\r\r\n\n"};
        for (int run = 0; run < 3000; run++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int start = random.nextInt(text.length() + 1);
            int oldEnd = start + random.nextInt(text.length() - start + 1);
            String inserted = pieces[random.nextInt(pieces.length)];
            String edited = text.substring(0, start) + inserted + text.substring(oldEnd);
            LineIndex expected = LineIndex.of(edited);
            LineIndex actual = LineIndex.of(text).edited(edited, start, oldEnd, start + inserted.length());
            String what = "[" + text + "] " + start + ".." + oldEnd + " <- [" + inserted + "]";
            assertEquals(expected.lineCount(), actual.lineCount(), what);
            assertEquals(expected.length(), actual.length(), what);
            for (int line = 0; line < expected.lineCount(); line++) {
                assertEquals(expected.lineStart(line), actual.lineStart(line), what);
                assertEquals(expected.lineEnd(line), actual.lineEnd(line), what);
            }
        }
    }
}

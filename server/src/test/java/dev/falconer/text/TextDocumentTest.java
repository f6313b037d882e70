package dev.falconer.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextDocumentTest {
    private final TextDocument doc = new TextDocument("file:///r.yaml", 1, "line one\nline two\nline three");

    @Test
    void insertsWithinALine() {
        assertEquals("line one\nline 2two\nline three",
                doc.withChange(2, ContentChange.replace(1, 5, 1, 5, "2")).text());
    }

    @Test
    void replacesAcrossLines() {
        TextDocument next = doc.withChange(2, ContentChange.replace(0, 5, 2, 4, "X"));
        assertEquals("line X three", next.text());
        assertEquals(2, next.version());
        assertEquals(1, next.lineIndex().lineCount());
    }

    @Test
    void appendsAtTheEndAndDeletes() {
        TextDocument next = doc.withChanges(3, List.of(
                ContentChange.replace(2, 10, 2, 10, "\n- rule: y"),
                ContentChange.replace(0, 0, 1, 0, "")));
        assertEquals("line two\nline three\n- rule: y", next.text());
    }

    @Test
    void clampsOutOfRangePositionsInsteadOfThrowing() {
        assertEquals("line one\nline two\nline three!", doc.withChange(2, ContentChange.replace(7, 0, 9, 9, "!")).text());
        assertEquals("line one?\nline two\nline three", doc.withChange(2, ContentChange.replace(0, 99, 0, 120, "?")).text());
        assertEquals("Xline three", doc.withChange(2, ContentChange.replace(2, 0, -1, 0, "X")).text(),
                "reversed range is normalised");
    }

    @Test
    void handlesUtf16RangesAndCrlf() {
        TextDocument d = new TextDocument("u", 1, "a😀b\r\nc");
        assertEquals("a😀Zb\r\nc", d.withChange(2, ContentChange.replace(0, 3, 0, 3, "Z")).text());
        assertEquals("a😀bc", d.withChange(2, ContentChange.replace(0, 4, 1, 0, "")).text());
        assertEquals("new", d.withChange(2, ContentChange.full("new")).text());
    }
}

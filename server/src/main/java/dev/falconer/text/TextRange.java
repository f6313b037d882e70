package dev.falconer.text;

/** An LSP range between two positions, end exclusive. */
public record TextRange(TextPosition start, TextPosition end) {
    public static TextRange of(int startLine, int startChar, int endLine, int endChar) {
        return new TextRange(new TextPosition(startLine, startChar), new TextPosition(endLine, endChar));
    }
}

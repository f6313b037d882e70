package dev.falconer.text;

/**
 * One LSP {@code didChange} content change: {@code range == null} replaces the whole text,
 * otherwise the range (UTF-16 positions in the text as it is before this change) is replaced.
 */
public record ContentChange(TextRange range, String text) {
    public ContentChange {
        text = text == null ? "" : text;
    }

    public static ContentChange full(String text) {
        return new ContentChange(null, text);
    }

    public static ContentChange replace(int startLine, int startChar, int endLine, int endChar, String text) {
        return new ContentChange(TextRange.of(startLine, startChar, endLine, endChar), text);
    }
}

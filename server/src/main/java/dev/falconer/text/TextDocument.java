package dev.falconer.text;

import java.util.List;

/**
 * An immutable snapshot of an editor buffer or a file: text, version and a lazily built line
 * index. Edits produce a new snapshot; they never throw, positions out of range are clamped.
 */
public final class TextDocument {
    private final String uri;
    private final int version;
    private final String text;
    private volatile LineIndex lineIndex;

    public TextDocument(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text == null ? "" : text;
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public LineIndex lineIndex() {
        LineIndex index = lineIndex;
        if (index == null) {
            index = LineIndex.of(text);
            lineIndex = index;
        }
        return index;
    }

    public TextPosition position(int offset) {
        return lineIndex().position(offset);
    }

    public int offset(TextPosition position) {
        return lineIndex().offset(position);
    }

    public TextRange range(TextSpan span) {
        return lineIndex().range(span);
    }

    /** Applies LSP content changes in order (each relative to the result of the previous one). */
    public TextDocument withChanges(int newVersion, List<ContentChange> changes) {
        String current = text;
        LineIndex index = lineIndex();
        for (ContentChange change : changes) {
            if (change.range() == null) {
                current = change.text();
            } else {
                TextSpan span = index.span(change.range());
                current = current.substring(0, span.start()) + change.text() + current.substring(span.end());
            }
            index = LineIndex.of(current);
        }
        TextDocument next = new TextDocument(uri, newVersion, current);
        next.lineIndex = index;
        return next;
    }

    public TextDocument withChange(int newVersion, ContentChange change) {
        return withChanges(newVersion, List.of(change));
    }

    public TextDocument withText(int newVersion, String newText) {
        return new TextDocument(uri, newVersion, newText);
    }
}

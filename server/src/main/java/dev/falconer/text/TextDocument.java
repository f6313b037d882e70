package dev.falconer.text;

import java.util.List;

/**
 * An immutable snapshot of an editor buffer or a file: text, version and a lazily built line
 * index. Edits produce a new snapshot; they never throw, positions out of range are clamped.
 */
public final class TextDocument {
    /**
     * Per thread, the builder an edited text is assembled in: a fresh builder per keystroke
     * allocated a second copy of the whole text (its buffer) besides the resulting string.
     * Not kept past {@link #SCRATCH_LIMIT} characters, so a huge file does not stay pinned.
     */
    private static final ThreadLocal<StringBuilder> SCRATCH = new ThreadLocal<>();
    private static final int SCRATCH_LIMIT = 1 << 20;
    private final String uri;
    private final int version;
    private final String text;
    private volatile LineIndex lineIndex;
    /** The text this one was made from by {@link #withChanges}, and where they differ; else null. */
    private final String baseText;
    private final TextEdit edit;

    /**
     * A file's text as an editor shows it: without the UTF-8 byte order mark some tools write
     * first. Editors drop it from the buffer, so a position counted with it is one character off on
     * the first line (a rename there would cut into the name).
     */
    public static String withoutByteOrderMark(String fileText) {
        return fileText != null && !fileText.isEmpty() && fileText.charAt(0) == '\uFEFF' ? fileText.substring(1)
                : fileText;
    }

    public TextDocument(String uri, int version, String text) {
        this(uri, version, text, null, null);
    }

    private TextDocument(String uri, int version, String text, String baseText, TextEdit edit) {
        this.uri = uri;
        this.version = version;
        this.text = text == null ? "" : text;
        this.baseText = baseText;
        this.edit = edit;
    }

    /**
     * Where this text differs from {@code older}'s, when it was made from exactly that text by
     * {@link #withChanges}: incremental parsing re-reads that stretch only. {@code null} when
     * unknown (the caller then compares the texts itself).
     */
    public TextEdit editFrom(TextDocument older) {
        return older != null && edit != null && older.text == baseText ? edit : null;
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
        // the unchanged prefix and suffix of the original text, as lengths
        int prefix = text.length();
        int suffix = text.length();
        for (ContentChange change : changes) {
            if (change.range() == null) {
                // a client sending the whole text per keystroke still changed one stretch: find it
                TextEdit d = TextEdit.between(current, change.text());
                prefix = Math.min(prefix, d.start());
                suffix = Math.min(suffix, current.length() - d.oldEnd());
                current = change.text();
                index = index.edited(current, d.start(), d.oldEnd(), d.newEnd());
            } else {
                TextSpan span = index.span(change.range());
                String inserted = change.text();
                int length = current.length();
                current = spliced(current, span.start(), span.end(), inserted);
                index = index.edited(current, span.start(), span.end(), span.start() + inserted.length());
                prefix = Math.min(prefix, span.start());
                suffix = Math.min(suffix, length - span.end());
            }
        }
        TextEdit edit = changes.isEmpty() ? new TextEdit(text.length(), text.length(), text.length())
                : new TextEdit(prefix, text.length() - suffix, current.length() - suffix);
        TextDocument next = new TextDocument(uri, newVersion, current, text, edit);
        next.lineIndex = index;
        return next;
    }

    /** {@code text} with {@code [start, end)} replaced by {@code inserted}. */
    private static String spliced(String text, int start, int end, String inserted) {
        int length = text.length() - (end - start) + inserted.length();
        StringBuilder sb = SCRATCH.get();
        if (sb == null || length > SCRATCH_LIMIT) {
            sb = new StringBuilder(length);
        }
        sb.setLength(0);
        String out = sb.append(text, 0, start).append(inserted).append(text, end, text.length()).toString();
        if (length <= SCRATCH_LIMIT) {
            SCRATCH.set(sb);
        }
        return out;
    }

    public TextDocument withChange(int newVersion, ContentChange change) {
        return withChanges(newVersion, List.of(change));
    }

    public TextDocument withText(int newVersion, String newText) {
        return new TextDocument(uri, newVersion, newText);
    }
}

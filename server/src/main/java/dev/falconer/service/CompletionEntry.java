package dev.falconer.service;

import dev.falconer.text.TextRange;

/**
 * One completion proposal. {@code insertText} replaces {@code replace} (the half-typed word);
 * it is an LSP snippet when {@code snippet} is true. {@code documentation} is short markdown
 * (or {@code null}); the full text comes from {@link FalconerService#resolve} using {@code resolve}.
 */
public record CompletionEntry(String label, Kind kind, String detail, String documentation, String insertText,
                              boolean snippet, TextRange replace, String sortText, boolean deprecated,
                              ResolveKey resolve) {

    public enum Kind { FIELD, MACRO, LIST, OPERATOR, MODIFIER, TRANSFORMER, KEYWORD, VALUE, EVENT_TYPE, KEY, SNIPPET }

    /** What to document on resolve: a kind ({@code field}, {@code macro} …), a name and the rule's event source. */
    public record ResolveKey(String kind, String name, String source) {
    }

    /**
     * A list of entries already in sort-text order (nulls last; equal texts in the order a stable
     * sort keeps), so that an answer takes its first ones as they are.
     */
    public interface InOrder {
    }

    /**
     * Entries in order that are one kept list placed at {@link #range()}: wherever an answer needs
     * no text edit (the cursor free, the range empty at it), the same kept list gives the same
     * answer.
     */
    public interface Placed extends InOrder {
        /** The kept list, the same object for as long as it holds (compared by identity). */
        Object kept();

        TextRange range();
    }

    public CompletionEntry withReplace(TextRange range) {
        return new CompletionEntry(label, kind, detail, documentation, insertText, snippet, range, sortText, deprecated,
                resolve);
    }

    public CompletionEntry withDocumentation(String markdown) {
        return new CompletionEntry(label, kind, detail, markdown, insertText, snippet, replace, sortText, deprecated,
                resolve);
    }
}

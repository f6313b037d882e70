package dev.falconer.service;

import dev.falconer.text.TextRange;
import dev.falconer.workspace.SymbolKey;

/**
 * The explain lens above a rule's or macro's {@code condition:} key of document {@code uri}.
 * {@code title} is the one-line summary, or {@code null} until resolved (summaries are computed
 * lazily: only the lenses an editor shows pay for their explanation).
 */
public record ExplainLens(TextRange range, String uri, SymbolKey item, String title) {

    /** The command the lens runs: the server's {@code workspace/executeCommand} that returns the markdown. */
    public static final String COMMAND = "falconer.explain";

    public boolean resolved() {
        return title != null;
    }

    public ExplainLens withTitle(String newTitle) {
        return new ExplainLens(range, uri, item, newTitle);
    }
}

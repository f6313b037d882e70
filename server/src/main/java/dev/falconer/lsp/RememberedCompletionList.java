package dev.falconer.lsp;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;

/**
 * An incomplete completion answer whose items are remembered with their JSON text (see
 * {@link KeptCompletions}). Its own type, as Gson picks an adapter by the declared type of a
 * field ({@code List<CompletionItem>}), never by the list's runtime type: {@link AnswerJson} writes
 * this answer with the items' kept text.
 */
final class RememberedCompletionList extends CompletionList {
    private final RememberedList<CompletionItem> remembered;

    RememberedCompletionList(RememberedList<CompletionItem> items) {
        super(true, items);
        this.remembered = items;
    }

    RememberedList<CompletionItem> remembered() {
        return remembered;
    }
}

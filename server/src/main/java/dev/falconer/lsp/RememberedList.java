package dev.falconer.lsp;

import com.google.gson.Gson;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An answer list kept for an unchanged document (see {@link LastAnswers}) that also keeps its JSON
 * text once written: an editor asks for the same symbols again and again, and writing them is
 * most of what answering again costs. The text is tied to the Gson that wrote it, so that another
 * codec (the warm-up's, a test's) writes its own. The elements must not change once listed.
 */
final class RememberedList<E> extends AbstractList<E> implements RandomAccess {
    private record Written(Gson gson, String json) {
    }

    private final List<E> items;
    private volatile Written written;

    private RememberedList(List<E> items) {
        this.items = items;
    }

    /** {@code items} (copied unless already unmodifiable), remembered. */
    static <E> RememberedList<E> of(List<E> items) {
        return new RememberedList<>(List.copyOf(items));
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Whether the text {@code gson} writes is kept already. */
    boolean writtenWith(Gson gson) {
        Written w = written;
        return w != null && w.gson() == gson;
    }

    /** The JSON text of the list as {@code gson} writes it, written on the first call only. */
    String json(Gson gson) {
        Written w = written;
        if (w == null || w.gson() != gson) {
            // the same adapters the list's elements would get as a plain answer: by runtime type
            w = new Written(gson, gson.toJson(items, items.getClass()));
            written = w;
        }
        return w.json();
    }
}

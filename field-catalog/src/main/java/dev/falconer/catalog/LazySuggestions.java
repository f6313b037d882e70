package dev.falconer.catalog;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An immutable list of "did you mean" names computed on first access. Checking a value that
 * merely might be a field (a path, a user name) resolves it; the edit-distance search over every
 * field is only worth paying when a message is actually shown.
 */
final class LazySuggestions extends AbstractList<String> {
    private final Supplier<List<String>> compute;
    private volatile List<String> names;

    LazySuggestions(Supplier<List<String>> compute) {
        this.compute = compute;
    }

    private List<String> names() {
        List<String> n = names;
        if (n == null) {
            n = List.copyOf(compute.get());
            names = n;
        }
        return n;
    }

    @Override
    public String get(int index) {
        return names().get(index);
    }

    @Override
    public int size() {
        return names().size();
    }
}

package dev.falconer.catalog;

import java.util.List;

/** The outcome of reading a user catalog file: the catalog, or the first problem found and where. */
public sealed interface ImportResult {

    record Loaded(ImportedCatalog catalog) implements ImportResult {
    }

    /**
     * @param key    message key in {@code dev/falconer/catalog/catalog*.properties} ({@link CatalogTexts#message})
     * @param args   message arguments
     * @param line   1-based line, 0 when the problem is not at one place (unreadable file)
     * @param column 1-based column, 0 when unknown
     */
    record Failed(String origin, String key, List<String> args, int line, int column) implements ImportResult {
        public Failed {
            args = List.copyOf(args);
        }
    }
}

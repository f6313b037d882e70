package dev.falconer.cli;

import dev.falconer.catalog.CatalogImporter;
import dev.falconer.catalog.CatalogTexts;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.ImportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the effective catalog from the shipped one plus the user's {@code --catalog} files. */
final class CatalogFiles {

    private CatalogFiles() {
    }

    /** The merged catalog, or the one-line message of the first file that failed. */
    static Result load(List<Path> files) {
        FieldCatalog catalog = FieldCatalog.defaults();
        for (Path file : files) {
            ImportResult r = CatalogImporter.read(file);
            if (r instanceof ImportResult.Failed failed) {
                return new Result(null, Optional.of(CatalogTexts.message(failed, CliTexts.locale())));
            }
            catalog = catalog.withImported(((ImportResult.Loaded) r).catalog());
        }
        return new Result(catalog, Optional.empty());
    }

    record Result(FieldCatalog catalog, Optional<String> error) {
    }
}

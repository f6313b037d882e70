package dev.falconer.lsp;

import dev.falconer.catalog.CatalogImporter;
import dev.falconer.catalog.CatalogTexts;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.ImportResult;
import dev.falconer.service.FalconerSettings;
import java.nio.file.Path;
import java.util.List;

/** The field catalog in force: ours, with the user's {@code catalogFiles} merged in order. */
final class CatalogLoader {
    private CatalogLoader() {
    }

    static FieldCatalog load(FalconerSettings settings, List<Path> roots, ServerLog log) {
        FieldCatalog catalog = FieldCatalog.defaults();
        for (Path file : RulesFileDiscovery.resolve(roots, settings.catalogFiles())) {
            ImportResult r = CatalogImporter.read(file);
            if (r instanceof ImportResult.Loaded loaded) {
                catalog = catalog.withImported(loaded.catalog());
            } else if (r instanceof ImportResult.Failed failed) {
                log.warn("catalog.failed", CatalogTexts.message(failed, settings.locale()));
            }
        }
        return catalog;
    }
}

package dev.falconer.cli;

import dev.falconer.catalog.CatalogChange;
import dev.falconer.catalog.CatalogImporter;
import dev.falconer.catalog.CatalogTexts;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.ImportResult;
import dev.falconer.catalog.ImportedCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code falconer catalog import FILE}: validates a catalog file and says what it would add or change. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "dev.falconer.cli.Messages")
public final class CatalogImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "catalog.import.file")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImportResult r = CatalogImporter.read(file);
        if (r instanceof ImportResult.Failed failed) {
            return Main.usageError(spec.commandLine().getErr(), CatalogTexts.message(failed, CliTexts.locale()));
        }
        ImportedCatalog imported = ((ImportResult.Loaded) r).catalog();
        List<CatalogChange> changes = FieldCatalog.defaults().changes(imported);
        long added = count(changes, CatalogChange.Kind.ADDED);
        long changed = count(changes, CatalogChange.Kind.CHANGED);
        out.println(CliTexts.get("catalog.import.summary", file, changes.size(), added, changed,
                changes.size() - added - changed));
        for (CatalogChange c : changes) {
            switch (c.kind()) {
                case ADDED -> out.println(CliTexts.get("catalog.import.added", c.name()));
                case CHANGED -> out.println(CliTexts.get("catalog.import.changed", c.name(), c.changed().stream()
                        .map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "))));
                case UNCHANGED -> { }
            }
        }
        out.flush();
        return 0;
    }

    private static long count(List<CatalogChange> changes, CatalogChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}

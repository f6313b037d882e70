package dev.falconer.cli;

import dev.falconer.catalog.CatalogJson;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code falconer catalog list [--source S] [--format text|json] [--catalog FILE]...}. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "dev.falconer.cli.Messages")
public final class CatalogListCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "SOURCE", descriptionKey = "catalog.list.source")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", descriptionKey = "catalog.list.format")
    Format format;

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "catalog.list.catalog")
    List<Path> catalogs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CatalogFiles.Result loaded = CatalogFiles.load(catalogs);
        if (loaded.error().isPresent()) {
            return Main.usageError(err, loaded.error().get());
        }
        FieldCatalog catalog = loaded.catalog();
        List<FieldInfo> fields;
        if (source == null) {
            fields = catalog.allFields();
        } else if (catalog.isKnownSource(source)) {
            fields = catalog.fields(source);
        } else {
            return Main.usageError(err, CliTexts.get("catalog.unknownSource", source,
                    String.join(", ", catalog.sources())));
        }
        if (format == Format.json) {
            out.println(CatalogJson.toJson(catalog, fields));
        } else {
            for (FieldInfo f : fields) {
                out.println(line(catalog, f));
            }
        }
        out.flush();
        return 0;
    }

    /** {@code name  TYPE[list]  argument  flags  since  sources  description}, tab-separated for tools. */
    private static String line(FieldCatalog catalog, FieldInfo f) {
        String type = f.list() ? "LIST(" + f.type() + ")" : f.type().name();
        String flags = f.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return String.join("\t", f.name(), type, f.argument().presence().jsonName(), flags.isEmpty() ? "-" : flags,
                f.since() == null ? "-" : f.since().toString(), String.join(",", f.scope().expand(catalog.sources())),
                f.description(CliTexts.locale()));
    }
}

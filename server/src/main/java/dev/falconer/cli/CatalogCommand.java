package dev.falconer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code falconer catalog list|import}: show the effective field catalog, or check a catalog file. */
@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "dev.falconer.cli.Messages",
        subcommands = {CatalogListCommand.class, CatalogImportCommand.class})
public final class CatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), CliTexts.get("catalog.missingSubcommand"));
    }
}

package dev.falconer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code falconer.jar}. With no sub-command it runs the language server over
 * stdio, as editors expect when they spawn {@code java -jar falconer.jar}; {@code --port N} works
 * there too, as it does after {@code lsp}.
 */
@Command(name = "falconer",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        resourceBundle = "dev.falconer.cli.Messages",
        subcommands = {LspCommand.class, CheckCommand.class, ExplainCommand.class, CatalogCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code for bad usage or unreadable input. */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--port", descriptionKey = "lsp.port")
    Integer port;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (testable without exiting). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A one-line message, never a stack trace.
            commandLine.getErr().println("falconer: " + ex.getMessage());
            return EXIT_USAGE;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            // one line, as scripts expect; the usage is one --help away
            ex.getCommandLine().getErr().println("falconer: " + ex.getMessage() + " ("
                    + CliTexts.get("usage.seeHelp", ex.getCommandLine().getCommandSpec().qualifiedName()) + ")");
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        return lspCommand().call();
    }

    /** The server command the top level stands for, with the top-level options. */
    LspCommand lspCommand() {
        return new LspCommand(port);
    }
}

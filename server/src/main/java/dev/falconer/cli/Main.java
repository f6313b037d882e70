package dev.falconer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

    /** Reports a usage problem or unreadable input as one line on {@code err}; gives {@link #EXIT_USAGE}. */
    static int usageError(PrintWriter err, String problem) {
        err.println("falconer: " + problem);
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        if (startsServerOnly(args)) {
            // What editors run: straight to the server. Building picocli's model of every
            // sub-command (reflection, proxies, resource bundles) was a third of the JVM's start.
            System.exit(serveStdio(new PrintWriter(System.err, true)));
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** No arguments, or just {@code lsp}: the stdio server, which needs no command-line parsing. */
    static boolean startsServerOnly(String[] args) {
        return args.length == 0 || args.length == 1 && "lsp".equals(args[0]);
    }

    private static int serveStdio(PrintWriter err) {
        try {
            return new LspCommand(null).call();
        } catch (Exception e) {
            return usageError(err, e.getMessage());
        }
    }

    /** Runs the command line with the given streams; returns the exit code (testable without exiting). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A one-line message, never a stack trace.
            return usageError(commandLine.getErr(), ex.getMessage());
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            // one line, as scripts expect; the usage is one --help away
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            String dashed = dashedPath(args1);
            return usageError(ex.getCommandLine().getErr(), ex.getMessage() + " ("
                    + (dashed != null ? CliTexts.get("usage.dashedPath", dashed, command)
                            : CliTexts.get("usage.seeHelp", command)) + ")");
        });
        int code = cli.execute(args);
        if (out.checkError()) {
            // a full disk or a closed pipe: a cut report must not pass for a whole one
            return usageError(err, CliTexts.get("cli.writeFailed"));
        }
        return code;
    }

    /**
     * An argument that looks like an option but names a rules file ({@code -x.yaml}, or any file
     * that exists): picocli reads it as an option, and the way to say it is a file is {@code --}.
     */
    static String dashedPath(String[] args) {
        for (String a : args) {
            if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1
                    && (a.endsWith(".yaml") || a.endsWith(".yml") || exists(a))) {
                return a;
            }
        }
        return null;
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
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

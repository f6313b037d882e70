package dev.falconer.cli;

import dev.falconer.lsp.LanguageServerRunner;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconer lsp [--port N]}: the language server over stdio, or a loopback TCP socket. */
@Command(name = "lsp", mixinStandardHelpOptions = true, resourceBundle = "dev.falconer.cli.Messages")
public final class LspCommand implements Callable<Integer> {

    @Option(names = "--port", descriptionKey = "lsp.port")
    Integer port;

    /** For picocli. */
    public LspCommand() {
    }

    LspCommand(Integer port) {
        this.port = port;
    }

    Integer port() {
        return port;
    }

    @Override
    public Integer call() throws Exception {
        // stdout is the protocol channel from here on: anything a library prints goes to stderr.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        LanguageServerRunner runner = new LanguageServerRunner(Version.current(), System.err);
        return port == null ? runner.serve(System.in, protocol) : runner.serveSocket(port);
    }
}

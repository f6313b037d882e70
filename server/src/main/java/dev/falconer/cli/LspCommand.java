package dev.falconer.cli;

import dev.falconer.lsp.LanguageServerRunner;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconer lsp [--port N]}: the language server over stdio, or a loopback TCP socket. */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "dev.falconer.cli.Messages")
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
        // The protocol goes to the descriptor itself: the writer frames each message in one buffer
        // and writes it at once, so System.out's layers (a lock, a copy into its 8 KB buffer, and
        // errors kept as a flag instead of thrown) only added work to every answer.
        System.out.flush();
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        LanguageServerRunner runner = new LanguageServerRunner(Version.current(), System.err);
        return port == null ? runner.serve(System.in, protocol) : runner.serveSocket(port);
    }
}

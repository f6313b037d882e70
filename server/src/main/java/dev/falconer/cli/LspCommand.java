package dev.falconer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconer lsp [--port N]}: the language server over stdio, or a loopback TCP socket. */
@Command(name = "lsp", mixinStandardHelpOptions = true, resourceBundle = "dev.falconer.cli.Messages")
public final class LspCommand implements Runnable {

    @Option(names = "--port", descriptionKey = "lsp.port")
    Integer port;

    @Override
    public void run() {
        System.err.println("falconer: the language server is not built yet");
    }
}

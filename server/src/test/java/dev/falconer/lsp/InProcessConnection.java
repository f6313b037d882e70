package dev.falconer.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real server ({@link LanguageServerRunner}, as {@code falconer lsp} runs it) and a real LSP4J
 * client, connected by piped streams in one JVM.
 */
final class InProcessConnection implements AutoCloseable {
    final RecordingClient client = new RecordingClient();
    final LanguageServer server;
    final CompletableFuture<Integer> exitCode;
    private final OutputStream toServer;
    private final OutputStream toClient;

    InProcessConnection() throws IOException {
        TestPipe serverBound = new TestPipe();
        TestPipe clientBound = new TestPipe();
        toServer = serverBound.out;
        toClient = clientBound.out;
        LanguageServerRunner runner = new LanguageServerRunner("test", new PrintStream(OutputStream.nullOutputStream()));
        exitCode = CompletableFuture.supplyAsync(() -> runner.serve(serverBound.in, clientBound.out));
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientBound.in, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    int awaitExit() throws Exception {
        return exitCode.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        toClient.close();
    }
}

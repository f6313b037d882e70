package dev.falconer.bench;

import dev.falconer.lsp.LanguageServerRunner;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The real server in this JVM behind a pipe pair, with a real LSP4J client on the other side, as
 * over stdio: what the harnesses that measure the server's own threads drive.
 */
final class InProcessServer {
    private InProcessServer() {
    }

    /** Starts the server and connects {@code client} to it; returns the server as the client sees it. */
    static LanguageServer start(BenchClient client) {
        try {
            PipedInputStream serverIn = new PipedInputStream(1 << 20);
            PipedOutputStream clientOut = new PipedOutputStream(serverIn);
            PipedInputStream clientIn = new PipedInputStream(1 << 20);
            PipedOutputStream serverOut = new PipedOutputStream(clientIn);
            Thread serving = new Thread(() -> new LanguageServerRunner("bench", new PrintStream(System.err, true))
                    .serve(serverIn, serverOut), "bench-server");
            serving.setDaemon(true);
            serving.start();
            var launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
            launcher.startListening();
            return launcher.getRemoteProxy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server, initialized with {@code dir} as its one workspace folder; diagnostics versions go to {@code published}. */
    static LanguageServer startIn(java.nio.file.Path dir, Map<String, Integer> published) throws Exception {
        LanguageServer server = start(new BenchClient(published));
        org.eclipse.lsp4j.InitializeParams init = new org.eclipse.lsp4j.InitializeParams();
        init.setWorkspaceFolders(java.util.List.of(new org.eclipse.lsp4j.WorkspaceFolder(dir.toUri().toString(), "rules")));
        init.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
        return server;
    }

    /** The heap in use after a full collection, in MB. */
    static long liveHeapMb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** Waits (30 s at most) until diagnostics of {@code version} or later of {@code uri} are in {@code published}. */
    static void await(Map<String, Integer> published, String uri, int version) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (published) {
            while (published.getOrDefault(uri, 0) < version && System.nanoTime() < until) {
                try {
                    published.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (published.getOrDefault(uri, 0) < version) {
            throw new IllegalStateException("no diagnostics for version " + version + " of " + uri);
        }
    }
}

package dev.falconer.lsp;

import dev.falconer.service.Texts;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import dev.falconer.service.DiagnosticsProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Serves one client over a pair of streams (stdio) or one loopback TCP connection, and returns
 * the process exit code: 0 after {@code shutdown} + {@code exit}, 1 when the client exits
 * without {@code shutdown} or simply goes away.
 */
public final class LanguageServerRunner {
    /** Exit code when the connection ends without a proper {@code shutdown}/{@code exit}. */
    public static final int EXIT_NO_SHUTDOWN = 1;

    private final String version;
    private final PrintStream err;

    public LanguageServerRunner(String version, PrintStream err) {
        this.version = version;
        this.err = err;
    }

    /** The checks the production server runs. */
    public static DiagnosticsProvider productionDiagnostics() {
        return new dev.falconer.service.CheckDiagnostics();
    }

    public int serve(InputStream in, OutputStream out) {
        AtomicInteger code = new AtomicInteger(EXIT_NO_SHUTDOWN);
        AtomicReference<Future<Void>> listening = new AtomicReference<>();
        FalconerLanguageServer server = new FalconerLanguageServer(version, productionDiagnostics(), err, exitCode -> {
            code.set(exitCode);
            Future<Void> f = listening.get();
            if (f != null) {
                f.cancel(true);
            }
        });
        Launcher<LanguageClient> launcher = launcher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> f = launcher.startListening();
        listening.set(f);
        try {
            f.get();
        } catch (CancellationException e) {
            // exit was received.
        } catch (ExecutionException e) {
            new ServerLog(err).error(e.getCause(), "server.connection.failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code.get();
    }

    /**
     * The error answer to a request whose handler threw. A request of the protocol that this
     * server does not implement (and does not announce, e.g. formatting) reaches LSP4J's default
     * method, which throws {@link UnsupportedOperationException}: that is "method not found", not
     * an internal error with a stack trace. Everything else as LSP4J answers it.
     */
    static ResponseError errorOf(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof UnsupportedOperationException) {
            return new ResponseError(ResponseErrorCode.MethodNotFound,
                    Texts.of(ServerLog.BUNDLE, Locale.ENGLISH).get("request.unsupported"), null);
        }
        return RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(thrown);
    }

    /** The JSON-RPC connection of {@code server} over a pair of streams (not listening yet). */
    static Launcher<LanguageClient> launcher(FalconerLanguageServer server, InputStream in, OutputStream out) {
        AtomicReference<MessageJsonHandler> codec = new AtomicReference<>();
        MessageWriter writer = new MessageWriter(out, codec::get);
        ParamlessMessages paramless = new ParamlessMessages(
                org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.getSupportedMethods(server.getClass()).keySet(), writer,
                server.log());
        LifecycleGate lifecycle = new LifecycleGate(writer);
        Launcher<LanguageClient> launcher = new WholeFrames(writer)
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .configureGson(AnswerJson::configure)
                .setExceptionHandler(LanguageServerRunner::errorOf)
                .wrapMessages(next -> {
                    // outgoing messages are written by ours instead of LSP4J's writer (see MessageWriter)
                    boolean outgoing = next instanceof StreamMessageConsumer;
                    MessageConsumer target = outgoing ? writer : next;
                    return message -> {
                        server.activity(); // both ways: a pause in either is a pause of the conversation
                        if (!outgoing && (lifecycle.stopped(message) || paramless.stopped(message))) {
                            return;
                        }
                        target.consume(message);
                        // The first response the server writes is the one to initialize: the
                        // catalog loads after it, not while the JVM is still busy producing it.
                        if (message instanceof ResponseMessage) {
                            server.startLoading();
                        }
                    };
                })
                .create();
        codec.set(launcher.getRemoteEndpoint().getJsonHandler());
        // the warm-up's first requests go through this codec (see RequestWarmup)
        server.jsonHandler(codec.get());
        return launcher;
    }

    /** LSP4J's launcher with our reader of frames (see {@link WholeFrameReader}). */
    private static final class WholeFrames extends LSPLauncher.Builder<LanguageClient> {
        private RemoteEndpoint endpoint;
        /** Where the reader answers requests LSP4J would drop (see {@link WholeFrameReader}). */
        private final MessageConsumer answers;

        WholeFrames(MessageConsumer answers) {
            this.answers = answers;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler json) {
            endpoint = super.createRemoteEndpoint(json);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
                LanguageClient remoteProxy) {
            return super.createMessageProcessor(new WholeFrameReader(input, endpoint.getJsonHandler(), endpoint, answers),
                    consumer, remoteProxy);
        }
    }

    /** Listens on 127.0.0.1:{@code port}, serves the first client that connects, then returns. */
    public int serveSocket(int port) throws IOException {
        try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            new ServerLog(err).info("server.listening", listener.getInetAddress().getHostAddress(),
                    String.valueOf(listener.getLocalPort()));
            try (Socket socket = listener.accept()) {
                return serve(socket.getInputStream(), socket.getOutputStream());
            }
        }
    }
}

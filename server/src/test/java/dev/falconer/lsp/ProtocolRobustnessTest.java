package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.service.DiagnosticsProvider;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server under a hostile or careless client: broken JSON-RPC, unknown methods, documents
 * never opened, positions past the end, cancellation storms, and a client that fires edits and
 * hovers without waiting. Every request is answered or cancelled, the server's text ends equal
 * to the client's, and thousands of edits leave no memory behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung server fails the test instead of blocking its read
class ProtocolRobustnessTest {
    static final String URI = "file:///work/rules/robust_rules.yaml";
    static final String TEXT = """
            - list: shells
              items: [bash, sh, zsh]

            - macro: spawned
              condition: evt.type in (execve, execveat)

            - rule: Shell spawned
              desc: a shell started
              condition: spawned and proc.name in (shells) and not proc.pname = sshd
              output: shell %proc.name by %user.name
              priority: WARNING
            """;

    /** A server built as {@link LanguageServerRunner} builds it, but reachable for inspection. */
    private static final class Session implements AutoCloseable {
        final RecordingClient client = new RecordingClient();
        final FalconerLanguageServer impl;
        final LanguageServer server;
        final OutputStream toServer;
        private final OutputStream toClient;

        Session() throws IOException {
            TestPipe serverBound = new TestPipe();
            TestPipe clientBound = new TestPipe();
            toServer = serverBound.out;
            toClient = clientBound.out;
            impl = new FalconerLanguageServer("test", LanguageServerRunner.productionDiagnostics(),
                    new PrintStream(OutputStream.nullOutputStream()), code -> { });
            Launcher<LanguageClient> serverSide = LanguageServerRunner.launcher(impl, serverBound.in, toClient);
            impl.connect(serverSide.getRemoteProxy());
            serverSide.startListening();
            Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(client, clientBound.in, toServer);
            clientSide.startListening();
            server = clientSide.getRemoteProxy();
        }

        void start(String text) throws Exception {
            server.initialize(LifecycleTest.initializeParams()).get(5, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, text)));
            client.nextDiagnostics(URI);
        }

        /** Waits for the diagnostics of {@code version} (older ones are skipped). */
        void awaitDiagnostics(int version) throws InterruptedException {
            while (client.nextDiagnostics(URI).getVersion() < version) {
                // older runs, published before the newest edit arrived
            }
        }

        String serverText() {
            return impl.workspace().document(URI).text();
        }

        void change(int version, Range range, String text) {
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, version),
                    List.of(new TextDocumentContentChangeEvent(range, text))));
        }

        CompletableFuture<Hover> hover(String uri, int line, int character) {
            return server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(line, character)));
        }

        @Override
        public void close() throws IOException {
            impl.exit();
            toServer.close();
            toClient.close();
        }
    }

    @Test
    void malformedJsonRpcAndUnknownMethodsAreAnsweredOrIgnored() throws Exception {
        TestPipe in = new TestPipe();
        InputStream serverIn = in.in;
        OutputStream toServer = in.out;
        TestPipe out = new TestPipe();
        InputStream fromServer = out.in;
        OutputStream serverOut = out.out;
        LanguageServerRunner runner = new LanguageServerRunner("test", new PrintStream(OutputStream.nullOutputStream()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runner.serve(serverIn, serverOut));
        try {
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            send(toServer, "{this is not json");
            // malformed near its start, longer than the parser's read buffer: the rest of its body
            // must not be read as the next frame
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"workspace/symbol\",,\"params\":{\"query\":\""
                    + "a".repeat(20_000) + "\"}}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":7}}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"falconer/noSuchThing\",\"params\":{}}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"falconer/noSuchNotification\",\"params\":{}}");
            send(toServer, "[1, 2, 3]");
            toServer.write("Content-Length: 12\r\n\r\n\u0000\u0001\u0002garbage!!".getBytes(StandardCharsets.ISO_8859_1));
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"workspace/symbol\",\"params\":{\"query\":\"x\"}}");
            // requests and notifications without their parameters: refused as such, or ignored
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/references\"}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\"}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWatchedFiles\",\"params\":"
                    + "{\"changes\":[{\"type\":1},{\"uri\":\"file:///nowhere/x.yaml\",\"type\":1}]}}");
            // a method of the protocol that the server does not implement (nor announce)
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/formatting\",\"params\":"
                    + "{\"textDocument\":{\"uri\":\"file:///x.yaml\"},\"options\":{\"tabSize\":2,\"insertSpaces\":true}}}");
            String id2 = null;
            String id3 = null;
            String id5 = null;
            String id6 = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((id2 == null || id3 == null || id5 == null || id6 == null) && System.nanoTime() < deadline) {
                String msg = read(fromServer);
                if (msg.contains("\"id\":6") || msg.contains("\"id\":\"6\"")) {
                    id6 = msg;
                }
                if (msg.contains("\"id\":2") || msg.contains("\"id\":\"2\"")) {
                    id2 = msg;
                } else if (msg.contains("\"id\":3") || msg.contains("\"id\":\"3\"")) {
                    id3 = msg;
                } else if (msg.contains("\"id\":5") || msg.contains("\"id\":\"5\"")) {
                    id5 = msg;
                }
            }
            assertTrue(id2 != null && id2.contains("-32601"), "unknown method answered with MethodNotFound: " + id2);
            assertTrue(id5 != null && id5.contains("-32601") && !id5.contains("Exception"),
                    "an unimplemented protocol method is MethodNotFound, without a stack trace: " + id5);
            assertTrue(id3 != null && id3.contains("capabilities"), "initialized: " + id3);
            assertTrue(id6 != null && id6.contains("-32602") && !id6.contains("Exception"),
                    "a request without its parameters is refused as InvalidParams: " + id6);
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        } finally {
            toServer.close();
        }
    }

    /**
     * LSP's lifecycle: before initialize a request is ServerNotInitialized and a notification is
     * dropped (a didOpen read the workspace with no folders, for the whole session: QA round 20);
     * after shutdown a request is InvalidRequest; exit still ends the server.
     */
    @Test
    void beforeInitializeAndAfterShutdownRequestsAreRefused() throws Exception {
        TestPipe in = new TestPipe();
        TestPipe out = new TestPipe();
        LanguageServerRunner runner = new LanguageServerRunner("test", new PrintStream(OutputStream.nullOutputStream()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runner.serve(in.in, out.out));
        try {
            send(in.out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"file:///early.yaml\",\"languageId\":\"yaml\",\"version\":1,\"text\":\"- macro: m\\n\"}}}");
            send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"file:///early.yaml\"},\"position\":{\"line\":0,\"character\":3}}}");
            assertTrue(answer(out.in, 1).contains("-32002"));
            send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            assertTrue(answer(out.in, 2).contains("capabilities"));
            send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            assertTrue(answer(out.in, 5).contains("-32600"), "initialize is sent once");
            send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
            send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"workspace/symbol\",\"params\":{\"query\":\"x\"}}");
            assertTrue(answer(out.in, 4).contains("-32600"));
            send(in.out, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        } finally {
            in.out.close();
        }
    }

    /** The answer of request {@code id}; no diagnostics may be published before it (the early didOpen was dropped). */
    private static String answer(InputStream from, int id) throws IOException {
        String msg = read(from);
        while (!msg.contains("\"id\":" + id)) {
            assertFalse(msg.contains("publishDiagnostics"), "nothing published of the dropped didOpen: " + msg);
            msg = read(from);
        }
        return msg;
    }

    /** JSON-RPC: a request whose id is unusable gets an Invalid Request error of id null (LSP4J dropped it). */
    @Test
    void requestsWithUnusableIdsAreAnsweredWithIdNull() throws Exception {
        TestPipe in = new TestPipe();
        TestPipe out = new TestPipe();
        LanguageServerRunner runner = new LanguageServerRunner("test", new PrintStream(OutputStream.nullOutputStream()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runner.serve(in.in, out.out));
        try {
            List<String> ids = List.of("1.5", "null", "true", "{\"a\":1}", "[1]");
            for (String id : ids) {
                send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"workspace/symbol\",\"params\":{\"query\":\"x\"}}");
            }
            // an id nested in the parameters is no concern of the request's own, plain one
            send(in.out, "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"x\":{\"id\":2.5},\"capabilities\":{}},\"id\":7}");
            int refused = 0;
            String initialized = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((refused < ids.size() || initialized == null) && System.nanoTime() < deadline) {
                String msg = read(out.in);
                if (msg.contains("\"id\":null") && msg.contains("-32600")) {
                    refused++;
                } else if (msg.contains("\"id\":7")) {
                    initialized = msg;
                }
            }
            assertEquals(ids.size(), refused);
            assertTrue(initialized != null && initialized.contains("capabilities"), String.valueOf(initialized));
            send(in.out, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
            send(in.out, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        } finally {
            in.out.close();
        }
    }

    private static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One framed message from the server. */
    private static String read(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("server closed the stream");
            }
            if (c == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            } else {
                line.append((char) c);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < length; i++) {
            body.write(in.read());
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /**
     * Notifications and requests that lack what they are about: a document kept with a null name,
     * or a change without its text, made every later request of the session fail.
     */
    @Test
    void incompleteParamsAreRefusedOrIgnoredAndSpoilNothing() throws Exception {
        try (Session s = new Session()) {
            s.start(TEXT);
            var docs = s.server.getTextDocumentService();
            // written raw: LSP4J's own types refuse a null document
            String open = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":";
            send(s.toServer, open + "{\"languageId\":\"yaml\",\"version\":1,\"text\":\"- list: a\\n  items: [x]\\n\"}}}");
            send(s.toServer, open + "{\"uri\":\"file:///work/rules/b.yaml\",\"languageId\":\"yaml\",\"version\":1}}}");
            send(s.toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"" + URI + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,"
                    + "\"character\":0},\"end\":{\"line\":0,\"character\":0}}}]}}");
            send(s.toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{}}}");
            // a request without its document, position(s) or range is refused as such, not failed
            var service = s.impl.getTextDocumentService();
            var doc = new TextDocumentIdentifier(URI);
            assertInvalidParams(() -> service.hover(new HoverParams()).join());
            var noPositions = new org.eclipse.lsp4j.SelectionRangeParams();
            noPositions.setTextDocument(doc);
            assertInvalidParams(() -> service.selectionRange(noPositions).join());
            var noRange = new org.eclipse.lsp4j.CodeActionParams();
            noRange.setTextDocument(doc);
            assertInvalidParams(() -> service.codeAction(noRange).join());
            assertInvalidParams(() -> service.resolveCodeLens(new org.eclipse.lsp4j.CodeLens()).join());
            // a change without its version still applies, after the ones before it
            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, null),
                    List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)), "# n\n"))));
            var symbols = s.server.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("shell"))
                    .get(5, TimeUnit.SECONDS);
            assertTrue(symbols.isRight() && !symbols.getRight().isEmpty(), "the workspace still answers: " + symbols);
            assertNull(s.impl.workspace().document("file:///work/rules/b.yaml"), "a document without text is not opened");
            assertEquals("# n\n" + TEXT, s.serverText());
        }
    }

    /** The request is refused as InvalidParams, thrown at once or through its future. */
    private static void assertInvalidParams(org.junit.jupiter.api.function.Executable request) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, request);
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        assertTrue(cause instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException r
                && r.getResponseError().getCode() == org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams
                .getValue(), String.valueOf(cause));
    }

    @Test
    void unopenedDocumentsAndOutOfRangePositions() throws Exception {
        try (Session s = new Session()) {
            s.start(TEXT);
            assertNull(s.hover("file:///never/opened.yaml", 0, 0).get(5, TimeUnit.SECONDS));
            assertTrue(s.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier("file:///never/opened.yaml"), new Position(3, 3)))
                    .get(5, TimeUnit.SECONDS).getRight().getItems().isEmpty());
            s.hover(URI, 9_999, 9_999).get(5, TimeUnit.SECONDS);
            s.hover(URI, -1, -5).get(5, TimeUnit.SECONDS);
            // an edit past the end of a line and of the document is clamped, as the client would
            TextDocument mirror = new TextDocument(URI, 1, TEXT);
            Range far = new Range(new Position(2, 500), new Position(4000, 7));
            s.change(2, far, "\n# tail\n");
            mirror = mirror.withChanges(2, List.of(ContentChange.replace(2, 500, 4000, 7, "\n# tail\n")));
            Range backwards = new Range(new Position(1, 4), new Position(0, 2));
            s.change(3, backwards, "");
            mirror = mirror.withChanges(3, List.of(ContentChange.replace(1, 4, 0, 2, "")));
            s.awaitDiagnostics(3);
            s.hover(URI, 0, 0).get(5, TimeUnit.SECONDS);
            assertEquals(mirror.text(), s.serverText());
            // a change to a document that was never opened is ignored
            s.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier("file:///never/opened.yaml", 2),
                    List.of(new TextDocumentContentChangeEvent(far, "x"))));
            s.hover(URI, 0, 0).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void cancellationStormEveryRequestEnds() throws Exception {
        try (Session s = new Session()) {
            s.start(TEXT);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                CompletableFuture<Hover> h = s.hover(URI, i % 12, i % 30);
                CompletableFuture<?> c = s.server.getTextDocumentService().completion(new CompletionParams(
                        new TextDocumentIdentifier(URI), new Position(i % 12, i % 40)));
                all.add(h);
                all.add(c);
                if (i % 3 != 2) {
                    h.cancel(true);
                    c.cancel(true);
                }
            }
            for (CompletableFuture<?> f : all) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (CancellationException | ExecutionException e) {
                    // cancelled: an answer too
                }
            }
            assertTrue(s.hover(URI, 8, 40).get(5, TimeUnit.SECONDS) != null, "still answering after the storm");
        }
    }

    @Test
    void aClientThatDoesNotWaitEndsWithTheSameTextAndNoLeak() throws Exception {
        try (Session s = new Session()) {
            s.start(TEXT);
            Random random = new Random(5);
            TextDocument mirror = new TextDocument(URI, 1, TEXT);
            int version = 1;
            List<CompletableFuture<Hover>> hovers = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                mirror = randomEdit(s, mirror, ++version, random);
                hovers.add(s.hover(URI, random.nextInt(12), random.nextInt(60)));
            }
            for (CompletableFuture<Hover> h : hovers) {
                try {
                    h.get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("a hover failed", e.getCause());
                }
            }
            assertEquals(mirror.text(), s.serverText());

            // back to the original text, then 10,000 edits more; the heap must come back to its level
            mirror = reset(s, mirror, ++version);
            long before = usedAfterGc(s);
            for (int i = 0; i < 10_000; i++) {
                mirror = randomEdit(s, mirror, ++version, random);
                if (i % 1000 == 999) {
                    s.hover(URI, 0, 0).get(20, TimeUnit.SECONDS); // lets the server keep up
                    mirror = reset(s, mirror, ++version);
                }
            }
            mirror = reset(s, mirror, ++version);
            long after = usedAfterGc(s);
            assertEquals(mirror.text(), s.serverText());
            long grownMb = (after - before) / (1024 * 1024);
            assertTrue(grownMb < 16, "heap grew by " + grownMb + " MB across 10,000 edits");
        }
    }

    /** Replaces the whole text with the original (one incremental change covering everything). */
    private static TextDocument reset(Session s, TextDocument mirror, int version) {
        var end = mirror.lineIndex().position(mirror.text().length());
        Range all = new Range(new Position(0, 0), new Position(end.line(), end.character()));
        s.change(version, all, TEXT);
        return mirror.withChanges(version, List.of(ContentChange.replace(0, 0, end.line(), end.character(), TEXT)));
    }

    private static TextDocument randomEdit(Session s, TextDocument mirror, int version, Random random) {
        String text = mirror.text();
        int a = random.nextInt(text.length() + 1);
        int b = Math.min(text.length(), a + random.nextInt(3));
        String insert = switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "x";
            case 3 -> "\n";
            default -> "(";
        };
        var pa = mirror.lineIndex().position(a);
        var pb = mirror.lineIndex().position(b);
        s.change(version, new Range(new Position(pa.line(), pa.character()), new Position(pb.line(), pb.character())),
                insert);
        return mirror.withChanges(version, List.of(ContentChange.replace(pa.line(), pa.character(), pb.line(),
                pb.character(), insert)));
    }

    /** Heap in use after the server caught up (a request answered after every edit) and a full GC. */
    private static long usedAfterGc(Session s) throws Exception {
        s.hover(URI, 0, 0).get(20, TimeUnit.SECONDS);
        Thread.sleep(200);
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** {@link MessageWriter} puts on the wire what LSP4J's writer does, each message in one write. */
class MessageWriterTest {
    private static final MessageJsonHandler JSON = new MessageJsonHandler(
            ServiceEndpoints.getSupportedMethods(LanguageServer.class), AnswerJson::configure);

    /** Counts the writes that reach the stream. */
    private static final class Wire extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes++;
            super.write(bytes, offset, length);
        }
    }

    private static List<Message> messages() {
        ResponseMessage hover = new ResponseMessage();
        hover.setId(3);
        hover.setResult(new Hover(new MarkupContent("markdown", "**proc.name** — プロセス名 😀 `é`\n" + "x".repeat(200_000))));
        Range range = new Range(new Position(1, 2), new Position(1, 9));
        NotificationMessage publish = new NotificationMessage();
        publish.setMethod("textDocument/publishDiagnostics");
        publish.setParams(new PublishDiagnosticsParams("file:///r.yaml",
                List.of(new Diagnostic(range, "未知のマクロ \"spawned_proces\""))));
        ResponseMessage empty = new ResponseMessage();
        empty.setId("init");
        empty.setResult(null);
        return List.of(hover, publish, empty, hover);
    }

    @Test
    void messagesOfSeveralThreadsLeaveWhole() throws Exception {
        Wire wire = new Wire();
        MessageWriter ours = new MessageWriter(wire, () -> JSON);
        List<Message> sent = messages();
        int threads = 4;
        int each = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        ours.consume(sent.get(i % sent.size()));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (Message m : sent) {
            expected.add(JSON.serialize(m));
        }
        byte[] bytes = wire.toByteArray();
        int at = 0;
        int frames = 0;
        while (at < bytes.length) {
            String rest = new String(bytes, at, Math.min(64, bytes.length - at), java.nio.charset.StandardCharsets.US_ASCII);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Content-Length: (\\d+)\r\n\r\n").matcher(rest);
            org.junit.jupiter.api.Assertions.assertTrue(m.find(), "a header at byte " + at);
            int length = Integer.parseInt(m.group(1));
            at += m.end();
            String content = new String(bytes, at, length, java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(expected.contains(content), "frame " + frames + " is one message");
            at += length;
            frames++;
        }
        assertEquals(threads * each, frames);
    }

    @Test
    void writesWhatLsp4jWritesInOneCallPerMessage() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        StreamMessageConsumer theirs = new StreamMessageConsumer(expected, JSON);
        Wire wire = new Wire();
        MessageWriter ours = new MessageWriter(wire, () -> JSON);
        for (Message m : messages()) {
            theirs.consume(m);
            ours.consume(m);
        }
        assertEquals(expected.toString(java.nio.charset.StandardCharsets.UTF_8),
                wire.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(messages().size(), wire.writes);
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.text.TextPosition;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WireRehearsalTest {
    private static final String NOWHERE = "falconer:/nowhere.yaml";

    /** Each request is read from its frame, answered by the server's own handler, and told apart from a failure. */
    @Test
    void requestsGoThroughTheEndpointToTheServersHandlers() throws Exception {
        FalconerLanguageServer server = new FalconerLanguageServer("test", LanguageServerRunner.productionDiagnostics(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), code -> { });
        server.connect(new RecordingClient());
        server.initialize(LifecycleTest.initializeParams()).get(10, TimeUnit.SECONDS);
        WireRehearsal wire = new WireRehearsal(server, AnswerJson.codec());
        RequestFrames frames = new RequestFrames();
        TextPosition at = new TextPosition(0, 0);

        assertTrue(wire.send(frames.position("textDocument/hover", NOWHERE, at)), "answered on the reader's thread");
        assertTrue(wire.send(frames.document("textDocument/documentSymbol", NOWHERE)), "answered from the pool");
        assertFalse(wire.send(frames.document("textDocument/noSuchRequest", NOWHERE)), "an error is no answer");

        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit(); // the request pool closes
        assertFalse(wire.send(frames.document("textDocument/documentSymbol", NOWHERE)), "refused once closed");
    }
}

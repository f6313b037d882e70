package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LifecycleTest {
    static final String URI = "file:///work/rules/falco_rules.local.yaml";

    static InitializeParams initializeParams() {
        InitializeParams p = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ws.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(true));
        caps.setWorkspace(ws);
        p.setCapabilities(caps);
        p.setLocale("en");
        return p;
    }

    @Test
    void openEditShutdownExitEndsWithZero() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            InitializeResult init = c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS);
            assertEquals(TextDocumentSyncKind.Incremental, init.getCapabilities().getTextDocumentSync().getRight().getChange());
            assertEquals("falconer", init.getServerInfo().getName());
            c.server.initialized(new InitializedParams());

            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, "- macro: m\n  condition: proc.name = x\n")));
            PublishDiagnosticsParams first = c.client.nextDiagnostics(URI);
            assertEquals(1, first.getVersion());

            TextDocumentContentChangeEvent edit = new TextDocumentContentChangeEvent(
                    new Range(new Position(1, 25), new Position(1, 26)), "bash");
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, 2), List.of(edit)));
            PublishDiagnosticsParams second = c.client.nextDiagnostics(URI);
            assertEquals(2, second.getVersion());

            assertTrue(c.client.registrations.stream().flatMap(r -> r.getRegistrations().stream())
                    .anyMatch(r -> r.getMethod().equals("workspace/didChangeWatchedFiles")));

            c.server.shutdown().get(5, TimeUnit.SECONDS);
            c.server.exit();
            assertEquals(0, c.awaitExit());
        }
    }

    @Test
    void exitWithoutShutdownEndsWithOne() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            assertNotNull(c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS));
            c.server.exit();
            assertEquals(1, c.awaitExit());
        }
    }

    @Test
    void clientGoingAwayEndsWithOne() throws Exception {
        InProcessConnection c = new InProcessConnection();
        c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS);
        c.close();
        assertEquals(1, c.awaitExit());
    }
}

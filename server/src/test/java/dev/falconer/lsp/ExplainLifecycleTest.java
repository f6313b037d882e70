package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Explain over JSON-RPC: the lenses, their resolution, and {@code workspace/executeCommand falconer.explain}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ExplainLifecycleTest {
    private static final String URI = LifecycleTest.URI;
    private static final String TEXT = """
            - macro: spawned_process
              condition: evt.type in (execve, execveat)
            - rule: Shell Spawned
              desc: A shell was started.
              condition: spawned_process and proc.name in (bash, sh)
              output: shell (command=%proc.cmdline)
              priority: NOTICE
            """;

    @Test
    void lensesResolveAndTheCommandReturnsTheMarkdown() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            org.eclipse.lsp4j.InitializeParams params = LifecycleTest.initializeParams();
            params.getCapabilities().getWorkspace().setCodeLens(new org.eclipse.lsp4j.CodeLensWorkspaceCapabilities(true));
            InitializeResult init = c.server.initialize(params).get(5, TimeUnit.SECONDS);
            assertTrue(init.getCapabilities().getCodeLensProvider().getResolveProvider());
            assertEquals(List.of("falconer.explain", "falconer.showReferences"), init.getCapabilities().getExecuteCommandProvider().getCommands());
            c.server.initialized(new InitializedParams());
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", 1, TEXT)));
            c.client.nextDiagnostics(URI);

            List<? extends CodeLens> lenses = lenses(c);
            assertEquals(List.of(1, 4), lenses.stream().map(l -> l.getRange().getStart().getLine()).toList());
            CodeLens rule = c.server.getTextDocumentService().resolveCodeLens(lenses.get(1)).get(5, TimeUnit.SECONDS);
            assertEquals("falconer.explain", rule.getCommand().getCommand());
            String title = rule.getCommand().getTitle();
            assertTrue(title.startsWith("A new process") && title.contains("bash") && !title.contains("`"), title);

            // The lens's own arguments, as a client sends them back when the lens is clicked.
            String fromLens = execute(c, rule.getCommand().getArguments());
            assertTrue(fromLens.startsWith("**Shell Spawned**"), fromLens);
            assertTrue(fromLens.contains("> A shell was started."), fromLens);
            // The editors' "explain at cursor": [uri, {line, character}]; and [uri, line, character].
            assertEquals(fromLens, execute(c, List.of(URI, new Position(5, 3))));
            assertEquals(fromLens, execute(c, List.of(URI, 6, 2)));
            String macro = execute(c, List.of(URI, new Position(0, 12)));
            assertTrue(macro.startsWith("**`spawned_process`** (macro)"), macro);
            assertNull(execute(c, List.of("file:///not/open.yaml", new Position(0, 0))));
            assertNull(execute(c, List.of(42)));

            int refreshes = c.client.lensRefreshes.get();
            c.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"falconer\": {\"explain\": {\"codeLens\": false}}}")));
            // the editor shows the lenses it has until told to ask again (the request crosses the connection)
            for (int i = 0; i < 200 && c.client.lensRefreshes.get() == refreshes; i++) {
                Thread.sleep(10);
            }
            assertEquals(refreshes + 1, c.client.lensRefreshes.get());
            c.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"falconer\": {\"explain\": {\"codeLens\": false}}}")));
            assertEquals(refreshes + 1, c.client.lensRefreshes.get(), "the same settings again change nothing");
            c.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(
                    "{\"falconer\": {\"explain\": {\"codeLens\": false}, \"diagnostics\": {\"delay\": 5}}}")));
            Thread.sleep(100);
            assertEquals(refreshes + 1, c.client.lensRefreshes.get(), "a setting no lens depends on refreshes nothing");
            List<? extends CodeLens> off = lenses(c);
            for (int i = 0; i < 40 && !off.isEmpty(); i++) {
                Thread.sleep(25);
                off = lenses(c);
            }
            assertEquals(List.of(), off);

            c.server.shutdown().get(5, TimeUnit.SECONDS);
            c.server.exit();
            assertEquals(0, c.awaitExit());
        }
    }

    /** The explain lenses among every lens of the document (references lenses sit beside them). */
    private static List<? extends CodeLens> lenses(InProcessConnection c) throws Exception {
        return c.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(URI)))
                .get(5, TimeUnit.SECONDS).stream()
                .filter(l -> LensData.unpack(l.getData()) instanceof JsonObject d && d.has("lens")
                        && d.get("lens").getAsString().equals("explain"))
                .toList();
    }

    private static String execute(InProcessConnection c, List<Object> arguments) throws Exception {
        Object result = c.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("falconer.explain", arguments))
                .get(5, TimeUnit.SECONDS);
        // LSP4J hands a JSON string result over as a String.
        return (String) result;
    }
}

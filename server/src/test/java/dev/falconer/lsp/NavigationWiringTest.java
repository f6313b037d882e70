package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The navigation features through JSON-RPC: announced, answered, refusals carried to the client. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NavigationWiringTest {
    static final String URI = "file:///work/rules/nav_rules.yaml";
    static final String TEXT = """
            - list: shells
              items: [bash, sh]
            - list: shells
              items: [fish]
              append: true
            - macro: spawned
              condition: proc.name in (shells)
            - rule: r
              desc: d
              condition: spawned and proc.name = zsh
              output: o
              priority: INFO
            """;

    @Test
    void requestsAreAnnouncedAndAnswered() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            // a client that takes prepareRename and code action literals gets their options; one
            // that says nothing, the plain flags (LSP 3.17; QA round 20)
            org.eclipse.lsp4j.InitializeParams params = LifecycleTest.initializeParams();
            org.eclipse.lsp4j.TextDocumentClientCapabilities text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
            text.setRename(new org.eclipse.lsp4j.RenameCapabilities(true, false));
            text.setCodeAction(new org.eclipse.lsp4j.CodeActionCapabilities(new org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities(
                    new org.eclipse.lsp4j.CodeActionKindCapabilities(List.of("quickfix", "source"))), false));
            params.getCapabilities().setTextDocument(text);
            ServerCapabilities plain = Capabilities.of(new org.eclipse.lsp4j.ClientCapabilities());
            assertEquals(true, plain.getRenameProvider().getLeft());
            assertEquals(true, plain.getCodeActionProvider().getLeft());
            InitializeResult init = c.server.initialize(params).get(5, TimeUnit.SECONDS);
            ServerCapabilities caps = init.getCapabilities();
            assertEquals(true, caps.getDefinitionProvider().getLeft());
            assertEquals(true, caps.getRenameProvider().getRight().getPrepareProvider());
            assertEquals(List.of("quickfix", "source"), caps.getCodeActionProvider().getRight().getCodeActionKinds());
            assertEquals(List.of("property", "macro", "variable", "function", "operator", "keyword", "string", "number",
                    "parameter"), caps.getSemanticTokensProvider().getLegend().getTokenTypes());
            c.server.initialized(new InitializedParams());
            var docs = c.server.getTextDocumentService();
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", 1, TEXT)));
            TextDocumentIdentifier id = new TextDocumentIdentifier(URI);

            List<? extends Location> defs = docs.definition(new DefinitionParams(id, new Position(9, 15)))
                    .get(5, TimeUnit.SECONDS).getLeft();
            assertEquals(List.of(new Location(URI, new Range(new Position(5, 9), new Position(5, 16)))), defs);

            assertEquals(List.of("shells", "shells", "spawned", "r"), docs.documentSymbol(new DocumentSymbolParams(id))
                    .get(5, TimeUnit.SECONDS).stream().map(e -> e.getRight().getName()).toList());
            assertTrue(docs.semanticTokensFull(new SemanticTokensParams(id)).get(5, TimeUnit.SECONDS).getData().size() > 20);
            // listed without their count; codeLens/resolve (through JSON, as a client sends the
            // lens back) gives the count and the command
            com.google.gson.Gson wire = new com.google.gson.Gson();
            var lenses = new java.util.ArrayList<org.eclipse.lsp4j.CodeLens>();
            for (var listed : docs.codeLens(new CodeLensParams(id)).get(5, TimeUnit.SECONDS)) {
                var echoed = wire.fromJson(wire.toJson(listed), org.eclipse.lsp4j.CodeLens.class);
                var resolved = docs.resolveCodeLens(echoed).get(5, TimeUnit.SECONDS);
                if (resolved.getCommand() != null && resolved.getCommand().getCommand().equals("falconer.showReferences")) {
                    lenses.add(resolved);
                }
            }
            assertEquals(List.of("1 reference", "1 reference", "1 reference"),
                    lenses.stream().map(l -> l.getCommand().getTitle()).toList());
            // once resolved, complete without executeCommand: a client shows the count and maps the
            // command to its own references view with plain JSON arguments (uri, position, locations)
            var showRefs = lenses.get(2).getCommand();
            assertEquals(3, showRefs.getArguments().size());
            assertEquals(URI, ((com.google.gson.JsonPrimitive) showRefs.getArguments().get(0)).getAsString());
            assertEquals(5, ((com.google.gson.JsonObject) showRefs.getArguments().get(1)).get("line").getAsInt());
            assertEquals(URI, ((com.google.gson.JsonArray) showRefs.getArguments().get(2)).get(0).getAsJsonObject()
                    .get("uri").getAsString());
            // any client may also run it on the server: the answer is the current locations
            assertTrue(caps.getExecuteCommandProvider().getCommands().contains("falconer.showReferences"));
            Object ran = c.server.getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams(
                    "falconer.showReferences", showRefs.getArguments())).get(5, TimeUnit.SECONDS);
            com.google.gson.Gson gson = new com.google.gson.Gson();
            assertEquals(gson.toJsonTree(showRefs.getArguments().get(2)), gson.toJsonTree(ran));
            assertEquals(1, gson.toJsonTree(ran).getAsJsonArray().size());
            assertEquals(1, c.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("spawn"))
                    .get(5, TimeUnit.SECONDS).getRight().size());

            WorkspaceEdit edit = docs.rename(new RenameParams(id, new Position(9, 15), "new_process"))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(2, edit.getChanges().get(URI).size());
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> docs.prepareRename(new PrepareRenameParams(id, new Position(9, 26))).get(5, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof ResponseErrorException);
            assertEquals("'proc.name' is a Falco field: fields cannot be renamed.",
                    ((ResponseErrorException) refused.getCause()).getResponseError().getMessage());

            var actions = docs.codeAction(new CodeActionParams(id, new Range(new Position(2, 9), new Position(2, 9)),
                    new CodeActionContext(List.of()))).get(5, TimeUnit.SECONDS);
            assertTrue(actions.stream().anyMatch(a -> a.getRight().getTitle()
                    .equals("Replace 'append: true' with the equivalent 'override'")), actions.toString());
        }
    }
}

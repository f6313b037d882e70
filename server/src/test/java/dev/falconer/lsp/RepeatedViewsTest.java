package dev.falconer.lsp;

import dev.falconer.support.Keystrokes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Symbols, semantic tokens and code lenses are kept per document while nothing they depend on
 * changes: after every random edit, the answers (asked twice, the second one kept) equal those of
 * a server that sees the same text for the first time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RepeatedViewsTest {
    private static final String URI = "file:///work/rules/views_rules.yaml";
    private static final String OTHER = "file:///work/rules/other_rules.yaml";
    private static final String TEXT = """
            - list: shells
              items: [bash, sh]
            - macro: spawned
              condition: evt.type = execve and proc.name in (shells)
            - macro: in_tmp
              condition: fd.name startswith /tmp
            - rule: Shell in tmp
              desc: d
              condition: spawned and in_tmp and not proc.pname in (shells)
              output: "%proc.name in %fd.name"
              priority: INFO
            """;
    /** Another open file that uses the names: editing it changes the snapshot, not the document. */
    private static final String OTHER_TEXT = """
            - rule: Other
              desc: d
              condition: spawned and proc.name in (shells)
              output: o
              priority: INFO
            """;
    private static final String TYPED = " a_.()\n:-";
    private static final Gson GSON = new Gson();

    @Test
    void keptAnswersEqualFreshOnesAfterRandomEdits() throws Exception {
        try (InProcessConnection edited = new InProcessConnection(); InProcessConnection fresh = new InProcessConnection()) {
            for (InProcessConnection c : List.of(edited, fresh)) {
                c.server.initialize(LifecycleTest.initializeParams()).get(10, TimeUnit.SECONDS);
                c.server.initialized(new InitializedParams());
                c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(OTHER, "yaml", 1, OTHER_TEXT)));
            }
            TextDocumentService docs = edited.server.getTextDocumentService();
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", 1, TEXT)));
            Random random = new Random(7);
            StringBuilder text = new StringBuilder(TEXT);
            String other = OTHER_TEXT;
            for (int version = 2; version < 42; version++) {
                if (version % 10 == 0) {
                    // an edit elsewhere: a new snapshot for an unchanged document
                    other = other.replace("proc.name", version % 20 == 0 ? "proc.pname" : "proc.name");
                    other = other + "#" + version + "\n";
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(OTHER, version),
                            List.of(new TextDocumentContentChangeEvent(other))));
                    fresh.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(OTHER, version), List.of(new TextDocumentContentChangeEvent(other))));
                } else {
                    Keystrokes.type(text, random, TYPED);
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
                            List.of(new TextDocumentContentChangeEvent(text.toString()))));
                }
                List<JsonElement> kept = answers(docs);
                assertEquals(kept, answers(docs), "asked again, version " + version);
                TextDocumentService first = fresh.server.getTextDocumentService();
                first.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", version, text.toString())));
                assertEquals(answers(first), kept, "fresh server, version " + version + ":\n" + text);
                first.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
            }
        }
    }

    private static List<JsonElement> answers(TextDocumentService docs) throws Exception {
        TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
        return List.of(
                GSON.toJsonTree(docs.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS)),
                GSON.toJsonTree(docs.semanticTokensFull(new SemanticTokensParams(id)).get(10, TimeUnit.SECONDS)),
                GSON.toJsonTree(docs.codeLens(new CodeLensParams(id)).get(10, TimeUnit.SECONDS)));
    }
}

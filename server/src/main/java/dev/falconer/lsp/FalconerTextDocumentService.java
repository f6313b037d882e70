package dev.falconer.lsp;

import dev.falconer.rules.RulesDocument;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.text.TextDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document synchronisation and the per-document requests. Edits are applied on the JSON-RPC
 * reader thread (they must stay in order and are cheap); everything else runs elsewhere.
 */
final class FalconerTextDocumentService implements TextDocumentService {
    private final FalconerLanguageServer server;
    private final Map<String, RulesDocument> open = new ConcurrentHashMap<>();

    FalconerTextDocumentService(FalconerLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        open.put(item.getUri(), RulesDocument.parse(new TextDocument(item.getUri(), item.getVersion(), item.getText())));
        scheduleDiagnostics(item.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        RulesDocument current = open.get(uri);
        if (current == null) {
            return;
        }
        TextDocument next = current.textDocument()
                .withChanges(params.getTextDocument().getVersion(), Lsp.changes(params.getContentChanges()));
        open.put(uri, current.update(next));
        scheduleDiagnostics(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        open.remove(uri);
        server.scheduler().cancel(uri);
        publish(uri, null, List.of());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The buffer already has the saved text; disk copies are followed through file events.
    }

    /** Settings changed: every open document is analysed again. */
    void settingsChanged() {
        for (String uri : open.keySet()) {
            scheduleDiagnostics(uri);
        }
    }

    private void scheduleDiagnostics(String uri) {
        if (server.isShutdown()) {
            return;
        }
        server.scheduler().schedule(uri, server.settings().diagnosticsDelayMs(), cancel -> {
            RulesDocument doc = open.get(uri);
            if (doc == null) {
                return;
            }
            List<FalconerDiagnostic> found = server.service()
                    .diagnostics(new AnalysisRequest(doc, server.settings()), cancel);
            RulesDocument now = open.get(uri);
            if (!cancel.isCancelled() && now != null && now.version() == doc.version()) {
                publish(uri, doc.version(), found.stream().map(Lsp::diagnostic).toList());
            }
        });
    }

    private void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        LanguageClient client = server.client();
        if (client != null) {
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
        }
    }
}

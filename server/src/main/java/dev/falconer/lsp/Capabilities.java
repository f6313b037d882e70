package dev.falconer.lsp;

import dev.falconer.service.ExplainLens;
import java.util.List;
import org.eclipse.lsp4j.CodeLensOptions;
import dev.falconer.navigate.ReferenceLenses;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** What the server announces in {@code initialize}: exactly the features it implements. */
final class Capabilities {

    /** Field dots, output placeholders, list openings and separators, and the blank before an operator or value. */
    static final List<String> TRIGGERS = List.of(".", "%", "(", ",", " ");

    /** Commands the server runs through {@code workspace/executeCommand}. */
    static final List<String> COMMANDS = List.of(ExplainLens.COMMAND, ReferenceLenses.SHOW_REFERENCES);

    private Capabilities() {
    }

    static ServerCapabilities of(ClientCapabilities client) {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        CompletionOptions completion = new CompletionOptions(true, TRIGGERS);
        caps.setCompletionProvider(completion);
        NavigationCapabilities.addTo(caps, client);
        // Lens titles are explanations: computed on resolve, for the lenses an editor shows.
        caps.setCodeLensProvider(new CodeLensOptions(true));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(COMMANDS));

        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(Either.forRight(true));
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        return caps;
    }

    static boolean canRegisterFileWatcher(ClientCapabilities client) {
        return client != null && client.getWorkspace() != null
                && client.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(client.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    }

    static boolean canRegisterConfigurationChange(ClientCapabilities client) {
        return client != null && client.getWorkspace() != null
                && client.getWorkspace().getDidChangeConfiguration() != null
                && Boolean.TRUE.equals(client.getWorkspace().getDidChangeConfiguration().getDynamicRegistration());
    }

    /**
     * The client asks for an item's documentation with {@code completionItem/resolve} (LSP 3.16
     * {@code resolveSupport}): completion answers then leave it out (an answer to a term start
     * carries up to 150 items; the editor shows the documentation of one).
     */
    static boolean resolvesCompletionDocumentation(ClientCapabilities client) {
        if (client == null || client.getTextDocument() == null || client.getTextDocument().getCompletion() == null) {
            return false;
        }
        var item = client.getTextDocument().getCompletion().getCompletionItem();
        return item != null && item.getResolveSupport() != null && item.getResolveSupport().getProperties() != null
                && item.getResolveSupport().getProperties().contains("documentation");
    }

    /** The client shows markdown hovers: it says so, or says nothing of its formats. */
    static boolean hoverTakesMarkdown(ClientCapabilities client) {
        var text = client == null ? null : client.getTextDocument();
        var formats = text == null || text.getHover() == null ? null : text.getHover().getContentFormat();
        return formats == null || formats.isEmpty() || formats.contains(MarkupKind.MARKDOWN);
    }

    /** The client shows markdown completion documentation: it says so, or says nothing of its formats. */
    static boolean completionTakesMarkdown(ClientCapabilities client) {
        var text = client == null ? null : client.getTextDocument();
        var item = text == null || text.getCompletion() == null ? null : text.getCompletion().getCompletionItem();
        var formats = item == null ? null : item.getDocumentationFormat();
        return formats == null || formats.isEmpty() || formats.contains(MarkupKind.MARKDOWN);
    }

    /** The client inserts completion snippets ({@code snippetSupport}); else items carry plain text. */
    static boolean takesSnippets(ClientCapabilities client) {
        if (client == null || client.getTextDocument() == null || client.getTextDocument().getCompletion() == null) {
            return false;
        }
        var item = client.getTextDocument().getCompletion().getCompletionItem();
        return item != null && Boolean.TRUE.equals(item.getSnippetSupport());
    }

    /** The client takes an item's edit as two ranges, inserting or replacing ({@code insertReplaceSupport}, LSP 3.16). */
    static boolean insertsOrReplaces(ClientCapabilities client) {
        if (client == null || client.getTextDocument() == null || client.getTextDocument().getCompletion() == null) {
            return false;
        }
        var item = client.getTextDocument().getCompletion().getCompletionItem();
        return item != null && Boolean.TRUE.equals(item.getInsertReplaceSupport());
    }

    /** The client shows work-done progress the server starts ({@code window/workDoneProgress/create}). */
    static boolean showsProgress(ClientCapabilities client) {
        return client != null && client.getWindow() != null
                && Boolean.TRUE.equals(client.getWindow().getWorkDoneProgress());
    }

    /** The client re-asks for every code lens when told to ({@code workspace/codeLens/refresh}, LSP 3.16). */
    static boolean refreshesCodeLenses(ClientCapabilities client) {
        return client != null && client.getWorkspace() != null && client.getWorkspace().getCodeLens() != null
                && Boolean.TRUE.equals(client.getWorkspace().getCodeLens().getRefreshSupport());
    }

    static boolean canPullConfiguration(ClientCapabilities client) {
        return client != null && client.getWorkspace() != null
                && Boolean.TRUE.equals(client.getWorkspace().getConfiguration());
    }
}

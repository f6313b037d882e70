package dev.falconer.lsp;

import dev.falconer.navigate.SemanticTokensProvider;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The navigation and editing features (issue 7) the server announces. */
final class NavigationCapabilities {
    private NavigationCapabilities() {
    }

    /**
     * The options of rename and code actions only where the client said it takes them (LSP 3.17:
     * {@code prepareSupport}, {@code codeActionLiteralSupport}); else the plain flags (QA round 20).
     */
    static void addTo(ServerCapabilities caps, ClientCapabilities client) {
        var text = client == null ? null : client.getTextDocument();
        boolean prepare = text != null && text.getRename() != null && Boolean.TRUE.equals(text.getRename().getPrepareSupport());
        boolean literals = text != null && text.getCodeAction() != null
                && text.getCodeAction().getCodeActionLiteralSupport() != null;
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setRenameProvider(prepare ? Either.forRight(new RenameOptions(true)) : Either.forLeft(true));
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        SemanticTokensWithRegistrationOptions tokens =
                new SemanticTokensWithRegistrationOptions(SemanticTokensProvider.legend(), true, false);
        caps.setSemanticTokensProvider(tokens);
        caps.setFoldingRangeProvider(true);
        caps.setSelectionRangeProvider(true);
        caps.setCodeActionProvider(literals ? Either.forRight(new CodeActionOptions(
                List.of(CodeActionKind.QuickFix, CodeActionKind.Source))) : Either.forLeft(true));
    }
}

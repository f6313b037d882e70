package dev.falconer.lsp;

import dev.falconer.navigate.SemanticTokensProvider;
import java.util.List;
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

    static void addTo(ServerCapabilities caps) {
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setRenameProvider(Either.forRight(new RenameOptions(true)));
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        SemanticTokensWithRegistrationOptions tokens =
                new SemanticTokensWithRegistrationOptions(SemanticTokensProvider.legend(), true, false);
        caps.setSemanticTokensProvider(tokens);
        caps.setFoldingRangeProvider(true);
        caps.setSelectionRangeProvider(true);
        caps.setCodeActionProvider(Either.forRight(new CodeActionOptions(
                List.of(CodeActionKind.QuickFix, CodeActionKind.Source))));
    }
}

package dev.falconer.lsp;

import dev.falconer.navigate.DiagnosticFix;
import dev.falconer.navigate.Navigator;
import dev.falconer.navigate.Rename;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The navigation and editing requests (issue 7), each run off the reader thread, cancellable,
 * and delegated to the pure functions of {@link Navigator} on the current workspace snapshot.
 */
final class NavigationRequests {
    private final FalconerLanguageServer server;
    /** Symbols and tokens of unchanged documents, asked for again and again by editors. */
    private final LastAnswers answers;

    NavigationRequests(FalconerLanguageServer server, LastAnswers answers) {
        this.server = server;
        this.answers = answers;
    }

    CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams p) {
        return server.requests().run("textDocument/definition", () -> Either.forLeft(List.of()), cancel ->
                Either.forLeft(nav().definition(snapshot(cancel), Lsp.uri(p.getTextDocument()),
                        Lsp.position(p.getPosition()))));
    }

    CompletableFuture<List<? extends Location>> references(ReferenceParams p) {
        boolean declaration = p.getContext() != null && p.getContext().isIncludeDeclaration();
        return server.requests().run("textDocument/references", List::of, cancel ->
                nav().references(snapshot(cancel), Lsp.uri(p.getTextDocument()), Lsp.position(p.getPosition()),
                        declaration));
    }

    CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams p) {
        return server.requests().run("textDocument/documentHighlight", List::of, cancel ->
                nav().highlights(snapshotFor(Lsp.uri(p.getTextDocument()), cancel), Lsp.uri(p.getTextDocument()),
                        Lsp.position(p.getPosition())));
    }

    CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams p) {
        return server.requests().run("textDocument/prepareRename", () -> null, cancel -> {
            Rename.Preparation r = nav().prepareRename(snapshot(cancel), Lsp.uri(p.getTextDocument()),
                    Lsp.position(p.getPosition()), server.settings().locale());
            if (r instanceof Rename.Allowed ok) {
                return Either3.forSecond(new PrepareRenameResult(ok.range(), ok.placeholder()));
            }
            throw refusal(((Rename.Refused) r).message());
        });
    }

    CompletableFuture<WorkspaceEdit> rename(RenameParams p) {
        return server.requests().run("textDocument/rename", () -> null, cancel -> {
            Rename.Result r = nav().rename(snapshot(cancel), Lsp.uri(p.getTextDocument()),
                    Lsp.position(p.getPosition()), p.getNewName(), server.settings().locale());
            if (r instanceof Rename.Edit e) {
                return e.edit();
            }
            throw refusal(((Rename.Refused) r).message());
        });
    }

    CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams p) {
        String uri = Lsp.uri(p.getTextDocument());
        return server.requests().run("textDocument/documentSymbol", List::of, cancel -> {
            RulesDocument doc = server.workspace().document(uri);
            cancel.checkCanceled();
            if (doc == null) {
                return List.of();
            }
            Navigator nav = nav();
            java.util.Locale locale = server.settings().locale();
            return answers.get("documentSymbol", uri, () -> RememberedList.of(symbols(nav, doc, locale)), doc, locale,
                    nav);
        });
    }

    CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams p) {
        return server.requests().run("workspace/symbol", () -> Either.forRight(List.of()), cancel ->
                Either.forRight(nav().workspaceSymbols(snapshot(cancel), p.getQuery())));
    }

    CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams p) {
        String uri = Lsp.uri(p.getTextDocument());
        return server.requests().run("textDocument/semanticTokens/full", () -> new SemanticTokens(List.of()), cancel -> {
            WorkspaceSnapshot ws = snapshotFor(uri, cancel);
            Navigator nav = nav();
            return answers.get("semanticTokens", uri, () -> RememberedTokens.of(nav.semanticTokens(ws, uri)), ws, nav);
        });
    }

    CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams p) {
        return server.requests().run("textDocument/foldingRange", List::of, cancel -> {
            RulesDocument doc = server.workspace().document(Lsp.uri(p.getTextDocument()));
            return doc == null ? List.of() : nav().foldingRanges(doc);
        });
    }

    CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams p) {
        return server.requests().run("textDocument/selectionRange", List::of, cancel -> {
            RulesDocument doc = server.workspace().document(Lsp.uri(p.getTextDocument()));
            List<dev.falconer.text.TextPosition> at = Lsp.positions(p.getPositions());
            return doc == null ? List.of() : nav().selectionRanges(doc, at);
        });
    }

    CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams p) {
        return server.requests().run("textDocument/codeAction", List::of, cancel -> {
            List<DiagnosticFix> fixes = p.getContext() == null || p.getContext().getDiagnostics() == null ? List.of()
                    : p.getContext().getDiagnostics().stream()
                            .filter(d -> d != null && d.getRange() != null && d.getRange().getStart() != null
                                    && d.getRange().getEnd() != null) // a diagnostic placed nowhere fixes nothing
                            .map(DiagnosticFix::from).toList();
            List<String> only = p.getContext() == null ? null : p.getContext().getOnly();
            return nav().codeActions(snapshot(cancel), Lsp.uri(p.getTextDocument()), Lsp.range(p.getRange()), fixes,
                    only, server.settings().locale()).stream().map(Either::<Command, CodeAction>forRight).toList();
        });
    }

    /** The outline of a document as the hierarchical symbols of the answer. */
    static List<Either<SymbolInformation, DocumentSymbol>> symbols(Navigator nav, RulesDocument doc,
            java.util.Locale locale) {
        return nav.documentSymbols(doc, locale).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight)
                .toList();
    }

    private Navigator nav() {
        return server.navigator();
    }

    private WorkspaceSnapshot snapshot(dev.falconer.service.Cancellation cancel) {
        WorkspaceSnapshot s = server.workspace().snapshot();
        cancel.checkCanceled();
        return s;
    }

    /**
     * The view for an answer about {@code uri} alone (see {@link RulesWorkspace#snapshotFor}).
     * Answers that hold places in other documents (definition, references, rename) take the
     * current view: a large file's latest keystrokes would move them.
     */
    private WorkspaceSnapshot snapshotFor(String uri, dev.falconer.service.Cancellation cancel) {
        WorkspaceSnapshot s = server.workspace().snapshotFor(uri);
        cancel.checkCanceled();
        return s;
    }

    /** A refusal the client shows as is (LSP: RequestFailed with our message). */
    private static ResponseErrorException refusal(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
    }
}

package dev.falconer.lsp;

import com.google.gson.JsonElement;
import dev.falconer.service.ExplainLens;
import dev.falconer.service.FalconerService;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import dev.falconer.navigate.ReferenceLenses;
import org.eclipse.lsp4j.ExecuteCommandParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings changes, workspace folders and file events. */
final class FalconerWorkspaceService implements WorkspaceService {
    private final FalconerLanguageServer server;

    FalconerWorkspaceService(FalconerLanguageServer server) {
        this.server = server;
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        return server.textService().navigation().symbol(params);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // Push-style clients send the values; pull-style ones send null and expect us to ask.
        if (params.getSettings() instanceof JsonElement json && json.isJsonObject() && json.getAsJsonObject().size() > 0) {
            server.applySettings(json);
        } else {
            server.pullSettings();
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean discovered = server.settings().rulesFiles().isEmpty();
        boolean membershipChanged = false;
        List<Path> listed = server.workspace().rulesFiles();
        for (FileEvent e : params.getChanges() == null ? List.<FileEvent>of() : params.getChanges()) {
            Path path = e == null || e.getUri() == null ? null : RulesWorkspace.pathOf(e.getUri());
            if (path == null) {
                continue;
            }
            if (!RulesFileDiscovery.isYaml(path)) {
                // a folder deleted (or moved away) with the rules files it held
                List<Path> held = e.getType() == FileChangeType.Deleted
                        ? listed.stream().filter(f -> f.startsWith(path)).toList() : List.of();
                held.forEach(server.workspace()::fileChanged);
                membershipChanged |= !held.isEmpty();
                continue;
            }
            server.workspace().fileChanged(path);
            // a file made empty (or as something else) may have become a rules file since it was created
            membershipChanged |= discovered && (e.getType() != FileChangeType.Changed
                    || !listed.contains(path) && RulesFileDiscovery.looksLikeRules(path));
        }
        if (membershipChanged) {
            server.reloadWorkspace();
        } else {
            server.textService().filesChanged();
        }
    }

    private static List<WorkspaceFolder> named(List<WorkspaceFolder> folders) {
        return folders == null ? List.of() : folders.stream().filter(f -> f != null && f.getUri() != null).toList();
    }

    /**
     * {@code falconer.explain}: the markdown explanation of a rule or macro, as a string (null when none).
     * {@code falconer.showReferences} (the references lens): the current reference locations of the
     * macro or list at {@code [uri, position, …]}, so a client without its own references view can
     * still ask for them.
     */
    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (ReferenceLenses.SHOW_REFERENCES.equals(params.getCommand())) {
            return server.requests().<Object>run("workspace/executeCommand", List::of, cancel -> {
                WorkspaceSnapshot ws = server.workspace().snapshot();
                cancel.checkCanceled();
                return ExplainArguments.parse(params.getArguments())
                        .filter(a -> a.position() != null)
                        .<Object>map(a -> server.navigator().references(ws, a.uri(), a.position(), false))
                        .orElse(List.of());
            });
        }
        if (!ExplainLens.COMMAND.equals(params.getCommand())) {
            return CompletableFuture.completedFuture(null);
        }
        return server.requests().<Object>run("workspace/executeCommand", () -> null, cancel -> {
            WorkspaceSnapshot ws = server.workspace().snapshot();
            cancel.checkCanceled();
            FalconerService service = server.service();
            return ExplainArguments.parse(params.getArguments())
                    .flatMap(a -> a.item() != null ? Optional.of(a.item())
                            : service.explainableAt(ws, a.uri(), a.position()))
                    .flatMap(item -> service.explain(ws, item, server.settings()))
                    .orElse(null);
        });
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        List<WorkspaceFolder> next = new ArrayList<>(server.folders());
        if (params.getEvent() != null) {
            // a folder without its uri names nothing: it is neither removed nor added
            List<WorkspaceFolder> removed = named(params.getEvent().getRemoved());
            next.removeIf(f -> removed.stream().anyMatch(r -> r.getUri().equals(f.getUri())));
            next.addAll(named(params.getEvent().getAdded()));
        }
        server.folders(next);
    }
}

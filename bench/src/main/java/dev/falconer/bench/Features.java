package dev.falconer.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.lsp.LanguageServerRunner;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;

/** What the server does per edit, without JSON-RPC: shared by the benchmarks. */
final class Features {
    static final FalconerService SERVICE = new FalconerService(FieldCatalog.defaults(),
            LanguageServerRunner.productionDiagnostics());
    static final FalconerSettings SETTINGS = FalconerSettings.defaults();

    private Features() {
    }

    static List<FalconerDiagnostic> diagnostics(WorkspaceSnapshot ws, String uri) {
        return diagnostics(SERVICE, ws, uri);
    }

    static List<FalconerDiagnostic> diagnostics(FalconerService service, WorkspaceSnapshot ws, String uri) {
        return service.diagnostics(new AnalysisRequest(ws, uri, service.catalog(), SETTINGS), () -> false);
    }

    /**
     * A service as a new server session builds it: the catalog is shared (loaded once per JVM),
     * nothing the checks kept from earlier snapshots is.
     */
    static FalconerService freshService() {
        return new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());
    }

    /** Inserts a space at {@code at} (odd rounds) or deletes it again (even rounds). */
    static void toggleSpace(RulesWorkspace ws, String uri, TextPosition at, int round) {
        boolean insert = round % 2 == 1;
        ws.change(uri, round + 1, List.of(insert
                ? ContentChange.replace(at.line(), at.character(), at.line(), at.character(), " ")
                : ContentChange.replace(at.line(), at.character(), at.line(), at.character() + 1, "")));
    }

    /** A field token in the middle of the file's conditions, as lspprobe picks its edit position. */
    static int middleField(String text) {
        var m = java.util.regex.Pattern.compile("condition:[^\\n]*?\\b(proc|fd|evt|user|container)\\.[a-z_]+")
                .matcher(text);
        java.util.List<Integer> at = new java.util.ArrayList<>();
        while (m.find()) {
            at.add(m.start(1));
        }
        return at.isEmpty() ? text.length() / 2 : at.get(at.size() / 2);
    }
}

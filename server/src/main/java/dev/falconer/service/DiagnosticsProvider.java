package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;

/**
 * The seam between the language server and the checks: given what the workspace knows, the
 * problems of one document. Implemented by {@code dev.falconer.check}; the service applies the
 * user's per-code severity afterwards, so providers emit their default severity.
 *
 * <p>Implementations must be pure (same input, same output), safe to call from several threads,
 * never throw for bad input, and should poll {@code cancel} between units of work so a newer
 * edit can stop a stale run early.
 */
@FunctionalInterface
public interface DiagnosticsProvider {

    List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel);

    /**
     * The load errors Falco meets at a file before the last that the final rules do not show
     * (spec §2.11: it compiles after each file and stops at the first failure), by file. Only
     * where the load order is Falco's: {@code settings} list the rules files. Longer than a
     * document's diagnostics (each step checks the files before it afresh): for a caller that
     * waits until the user pauses.
     */
    default LoadStepErrors loadStepDiagnostics(WorkspaceSnapshot workspace, FieldCatalog catalog,
                                               FalconerSettings settings, Cancellation cancel) {
        return LoadStepErrors.NONE;
    }

    /** Lets go of what is kept for snapshots other than {@code latest} (a document was closed). */
    default void release(WorkspaceSnapshot latest) {
        // nothing kept
    }

    /** A provider that finds nothing. */
    static DiagnosticsProvider none() {
        return (request, cancel) -> List.of();
    }
}

package dev.falconer.service;

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

    /** Lets go of what is kept for snapshots other than {@code latest} (a document was closed). */
    default void release(dev.falconer.workspace.WorkspaceSnapshot latest) {
        // nothing kept
    }

    /** A provider that finds nothing. */
    static DiagnosticsProvider none() {
        return (request, cancel) -> List.of();
    }
}

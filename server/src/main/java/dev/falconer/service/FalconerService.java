package dev.falconer.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The language features as pure functions of (document, position, settings): what the language
 * server answers and what tests call directly, with no JSON-RPC in between. Thread-safe: it
 * holds only immutable collaborators.
 */
public final class FalconerService {
    private final DiagnosticsProvider diagnosticsProvider;

    public FalconerService(DiagnosticsProvider diagnosticsProvider) {
        this.diagnosticsProvider = diagnosticsProvider;
    }

    /** The problems of one document, with the user's per-code severities applied ({@code off} drops them). */
    public List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel) {
        List<FalconerDiagnostic> found = diagnosticsProvider.diagnostics(request, cancel);
        List<FalconerDiagnostic> out = new ArrayList<>(found.size());
        for (FalconerDiagnostic d : found) {
            Severity wanted = request.settings().severityFor(d.code(), d.severity());
            if (wanted != Severity.OFF) {
                out.add(wanted == d.severity() ? d : d.withSeverity(wanted));
            }
        }
        return out;
    }
}

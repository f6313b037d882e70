package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The language features as pure functions of (document, position, settings): what the language
 * server answers and what tests call directly, with no JSON-RPC in between. Thread-safe: it
 * holds only immutable collaborators. {@code symbols} is what the workspace knows about macros,
 * lists and rules in every loaded file.
 */
public final class FalconerService {
    private final FieldCatalog catalog;
    private final DiagnosticsProvider diagnosticsProvider;
    private final HoverProvider hover;

    public FalconerService(FieldCatalog catalog, DiagnosticsProvider diagnosticsProvider) {
        this.catalog = catalog;
        this.diagnosticsProvider = diagnosticsProvider;
        this.hover = new HoverProvider(catalog);
    }

    public FieldCatalog catalog() {
        return catalog;
    }

    /** Documentation of the token under {@code position}; empty when there is nothing to say. */
    public Optional<HoverResult> hover(RulesDocument document, Symbols symbols, TextPosition position,
            FalconerSettings settings) {
        return hover.hover(document, symbols, document.lineIndex().offset(position), settings);
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

package dev.falconer.lsp;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.Cancellation;
import dev.falconer.service.DiagnosticsProvider;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The production checks ({@link Diagnoser}) behind the server's {@link DiagnosticsProvider} seam.
 * One diagnoser per catalog: its condition cache survives edits, and a new catalog (user
 * imports) starts a fresh one. Per-code severities are applied by the service, so the default
 * check settings are used here.
 */
final class CheckDiagnostics implements DiagnosticsProvider {
    private volatile Diagnoser diagnoser;

    @Override
    public List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel) {
        if (request.document() == null) {
            return List.of();
        }
        List<Diagnostic> found = diagnoserFor(request.catalog())
                .diagnose(request.workspace(), request.uri(), CheckSettings.defaults());
        Locale locale = request.settings().locale();
        List<FalconerDiagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            if (cancel.isCancelled()) {
                return List.of();
            }
            out.add(convert(d, locale));
        }
        return out;
    }

    private Diagnoser diagnoserFor(FieldCatalog catalog) {
        Diagnoser d = diagnoser;
        if (d == null || d.catalog() != catalog) {
            d = new Diagnoser(catalog);
            diagnoser = d;
        }
        return d;
    }

    private static FalconerDiagnostic convert(Diagnostic d, Locale locale) {
        List<FalconerDiagnostic.Related> related = d.related().stream()
                .map(r -> new FalconerDiagnostic.Related(r.uri(), r.range(), r.message(locale))).toList();
        String id = d.code().id();
        return new FalconerDiagnostic(d.range(), Severity.valueOf(d.severity().name()), id, d.message(locale),
                id.startsWith("unused-"), id.startsWith("deprecated-"), related);
    }
}

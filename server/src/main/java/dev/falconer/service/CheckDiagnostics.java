package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.check.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of {@code dev.falconer.check} behind the language server's seam: runs the
 * {@link Diagnoser} for the requested file and renders each diagnostic in the user's language.
 * Emits default severities (the service applies the per-code settings); unused items are tagged
 * unnecessary and deprecated ones deprecated, so editors fade or strike them through.
 */
public final class CheckDiagnostics implements DiagnosticsProvider {
    private volatile Diagnoser diagnoser;

    @Override
    public List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel) {
        if (request.document() == null) {
            return List.of();
        }
        cancel.checkCanceled();
        List<Diagnostic> found = diagnoserFor(request.catalog())
                .diagnose(request.workspace(), request.uri(),
                        CheckSettings.defaults().withSources(request.settings().sources())
                                // found in the folders, the files' order is a guess; listed, it is Falco's
                                .withLoadOrderKnown(!request.settings().rulesFiles().isEmpty()),
                        cancel::isCancelled);
        cancel.checkCanceled();
        Locale locale = request.settings().locale();
        List<FalconerDiagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            out.add(convert(d, locale));
        }
        return out;
    }

    @Override
    public void release(dev.falconer.workspace.WorkspaceSnapshot latest) {
        Diagnoser d = diagnoser;
        if (d != null) {
            d.release(latest);
        }
    }

    static FalconerDiagnostic convert(Diagnostic d, Locale locale) {
        List<FalconerDiagnostic.Related> related = new ArrayList<>();
        for (Diagnostic.Related r : d.related()) {
            related.add(new FalconerDiagnostic.Related(r.uri(), r.range(), r.message(locale)));
        }
        boolean unnecessary = d.code() == DiagnosticCode.UNUSED_MACRO || d.code() == DiagnosticCode.UNUSED_LIST;
        boolean deprecated = d.code().id().startsWith("deprecated-");
        return new FalconerDiagnostic(d.range(), Severity.of(d.severity()), d.code().id(),
                d.message(locale), unnecessary, deprecated, related, d.falcoCodeName(), d.suggestions());
    }

    /** One diagnoser per catalog, so its parse cache survives between edits. */
    private Diagnoser diagnoserFor(FieldCatalog catalog) {
        Diagnoser d = diagnoser;
        if (d == null || d.catalog() != catalog) {
            d = new Diagnoser(catalog);
            diagnoser = d;
        }
        return d;
    }
}

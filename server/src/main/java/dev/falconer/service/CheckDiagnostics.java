package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.check.DiagnosticCode;
import dev.falconer.check.LoadSteps;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The checks of {@code dev.falconer.check} behind the language server's seam: runs the
 * {@link Diagnoser} for the requested file and renders each diagnostic in the user's language.
 * Emits default severities (the service applies the per-code settings); unused items are tagged
 * unnecessary and deprecated ones deprecated, so editors fade or strike them through.
 */
public final class CheckDiagnostics implements DiagnosticsProvider {
    private final KeptDiagnoser diagnoser = new KeptDiagnoser();
    /** The steps' own: their collections would replace what {@link #diagnoser} keeps for the editor's. */
    private final KeptDiagnoser stepsDiagnoser = new KeptDiagnoser();
    private final RememberedSteps rememberedSteps = new RememberedSteps();

    @Override
    public List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel) {
        if (request.document() == null) {
            return List.of();
        }
        cancel.checkCanceled();
        List<Diagnostic> found = diagnoser.of(request.catalog())
                .diagnose(request.workspace(), request.uri(), checkSettings(request.settings()), cancel::isCancelled);
        cancel.checkCanceled();
        Locale locale = request.settings().locale();
        List<FalconerDiagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            out.add(convert(d, locale));
        }
        return out;
    }

    private static CheckSettings checkSettings(FalconerSettings settings) {
        return CheckSettings.defaults().withSources(settings.sources())
                // found in the folders, the files' order is a guess; listed, it is Falco's
                .withLoadOrderKnown(!settings.rulesFiles().isEmpty());
    }

    @Override
    public LoadStepErrors loadStepDiagnostics(WorkspaceSnapshot workspace, FieldCatalog catalog,
                                              FalconerSettings settings, Cancellation cancel) {
        List<RulesDocument> documents = workspace.documents();
        if (settings.rulesFiles().isEmpty()) {
            return LoadStepErrors.NONE;
        }
        LoadSteps.Plan plan = LoadSteps.plan(documents);
        Function<String, String> shown = RulesWorkspace.shownNames(documents.stream().map(RulesDocument::uri).toList());
        String unchecked = plan.stopped() == null ? null : shown.apply(plan.stopped().uri());
        if (plan.steps().isEmpty()) {
            // each file only adds to the ones before: no step can fail where the end does not
            return new LoadStepErrors(Map.of(), unchecked);
        }
        CheckSettings checks = checkSettings(settings);
        cancel.checkCanceled();
        // a step's error is matched with the final rules' findings of its own file: those of the
        // files up to the last step are enough
        int last = plan.steps().get(plan.steps().size() - 1);
        Set<String> stepFiles = new HashSet<>();
        documents.subList(0, last + 1).forEach(d -> stepFiles.add(d.uri()));
        Supplier<Map<String, List<Diagnostic>>> found = () -> {
            Map<String, List<Diagnostic>> byUri = new HashMap<>();
            for (Diagnostic d : diagnoser.of(catalog).diagnose(workspace, stepFiles, checks)) {
                byUri.computeIfAbsent(d.uri(), u -> new ArrayList<>()).add(d);
            }
            return byUri;
        };
        Map<String, List<Diagnostic>> added = new LoadSteps(rememberedSteps.with(stepsDiagnoser.of(catalog), checks, settings))
                .intermediateErrors(documents, plan, found, shown, cancel::isCancelled);
        Map<String, List<FalconerDiagnostic>> out = new LinkedHashMap<>();
        added.forEach((uri, ds) -> out.put(uri, ds.stream().map(d -> convert(d, settings.locale())).toList()));
        return new LoadStepErrors(out, unchecked);
    }

    @Override
    public void release(WorkspaceSnapshot latest) {
        diagnoser.release(latest);
        // the steps' documents: a closed buffer's text goes too
        stepsDiagnoser.release(latest);
        rememberedSteps.clear();
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
    private static final class KeptDiagnoser {
        private volatile Diagnoser kept;

        Diagnoser of(FieldCatalog catalog) {
            Diagnoser d = kept;
            if (d == null || d.catalog() != catalog) {
                d = new Diagnoser(catalog);
                kept = d;
            }
            return d;
        }

        void release(WorkspaceSnapshot latest) {
            Diagnoser d = kept;
            if (d != null) {
                d.release(latest);
            }
        }
    }
}

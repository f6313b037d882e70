package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerSettings;
import dev.falconer.service.Severity;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Load errors found after a pause are shown with the very versions they were found in, and the
 * files to publish again are exactly those whose shown errors a new finding changes: an endless
 * round of findings and publications would follow from any other file.
 */
class LoadStepFindingsTest {
    private static final String A = "file:///w/a.yaml";
    private static final String B = "file:///w/b.yaml";
    private static final FalconerDiagnostic ERROR = FalconerDiagnostic.of(TextRange.of(2, 26, 2, 33), Severity.ERROR,
            "unknown-evttype", "not an event");
    private static final FalconerDiagnostic OTHER = FalconerDiagnostic.of(TextRange.of(4, 0, 4, 5), Severity.WARNING,
            "unused-macro", "unused");

    private final RulesWorkspace workspace = new RulesWorkspace(ConditionParser::parse);
    private final FalconerSettings settings = FalconerSettings.defaults();

    private WorkspaceSnapshot edit(String uri, int version, String text) {
        workspace.open(uri, version, text);
        return workspace.snapshot();
    }

    private static RulesDocument doc(WorkspaceSnapshot s, String uri) {
        return s.document(uri);
    }

    @Test
    void errorsFollowTheVersionTheyWereFoundIn() {
        LoadStepFindings findings = new LoadStepFindings();
        edit(A, 1, "- rule: r\n");
        WorkspaceSnapshot first = edit(B, 1, "- list: l\n");
        assertFalse(findings.isFrom(first, settings));
        assertFalse(findings.any());
        assertEquals(Set.of(A), findings.update(first, settings, Map.of(A, List.of(ERROR))));
        assertTrue(findings.isFrom(first, settings));
        assertFalse(findings.isFrom(first, settings.withLocale(java.util.Locale.JAPANESE)));
        assertEquals(List.of(OTHER, ERROR), findings.with(doc(first, A), settings, List.of(OTHER)));
        assertEquals(List.of(), findings.with(doc(first, B), settings, List.of()));
        // found with other settings (the rules files no longer listed, another language): not shown
        assertEquals(List.of(), findings.with(doc(first, A), settings.withLocale(java.util.Locale.JAPANESE), List.of()));

        // the other file changes: this one is the same object in the next snapshot, its errors hold
        WorkspaceSnapshot second = edit(B, 2, "- list: l\n  items: []\n");
        assertFalse(findings.isFrom(second, settings));
        assertEquals(List.of(ERROR), findings.with(doc(second, A), settings, List.of()));
        assertEquals(Set.of(), findings.update(second, settings, Map.of(A, List.of(ERROR))));

        // this file changes: its new version was published without them, found again it is published again
        WorkspaceSnapshot third = edit(A, 2, "# x\n- rule: r\n");
        assertEquals(List.of(), findings.with(doc(third, A), settings, List.of()));
        assertEquals(Set.of(A), findings.update(third, settings, Map.of(A, List.of(ERROR))));
        assertEquals(List.of(ERROR), findings.with(doc(third, A), settings, List.of()));

        // the same settings pushed again, or others the steps do not read (the client sends its whole
        // section): the errors stay shown
        FalconerSettings pushed = new FalconerSettings(settings.locale(), settings.rulesFiles(), settings.catalogFiles(),
                settings.sources(), settings.severity(), !settings.explainCodeLens(), settings.referencesCodeLens(),
                settings.diagnosticsDelayMs() + 100, settings.filePatterns());
        assertTrue(findings.isFrom(third, pushed));
        assertEquals(List.of(ERROR), findings.with(doc(third, A), pushed, List.of()));
        // settings the steps read (the language): published without them, and again once found anew
        FalconerSettings ja = settings.withLocale(java.util.Locale.JAPANESE);
        assertEquals(List.of(), findings.with(doc(third, A), ja, List.of()));
        assertEquals(Set.of(A), findings.update(third, ja, Map.of(A, List.of(ERROR))));
        assertEquals(List.of(ERROR), findings.with(doc(third, A), ja, List.of()));
        pushed = ja;

        // gone
        assertEquals(Set.of(A), findings.update(third, pushed, Map.of()));
        assertFalse(findings.any());
    }

    /** The final rules' finding at the error's place with its code is the error, seen at the end: one finding. */
    @Test
    void theErrorReplacesTheFinalFindingOfItsPlaceAndCode() {
        LoadStepFindings findings = new LoadStepFindings();
        WorkspaceSnapshot s = edit(A, 1, "- rule: r\n");
        FalconerDiagnostic milder = FalconerDiagnostic.of(ERROR.range(), Severity.WARNING, ERROR.code(), "later");
        FalconerDiagnostic elsewhere = FalconerDiagnostic.of(TextRange.of(3, 0, 3, 1), Severity.WARNING, ERROR.code(), "x");
        findings.update(s, settings, Map.of(A, List.of(ERROR)));
        assertEquals(List.of(elsewhere, OTHER, ERROR), findings.with(doc(s, A), settings, List.of(milder, elsewhere, OTHER)));
    }
}

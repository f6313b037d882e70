package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.RulesWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service applies the user's per-code severities to whatever the checks report. */
class DiagnosticsSeamTest {
    private static final TextRange AT = TextRange.of(0, 0, 0, 1);

    @Test
    void severityOverridesAndOff() {
        DiagnosticsProvider checks = (request, cancel) -> List.of(
                FalconerDiagnostic.of(AT, Severity.WARNING, "LOAD_UNUSED_MACRO", "unused"),
                FalconerDiagnostic.of(AT, Severity.ERROR, "LOAD_ERR_COMPILE_CONDITION", "bad"),
                FalconerDiagnostic.of(AT, Severity.WARNING, "LOAD_UNKNOWN_KEY", "key"));
        FalconerService service = new FalconerService(FieldCatalog.defaults(), checks);
        FalconerSettings settings = new FalconerSettings(FalconerSettings.ENGLISH, List.of(), List.of(), List.of(),
                Map.of("LOAD_UNUSED_MACRO", Severity.OFF, "LOAD_UNKNOWN_KEY", Severity.HINT), true, true, 0, List.of());
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.open("file:///a.yaml", 1, "- macro: m\n  condition: a\n");
        List<FalconerDiagnostic> out = service.diagnostics(
                new AnalysisRequest(ws.snapshot(), "file:///a.yaml", service.catalog(), settings), Cancellation.never());
        assertEquals(List.of("LOAD_ERR_COMPILE_CONDITION", "LOAD_UNKNOWN_KEY"),
                out.stream().map(FalconerDiagnostic::code).toList());
        assertEquals(Severity.HINT, out.get(1).severity());
    }
}

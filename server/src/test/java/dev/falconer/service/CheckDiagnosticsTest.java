package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.workspace.RulesWorkspace;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language server's seam runs the checks, in the user's language, with LSP tags. */
class CheckDiagnosticsTest {
    private static final String URI = "file:///w/rules.yaml";
    private static final String TEXT = """
            - macro: unused
              condition: evt.type = open
            - rule: r
              desc: d
              condition: evt.type = open and evt.dir = < and proc.nmae = x
              output: "%proc.name"
              priority: INFO
            """;

    private static List<FalconerDiagnostic> run(FalconerSettings settings) {
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.open(URI, 1, TEXT);
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        return service.diagnostics(new AnalysisRequest(ws.snapshot(), URI, FieldCatalog.defaults(), settings),
                Cancellation.never());
    }

    @Test
    void codesMessagesAndTags() {
        List<FalconerDiagnostic> ds = run(FalconerSettings.defaults());
        assertEquals(List.of("unused-macro", "deprecated-field", "unknown-field"),
                ds.stream().map(FalconerDiagnostic::code).toList());
        assertTrue(ds.get(0).unnecessary());
        assertTrue(ds.get(1).deprecated());
        assertEquals(Severity.ERROR, ds.get(2).severity());
        assertEquals(4, ds.get(2).range().start().line());
        assertTrue(ds.get(2).message().contains("proc.name"), ds.get(2).message());
    }

    @Test
    void japaneseAndSeverityOverrides() {
        FalconerSettings ja = FalconerSettings.defaults().withLocale(Locale.JAPANESE);
        assertTrue(run(ja).get(2).message().contains("フィールド"), run(ja).get(2).message());
        FalconerSettings d = FalconerSettings.defaults();
        FalconerSettings quiet = new FalconerSettings(d.locale(), d.rulesFiles(), d.catalogFiles(), d.sources(),
                java.util.Map.of("UNUSED-MACRO", Severity.OFF), d.explainCodeLens(), d.referencesCodeLens(),
                d.diagnosticsDelayMs(), d.filePatterns());
        assertEquals(2, run(quiet).size());
    }
}

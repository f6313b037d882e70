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

    private static final String RULE = "- rule: R\n  desc: d\n  condition: %s\n  output: o\n  priority: INFO\n";

    private static java.util.Map<String, List<FalconerDiagnostic>> steps(FalconerSettings settings, String... texts) {
        List<String> uris = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            uris.add("file:///w/f" + i + ".yaml");
        }
        return steps(settings, uris, texts).byUri();
    }

    private static LoadStepErrors steps(FalconerSettings settings, List<String> uris, String... texts) {
        RulesWorkspace ws = RulesWorkspace.inOpeningOrder(ConditionParser::parse);
        for (int i = 0; i < texts.length; i++) {
            ws.open(uris.get(i), 1, texts[i]);
        }
        return new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics())
                .loadStepDiagnostics(ws.snapshot(), settings, Cancellation.never());
    }

    private static FalconerSettings listed(FalconerSettings d, java.util.Map<String, Severity> severity) {
        return new FalconerSettings(d.locale(), List.of("f0.yaml", "f1.yaml"), d.catalogFiles(), d.sources(),
                severity, d.explainCodeLens(), d.referencesCodeLens(), d.diagnosticsDelayMs(), d.filePatterns());
    }

    /**
     * Falco compiles after each file (spec §2.11): a list a rule names but only a later file
     * defines fails the load at the rule's file. The editor is told so where the files are listed
     * (their order is Falco's), in the user's language and with the user's severities.
     */
    @Test
    void loadErrorsBeforeTheLastFileWhereTheOrderIsFalcos() {
        String rule = RULE.formatted("evt.type in (my_evts)");
        String list = "- list: my_evts\n  items: [open, openat]\n";
        FalconerSettings d = FalconerSettings.defaults();
        java.util.Map<String, List<FalconerDiagnostic>> found = steps(listed(d, java.util.Map.of()), rule, list);
        assertEquals(java.util.Set.of("file:///w/f0.yaml"), found.keySet());
        FalconerDiagnostic error = found.get("file:///w/f0.yaml").get(0);
        assertEquals("unknown-evttype", error.code());
        assertEquals(Severity.ERROR, error.severity());
        assertEquals(2, error.range().start().line());
        assertTrue(error.related().get(0).message().contains("f0.yaml"), error.related().toString());
        assertTrue(steps(listed(d, java.util.Map.of()).withLocale(Locale.JAPANESE), rule, list)
                .get("file:///w/f0.yaml").get(0).related().get(0).message().contains("読み込んで"));
        // found in folders, the order is a guess: nothing
        assertEquals(java.util.Map.of(), steps(d, rule, list));
        // the final rules have no error, and the error is off
        assertEquals(java.util.Map.of(), steps(listed(d, java.util.Map.of("UNKNOWN-EVTTYPE", Severity.OFF)), rule, list));
        // the other way round the list is defined first: no step fails
        assertEquals(java.util.Map.of(), steps(listed(d, java.util.Map.of()), list, rule));
    }

    /**
     * The note names the file as the file system spells it, with its path where two loaded files
     * share a name (QA: "a%20%C3%BC.yaml"; "rules.yaml" for team1/ and team2/).
     */
    @Test
    void theStepIsNamedAsTheUserKnowsTheFile() {
        FalconerSettings settings = listed(FalconerSettings.defaults(), java.util.Map.of());
        String rule = RULE.formatted("evt.type in (my_evts)");
        String list = "- list: my_evts\n  items: [open, openat]\n";
        LoadStepErrors escaped = steps(settings, List.of("file:///w/my%20rules/a%20%C3%BC.yaml", "file:///w/b%231.yaml"), rule, list);
        String note = escaped.byUri().get("file:///w/my%20rules/a%20%C3%BC.yaml").get(0).related().get(0).message();
        assertTrue(note.contains("up to a ü.yaml,"), note);
        LoadStepErrors twins = steps(settings, List.of("file:///w/team1/rules.yaml", "file:///w/team2/rules.yaml"), rule, list);
        note = twins.byUri().get("file:///w/team1/rules.yaml").get(0).related().get(0).message();
        assertTrue(note.contains("up to " + java.nio.file.Path.of("/w/team1/rules.yaml") + ","), note);
        assertEquals(null, twins.uncheckedFrom());
        // past the bounds the steps go unchecked: said, as check says it
        List<String> uris = new java.util.ArrayList<>();
        String[] texts = new String[11];
        for (int i = 0; i < texts.length; i++) {
            uris.add("file:///w/f" + i + ".yaml");
            texts[i] = RULE.formatted("evt.type = open and proc.name = x" + i);
        }
        FalconerSettings eleven = new FalconerSettings(settings.locale(), uris, settings.catalogFiles(), settings.sources(),
                settings.severity(), settings.explainCodeLens(), settings.referencesCodeLens(), settings.diagnosticsDelayMs(),
                settings.filePatterns());
        assertEquals("f8.yaml", steps(eleven, uris, texts).uncheckedFrom());
    }

    /**
     * A step loads its files in the order listed, whatever their names (QA: z.yaml, a.yaml, c.yaml;
     * in the paths' order a.yaml's broken macro came first, z.yaml's replaced it, and Falco's
     * failure at a.yaml went unseen).
     */
    @Test
    void stepsLoadTheFilesInTheOrderListed() {
        FalconerSettings settings = listed(FalconerSettings.defaults(), java.util.Map.of());
        String macro = "- macro: m\n  condition: %s\n";
        LoadStepErrors found = steps(settings, List.of("file:///w/z.yaml", "file:///w/a.yaml", "file:///w/c.yaml"),
                macro.formatted("proc.name = x") + RULE.formatted("evt.type = open and m"),
                macro.formatted("fd.typ = file"), macro.formatted("fd.type = file"));
        assertEquals(java.util.Set.of("file:///w/a.yaml"), found.byUri().keySet());
        assertEquals("unknown-field", found.byUri().get("file:///w/a.yaml").get(0).code());
    }
}

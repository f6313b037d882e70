package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.RulesWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor gets at most so many problems per file, the most severe first, and a note on the rest. */
class ProblemLimitTest {
    private static FalconerDiagnostic at(int line, Severity severity) {
        return FalconerDiagnostic.of(TextRange.of(line, 0, line, 1), severity, "c" + line, "m" + line);
    }

    private static List<String> codes(List<FalconerDiagnostic> ds) {
        return ds.stream().map(FalconerDiagnostic::code).toList();
    }

    @Test
    void underTheLimitNothingChanges() {
        List<FalconerDiagnostic> found = List.of(at(0, Severity.WARNING), at(1, Severity.ERROR));
        assertSame(found, ProblemLimit.apply(found, 2, Severity.INFORMATION, FalconerSettings.ENGLISH));
    }

    @Test
    void theMostSevereAreKeptInFileOrderWithANoteWhereTheFirstIsLeftOut() {
        List<FalconerDiagnostic> found = List.of(at(0, Severity.WARNING), at(1, Severity.HINT), at(2, Severity.WARNING),
                at(3, Severity.ERROR), at(4, Severity.WARNING), at(5, Severity.ERROR));
        List<FalconerDiagnostic> out = ProblemLimit.apply(found, 4, Severity.INFORMATION, FalconerSettings.ENGLISH);
        // errors 3 and 5, then the first warnings 0 and 2; the hint (1) and warning 4 are left out
        assertEquals(List.of("c0", ProblemLimit.CODE, "c2", "c3", "c5"), codes(out));
        FalconerDiagnostic note = out.get(1);
        assertEquals(TextRange.of(1, 0, 1, 1), note.range());
        assertEquals(Severity.INFORMATION, note.severity());
        assertTrue(note.message().startsWith("2 more problems in this file are not shown"), note.message());
        assertTrue(note.message().contains("the first 4"), note.message());
    }

    @Test
    void theNoteFollowsTheUsersSeverityAndLanguage() {
        List<FalconerDiagnostic> found = List.of(at(0, Severity.ERROR), at(1, Severity.ERROR), at(2, Severity.ERROR));
        assertEquals(List.of("c0"), codes(ProblemLimit.apply(found, 1, Severity.OFF, FalconerSettings.ENGLISH)));
        assertTrue(ProblemLimit.apply(found, 2, Severity.INFORMATION, FalconerSettings.ENGLISH).get(2).message()
                .startsWith("1 more problem in this file is not shown"));
        List<FalconerDiagnostic> ja = ProblemLimit.apply(found, 1, Severity.HINT, FalconerSettings.JAPANESE);
        assertEquals(Severity.HINT, ja.get(1).severity());
        assertTrue(ja.get(1).message().contains("2 件"), ja.get(1).message());
    }

    /** Through the service: a file of 1,005 entries that are not rules items. */
    @Test
    void theServiceLimitsWhatTheChecksFind() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ProblemLimit.MAX_PER_FILE + 5; i++) {
            text.append("- item").append(i).append('\n');
        }
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.open("file:///a_rules.yaml", 1, text.toString());
        FalconerSettings settings = FalconerSettings.defaults();
        List<FalconerDiagnostic> out = service.diagnostics(
                new AnalysisRequest(ws.snapshot(), "file:///a_rules.yaml", service.catalog(), settings), Cancellation.never());
        assertEquals(ProblemLimit.MAX_PER_FILE + 1, out.size());
        FalconerDiagnostic note = out.get(out.size() - 1);
        assertEquals(ProblemLimit.CODE, note.code());
        assertEquals(ProblemLimit.MAX_PER_FILE, note.range().start().line());
        assertTrue(note.message().startsWith("5 more problems"), note.message());
        FalconerSettings off = new FalconerSettings(FalconerSettings.ENGLISH, List.of(), List.of(), List.of(),
                Map.of(ProblemLimit.CODE.toUpperCase(java.util.Locale.ROOT), Severity.OFF), true, true, 0, List.of());
        assertEquals(ProblemLimit.MAX_PER_FILE, service.diagnostics(
                new AnalysisRequest(ws.snapshot(), "file:///a_rules.yaml", service.catalog(), off), Cancellation.never()).size());
    }
}

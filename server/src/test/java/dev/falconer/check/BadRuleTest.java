package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The example: one diagnostic per defect, each on its exact culprit. */
public class BadRuleTest {
    /** The example rule; the CLI tests run the same file through {@code falconer check}. */
    public static final String BAD = """
            - rule: Bad rule
              desc: demo
              condition: spawned_process and proc.name in [bash] and not undefined_macro and proc.nmae = x
              output: "x %proc.nmae"
              priority: SEVERE
              tagz: [a]
            """;

    @Test
    void oneDiagnosticPerDefectOnItsCulprit() {
        List<Diagnostic> ds = Checks.last(BAD);
        String all = Checks.describe(ds);
        assertEquals(7, ds.size(), all);
        assertEquals(List.of("unknown-macro", "list-literal", "unknown-macro", "unknown-field", "output-field",
                "invalid-priority", "unknown-key"), Checks.codes(ds), all);
        assertEquals(List.of("spawned_process", "[bash]", "undefined_macro", "proc.nmae", "proc.nmae", "SEVERE",
                "tagz"), ds.stream().map(d -> Checks.culprit(BAD, d)).toList(), all);
        assertEquals(2, ds.get(1).range().start().line());
        assertEquals(46, ds.get(1).range().start().character());
        assertEquals(3, ds.get(4).range().start().line());
        assertEquals(14, ds.get(4).range().start().character());
    }

    @Test
    void messagesSayWhatToDo() {
        List<Diagnostic> ds = Checks.last(BAD);
        assertTrue(ds.get(1).message(Locale.ENGLISH).contains("(bash)"), ds.get(1).message(Locale.ENGLISH));
        assertTrue(ds.get(3).message(Locale.ENGLISH).contains("proc.name"), ds.get(3).message(Locale.ENGLISH));
        assertTrue(ds.get(6).message(Locale.ENGLISH).contains("tags"), ds.get(6).message(Locale.ENGLISH));
        for (Diagnostic d : ds) {
            String ja = d.message(Locale.JAPANESE);
            assertFalse(ja.equals(d.message(Locale.ENGLISH)), ja);
            assertFalse(ja.contains("{"), ja);
        }
    }

    @Test
    void severitiesAndFalcoCodes() {
        List<Diagnostic> ds = Checks.last(BAD);
        assertEquals(Severity.ERROR, ds.get(0).severity());
        assertEquals(FalcoCode.LOAD_ERR_VALIDATE, ds.get(0).falcoCode());
        assertEquals(FalcoCode.LOAD_ERR_COMPILE_CONDITION, ds.get(3).falcoCode());
        assertEquals(FalcoCode.LOAD_ERR_COMPILE_OUTPUT, ds.get(4).falcoCode());
        assertEquals(Severity.WARNING, ds.get(6).severity());
        assertEquals(FalcoCode.LOAD_UNKNOWN_KEY, ds.get(6).falcoCode());
    }
}

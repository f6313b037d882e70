package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings in conditions, exceptions and outputs: one diagnostic per defect, on its culprit. */
class ConditionFindingsTest {
    private static final String SHELLS = """
            - list: shells
              items: [bash, sh, zsh]
            """;

    private static String rule(String condition, String output) {
        return """
                - rule: r
                  desc: d
                  condition: %s
                  output: "%s"
                  priority: INFO
                """.formatted(condition, output);
    }

    /** Codes and culprits of the last file, as {@code code:text}. */
    private static List<String> found(String... files) {
        String text = files[files.length - 1];
        return Checks.last(files).stream().map(d -> d.code().id() + ":" + Checks.culprit(text, d)).toList();
    }

    @Test
    void aBadExceptionCompIsOneDiagnostic() {
        String text = rule("evt.type = open", "x") + """
                  exceptions:
                    - name: e
                      fields: [proc.name]
                      comps: [contain]
                      values: [[bash]]
                """;
        assertEquals(List.of("exception-operator:contain"), found(text));
    }

    @Test
    void aTransformerWithABlankBeforeItsParenthesisIsNamedAsSuch() {
        String text = rule("evt.type = open", "x %toupper (proc.name)");
        List<Diagnostic> ds = Checks.last(text);
        assertEquals(List.of("output-field:toupper"), found(text));
        assertEquals("'toupper' is a transformer: its ( must follow the name directly, as in %toupper(proc.name);"
                + " with a blank between, Falco reads no field here.", ds.get(0).message(java.util.Locale.ENGLISH));
    }

    @Test
    void valIsNotAllowedInAnOutput() {
        String text = rule("evt.type = open", "x %val(proc.name)");
        List<Diagnostic> ds = Checks.last(text);
        assertEquals(List.of("output-field:val(proc.name)"), found(text));
        assertEquals("val() is not allowed in an output (it compares fields in conditions only): write %proc.name to"
                + " print the field.", ds.get(0).message(java.util.Locale.ENGLISH));
    }

    @Test
    void regexesInvalidForJavaAndRe2AreErrors() {
        assertEquals(List.of("value-type:\"[\""), found(rule("evt.type = open and proc.name regex \"[\"", "x")));
        assertEquals(List.of("value-type:\"(a\""), found(rule("evt.type = open and proc.name regex \"(a\"", "x")));
        assertEquals(List.of("value-type:\"*a\""), found(rule("evt.type = open and proc.name regex \"*a\"", "x")));
        // valid for RE2 though java.util.regex refuses it: no verdict
        assertEquals(List.of(), found(rule("evt.type = open and proc.name regex \"(?P<n>a+)b\"", "x")));
        assertEquals(List.of(), found(rule("evt.type = open and proc.name regex \"^a[0-9]+$\"", "x")));
    }

    @Test
    void aShortNearMissOfAListIsReported() {
        assertEquals(List.of("unknown-list:shell"), found(SHELLS + rule("evt.type = open and proc.pname in (shells) and proc.name in (shell)", "x")));
        assertEquals(List.of("unknown-list:shels"),
                found(SHELLS + rule("evt.type = open and proc.pname in (shells) and proc.name in (bash, shels)", "x")));
    }

    @Test
    void aWordThatIsAListItemIsALiteralNotANearMiss() {
        String lists = SHELLS + "- list: more\n  items: [shell]\n";
        assertEquals(List.of(), found(lists + rule("evt.type = open and proc.pname in (shells) and proc.name in (shell, more)", "x")));
    }
}

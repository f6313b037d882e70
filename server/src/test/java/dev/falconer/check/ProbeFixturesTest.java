package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.support.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The lspprobe fixtures: the misspelled field is found at the exact column, inside a folded
 * block and after Japanese text on the same line (UTF-16 columns). Positions are 1-based here,
 * as the probe prints them.
 */
class ProbeFixturesTest {
    private static String fixture(String name) throws IOException {
        Path p = Corpus.root().getParent().resolve("tools/lspprobe/fixtures").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "probe fixture missing: " + p);
        return Files.readString(p);
    }

    private static List<Diagnostic> unknownFields(String text) {
        return Checks.last(text).stream().filter(d -> d.code() == DiagnosticCode.UNKNOWN_FIELD).toList();
    }

    private static String at(Diagnostic d) {
        return (d.range().start().line() + 1) + ":" + (d.range().start().character() + 1);
    }

    /** The fixture has exactly one unknown field, {@code culprit} at {@code position}, and nothing else but evt.dir notes. */
    private static String assertOneUnknownField(String name, String position, String culprit) throws IOException {
        String text = fixture(name);
        List<Diagnostic> ds = unknownFields(text);
        assertEquals(1, ds.size(), Checks.describe(ds));
        assertEquals(position, at(ds.get(0)));
        assertEquals(culprit, Checks.culprit(text, ds.get(0)));
        assertNothingElseButEvtDir(text);
        return text;
    }

    @Test
    void foldedCondition() throws IOException {
        assertOneUnknownField("folded_condition.yaml", "10:9", "proc.nmae");
    }

    @Test
    void japaneseCondition() throws IOException {
        String text = assertOneUnknownField("japanese_condition.yaml", "6:46", "proc.pnmae");
        assertEquals(List.of(), unknownFields(text.replace("pnmae", "pname")));
    }

    @Test
    void brokenRuleAndJapaneseDesc() throws IOException {
        assertEquals(7, Checks.last(fixture("broken_rule.yaml")).size());
        String text = fixture("japanese_desc.yaml");
        assertTrue(Checks.last(text).stream().allMatch(d -> d.code() == DiagnosticCode.DEPRECATED_FIELD),
                Checks.describe(Checks.last(text)));
    }

    /** {@code evt.dir=<} in the fixtures' macros is deprecated since Falco 0.42, which warns too. */
    private static void assertNothingElseButEvtDir(String text) {
        for (Diagnostic d : Checks.last(text)) {
            assertTrue(d.code() == DiagnosticCode.UNKNOWN_FIELD
                    || d.code() == DiagnosticCode.DEPRECATED_FIELD && Checks.culprit(text, d).equals("evt.dir"),
                    Checks.describe(List.of(d)));
        }
    }
}

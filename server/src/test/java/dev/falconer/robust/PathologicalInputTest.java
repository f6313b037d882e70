package dev.falconer.robust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to break a parser or a checker: each still yields diagnostics (and hover and
 * completion answers), never an exception, a stack overflow or a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PathologicalInputTest {
    private static final String URI = "file:///patho/rules.yaml";
    /** A pathological input may take a while once; a later edit must not. */
    private static final long MAX_EDIT_MS = 5_000;
    private final FeatureProbe probe = new FeatureProbe(FalconerSettings.defaults());

    private List<FalconerDiagnostic> check(String text) {
        probe.maxCallMs = Math.max(probe.maxCallMs, MAX_EDIT_MS);
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, text);
        LineIndex lines = LineIndex.of(text);
        int mid = text.length() / 2;
        probe.probe(ws, URI, List.of(new TextPosition(0, 0), lines.position(mid), lines.position(text.length())),
                "opening the input");
        var snapshot = ws.snapshot();
        return FeatureProbe.SERVICE.diagnostics(new AnalysisRequest(snapshot, URI, FeatureProbe.SERVICE.catalog(),
                FalconerSettings.defaults()), () -> false);
    }

    private static String rule(String condition) {
        return "- rule: r\n  desc: d\n  condition: " + condition + "\n  output: o %proc.name\n  priority: INFO\n";
    }

    /** Runs on a thread with a small stack (the JVM's default is 1 MB; the server's threads use that). */
    private static <T> T onSmallStack(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread t = new Thread(null, task, "small-stack", 512 * 1024);
        t.start();
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("failed on a 512 kB stack", e.getCause());
        }
    }

    @Test
    void tenThousandNestedParentheses() throws Exception {
        String cond = "(".repeat(10_000) + "proc.name = x" + ")".repeat(10_000);
        assertFalse(onSmallStack(() -> check(rule(cond))).isEmpty(), "too deep a condition is reported");
    }

    @Test
    void tenThousandNots() throws Exception {
        assertFalse(onSmallStack(() -> check(rule("not ".repeat(10_000) + "proc.name = x"))).isEmpty());
    }

    @Test
    void unbalancedDeepParentheses() throws Exception {
        onSmallStack(() -> check(rule("(".repeat(10_000) + "proc.name = x")));
        onSmallStack(() -> check(rule("proc.name in " + "(".repeat(10_000))));
        onSmallStack(() -> check("- macro: m\n  condition: " + "[".repeat(10_000) + "\n"));
        onSmallStack(() -> check("x: " + "[".repeat(10_000) + "\n"));
    }

    @Test
    void aHundredThousandCharacterCondition() {
        StringBuilder sb = new StringBuilder("proc.name in (");
        for (int i = 0; sb.length() < 100_000; i++) {
            sb.append(i == 0 ? "" : ", ").append("binary_").append(i);
        }
        sb.append(") and fd.nmae = x");
        assertTrue(check(rule(sb.toString())).stream().anyMatch(d -> d.code().equals("unknown-field")));
    }

    @Test
    void aListWithFiftyThousandItems() {
        probe.maxCallMs = MAX_EDIT_MS; // a 500 kB condition after substitution
        StringBuilder sb = new StringBuilder("- list: big\n  items: [");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i == 0 ? "" : ", ").append("item_").append(i);
        }
        sb.append("]\n\n").append(rule("proc.name in (big)"));
        check(sb.toString());
    }

    @Test
    void aFiveMegabyteRulesFile() {
        // a thousand real items carrying long texts: size stresses text handling and incremental
        // parsing; the count of items is what the scale benchmark measures
        probe.maxCallMs = 20_000;
        StringBuilder sb = new StringBuilder();
        String filler = "lorem ipsum dolor sit amet ".repeat(180);
        for (int i = 0; sb.length() < 5_000_000; i++) {
            sb.append("# ").append(filler).append('\n');
            sb.append("- macro: m").append(i).append("\n  condition: proc.name = p").append(i)
                    .append(" and fd.name startswith /tmp/").append(i).append("\n\n");
            sb.append("- rule: rule ").append(i).append("\n  desc: >\n    ").append(filler).append("\n    ")
                    .append(filler).append("\n  condition: m").append(i)
                    .append(" and evt.type = open\n  output: o %proc.name\n  priority: INFO\n\n");
        }
        String text = sb.toString();
        assertTrue(text.length() >= 5_000_000);
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, text);
        LineIndex lines = LineIndex.of(text);
        TextPosition mid = lines.position(text.indexOf("- rule:", text.length() / 2));
        probe.probe(ws, URI, List.of(mid), "opening 5 MB");
        // an edit in the middle of the file re-parses one item, and answers quickly again
        probe.maxCallMs = MAX_EDIT_MS;
        ws.change(URI, 2, List.of(dev.falconer.text.ContentChange.replace(mid.line(), 8, mid.line(), 8, "x")));
        probe.probe(ws, URI, List.of(mid), "an edit in the middle of 5 MB");
    }

    /**
     * Falco rewrites the condition at each list name it substitutes, and joins each append to the
     * whole text: done the same way here, a list named 4,000 times in a 80 kB condition took 29 s
     * and 8,000 appends to one rule 9 s; each is read once now.
     */
    @Test
    void aListNamedThousandsOfTimesAndARuleAppendedThousandsOfTimes() {
        StringBuilder named = new StringBuilder("- list: l\n  items: [a, b, c]\n");
        StringBuilder condition = new StringBuilder("proc.name in (l)");
        for (int i = 1; i < 4_000; i++) {
            condition.append(" or proc.name in (l)");
        }
        named.append(rule(condition.toString()));
        assertTrue(check(named.toString()).stream().noneMatch(d -> d.severity() == dev.falconer.service.Severity.ERROR));
        StringBuilder appended = new StringBuilder(rule("evt.type = open"));
        for (int i = 0; i < 8_000; i++) {
            appended.append("- rule: r\n  condition: and proc.pid != ").append(i).append("\n  append: true\n");
        }
        assertTrue(check(appended.toString()).stream().anyMatch(d -> d.code().equals("deprecated-append")),
                "the appends are read (and flagged as the deprecated form)");
    }

    /** Explain merges the checks of one field into one value set: with a list search per value, 30,000 took 16 s (20,000: ~7 s). */
    @Test
    void anOrChainOfTwentyThousandChecksOnOneField() {
        StringBuilder condition = new StringBuilder("evt.type = open and (proc.name = p0");
        for (int i = 1; i < 20_000; i++) {
            condition.append(" or proc.name = p").append(i);
        }
        String text = rule(condition.append(')').toString());
        check(text);
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, text);
        probe.probe(ws, URI, List.of(new TextPosition(0, 9)), "hovering the rule's name (its explanation)");
    }

    /** SnakeYAML's reader is quadratic in the length of a word without blanks: 2 MB took 15 s. */
    @Test
    void aTwoMegabyteWordIsAnErrorAtOnce() {
        String text = rule("proc.name = \"" + "a".repeat(2 << 20) + "\"");
        List<FalconerDiagnostic> found = check(text);
        assertTrue(found.stream().anyMatch(d -> d.code().equals("yaml-syntax") && d.message().contains("100000")),
                found.toString());
    }

    @Test
    void aMacroCycle() {
        // a redefinition keeps a's place but sees b: a -> b -> a
        String text = "- macro: a\n  condition: proc.name = x\n- macro: b\n  condition: a\n"
                + "- macro: a\n  condition: b\n" + rule("a");
        assertTrue(check(text).stream().anyMatch(d -> d.code().equals("macro-loop")), "the cycle is reported");
    }

    @Test
    void emptyFileAndBlankFile() {
        check("");
        check("\n\n   \n");
        check("---\n...\n");
    }

    @Test
    void yamlThatIsNotRules() {
        check("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: c\n");
        check("- just\n- a\n- list\n- [1, 2, {a: b}]\n");
        check("plain scalar document\n");
        check("- &a {rule: *a}\n- *a\n");
    }

    @Test
    void aNonUtf8FileOnDiskStillLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1_rules.yaml");
        byte[] bytes = ("- macro: caf\u00e9\n  condition: proc.name = \u00e9t\u00e9\n" + rule("caf\u00e9"))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(file));
        String uri = RulesWorkspace.uriOf(file);
        assertNotNull(ws.document(uri), "a file with invalid UTF-8 is read with replacement characters");
        assertTrue(ws.document(uri).text().contains("- macro: caf\uFFFD\n"), ws.document(uri).text());
        probe.probe(ws, uri, List.of(new TextPosition(0, 9), new TextPosition(1, 30)), "loading latin-1 bytes");
    }
}

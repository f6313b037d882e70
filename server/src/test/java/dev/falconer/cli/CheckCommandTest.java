package dev.falconer.cli;

import static dev.falconer.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.falconer.check.BadRuleTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    static final String BAD = BadRuleTest.BAD;
    static final String GOOD = """
            - macro: spawned_process
              condition: evt.type in (execve, execveat) and evt.dir = <
            - rule: Shell
              desc: a shell starts
              condition: spawned_process and proc.name in (bash, sh)
              output: "shell %proc.name (user %user.name)"
              priority: WARNING
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void textReportsPathLineColumnThenSourceAndCaret() throws IOException {
        Path bad = write("bad.yaml", BAD);
        CliRun r = run("check", "--lang", "en", bad.toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(bad + ":3:14: error unknown-macro: Undefined macro 'spawned_process'.", lines.get(0));
        assertEquals("  condition: spawned_process and proc.name in [bash] and not undefined_macro and proc.nmae = x",
                lines.get(1));
        assertEquals("             ^^^^^^^^^^^^^^^", lines.get(2));
        assertTrue(r.out().contains(bad + ":6:3: warning unknown-key:"), r.out());
        assertEquals(7 * 3 + 1, lines.size(), r.out());
    }

    /** Columns as an editor counts them: a byte order mark before the first line is not one. */
    @Test
    void aByteOrderMarkDoesNotMoveTheFirstLine() throws IOException {
        Path bom = write("bom.yaml", "\uFEFF- macro: m\n  condition: proc.nmae = x\n");
        CliRun r = run("check", "--lang", "en", bom.toString());
        assertTrue(r.out().contains(bom + ":1:10: warning unused-macro:"), r.out());
        assertTrue(r.out().contains(bom + ":2:14: warning unknown-field:"), r.out());
        assertFalse(r.out().contains("\uFEFF"), r.out());
    }

    @Test
    void jsonHasExactlyTheDocumentedShape() throws IOException {
        Path bad = write("bad.yaml", BAD);
        CliRun r = run("check", "--format", "json", "--lang", "en", bad.toString());
        assertEquals(1, r.code());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(Set.of("files"), root.keySet());
        JsonObject file = root.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(Set.of("path", "diagnostics"), file.keySet());
        assertEquals(bad.toString(), file.get("path").getAsString());
        JsonArray ds = file.getAsJsonArray("diagnostics");
        assertEquals(7, ds.size());
        JsonObject field = ds.get(3).getAsJsonObject();
        assertEquals(List.of("code", "severity", "message", "falcoCode", "range"), List.copyOf(field.keySet()));
        assertEquals("unknown-field", field.get("code").getAsString());
        assertEquals("error", field.get("severity").getAsString());
        assertEquals("LOAD_ERR_COMPILE_CONDITION", field.get("falcoCode").getAsString());
        assertEquals("{\"start\":{\"line\":2,\"character\":81},\"end\":{\"line\":2,\"character\":90}}",
                field.get("range").toString());
        assertTrue(r.out().contains("'proc.nmae'"), "no HTML escaping of quotes");
    }

    @Test
    void falcoCodeIsOmittedWhereFalcoHasNone() throws IOException {
        Path p = write("near.yaml", """
                - list: shell_binaries
                  items: [bash, sh]
                - rule: r
                  desc: d
                  condition: evt.type = execve and proc.name in (shel_binaries) and proc.name in (shell_binaries)
                  output: "%proc.name"
                  priority: INFO
                """);
        CliRun r = run("check", "--format", "json", p.toString());
        JsonObject d = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("files").get(0)
                .getAsJsonObject().getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertEquals("unknown-list", d.get("code").getAsString());
        assertFalse(d.has("falcoCode"));
        assertEquals(0, r.code(), "warnings only");
        assertEquals(1, run("check", "--strict", p.toString()).code());
    }

    @Test
    void sarifIsValidSarif210() throws IOException {
        Path bad = write("rules/bad rule.yaml", BAD);
        CliRun r = run("check", "--format", "sarif", bad.toString());
        assertEquals(1, r.code());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("2.1.0", root.get("version").getAsString());
        assertTrue(root.get("$schema").getAsString().contains("sarif-2.1.0"));
        JsonArray runs = root.getAsJsonArray("runs");
        assertEquals(1, runs.size());
        JsonObject run = runs.get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("falconer", driver.get("name").getAsString());
        Set<String> ruleIds = new HashSet<>();
        JsonArray rules = driver.getAsJsonArray("rules");
        for (JsonElement e : rules) {
            JsonObject rule = e.getAsJsonObject();
            assertTrue(ruleIds.add(rule.get("id").getAsString()), "rule ids are unique");
            assertFalse(rule.getAsJsonObject("shortDescription").get("text").getAsString().isBlank());
            assertTrue(Set.of("error", "warning", "note").contains(
                    rule.getAsJsonObject("defaultConfiguration").get("level").getAsString()));
        }
        assertTrue(ruleIds.containsAll(Set.of("yaml-syntax", "condition-syntax", "unknown-field", "field-argument",
                "operator-type", "unknown-macro", "unknown-list", "output-field", "invalid-priority", "unknown-key",
                "missing-key")));
        JsonArray results = run.getAsJsonArray("results");
        assertEquals(7, results.size());
        for (JsonElement e : results) {
            JsonObject res = e.getAsJsonObject();
            String id = res.get("ruleId").getAsString();
            assertTrue(ruleIds.contains(id), id);
            assertEquals(id, rules.get(res.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString());
            assertTrue(Set.of("error", "warning", "note").contains(res.get("level").getAsString()));
            assertFalse(res.getAsJsonObject("message").get("text").getAsString().isBlank());
            JsonObject loc = res.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
            String uri = loc.getAsJsonObject("artifactLocation").get("uri").getAsString();
            assertTrue(uri.startsWith("file:///") && uri.endsWith("rules/bad%20rule.yaml"), uri);
            JsonObject region = loc.getAsJsonObject("region");
            for (String k : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                assertTrue(region.get(k).getAsInt() >= 1, k);
            }
        }
        JsonObject first = results.get(0).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertEquals(3, first.get("startLine").getAsInt());
        assertEquals(14, first.get("startColumn").getAsInt());
        assertEquals(29, first.get("endColumn").getAsInt());
    }

    /** A long line is echoed around its culprit only: a 100 kB condition was printed whole under each of its findings. */
    @Test
    void aLongLineIsEchoedAroundTheCulprit() {
        String source = "x".repeat(5_000) + " fd.nmae " + "y".repeat(5_000);
        int at = source.indexOf("fd.nmae");
        TextReport.Excerpt e = TextReport.Excerpt.of(source, at, at + 7);
        assertTrue(e.text().length() <= TextReport.WIDTH + 2, e.text());
        assertEquals("fd.nmae", e.text().substring(e.from(), e.to()));
        assertTrue(e.text().startsWith("\u2026") && e.text().endsWith("\u2026"), e.text());
        TextReport.Excerpt start = TextReport.Excerpt.of(source, 0, 3);
        assertEquals("xxx", start.text().substring(start.from(), start.to()));
        assertEquals(new TextReport.Excerpt("short", 1, 3), TextReport.Excerpt.of("short", 1, 3));
    }

    /** The caret is drawn in terminal columns: CJK characters and emoji take two, a surrogate pair one character. */
    @Test
    void caretsLineUpUnderWideCharacters() {
        assertEquals("  ^^^^", TextReport.caret("- rule: r", 2, 6));
        assertEquals("\t ^", TextReport.caret("\tab", 2, 3));
        String wide = "ab日本\uD83D\uDE00x = y";
        assertEquals("        ^", TextReport.caret(wide, 6, 7));
        assertEquals("  ^^^^^^", TextReport.caret(wide, 2, 6));
        // a combining accent and a zero-width space take no column
        assertEquals(" ^", TextReport.caret("e\u0301\u200Bx", 3, 4));
    }

    @Test
    void relativePathsBecomeRelativeSarifUris() {
        assertEquals("rules/my%20rules.yaml", SarifReport.uri("rules/my rules.yaml"));
        assertEquals("a.yaml", SarifReport.uri("./a.yaml"));
        assertEquals("b.yaml", SarifReport.uri("rules/../b.yaml"));
        // a relative URI names its base, the directory check ran in (SARIF §3.4.4)
        CheckedFile file = new CheckedFile("rules/a.yaml",
                dev.falconer.rules.RulesDocument.parse("file:///x/rules/a.yaml", "- list: l\n  items: []\n"), List.of());
        JsonObject run = JsonParser.parseString(SarifReport.write(List.of(file), java.util.Locale.ENGLISH, "1"))
                .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject artifact = run.getAsJsonArray("artifacts").get(0).getAsJsonObject().getAsJsonObject("location");
        assertEquals("SRCROOT", artifact.get("uriBaseId").getAsString());
        String base = run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("SRCROOT").get("uri").getAsString();
        assertTrue(base.startsWith("file:///") && base.endsWith("/"), base);
    }

    @Test
    void filesAndDirectoriesLoadInOrderAsOneRuleset() throws IOException {
        write("d/10-base.yaml", "- macro: spawned_process\n  condition: evt.type = execve\n");
        write("d/20-more.yaml", GOOD.substring(GOOD.indexOf("- rule:")));
        write("d/notes.txt", "not rules");
        CliRun r = run("check", "--format", "json", dir.resolve("d").toString());
        assertEquals(0, r.code(), r.out());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("files");
        assertEquals(2, files.size());
        assertTrue(files.get(0).getAsJsonObject().get("path").getAsString().endsWith("d/10-base.yaml"));
        // the other order: the rule's macro is still found (rules see all macros)
        Path rule = write("rule.yaml", GOOD.substring(GOOD.indexOf("- rule:")));
        assertEquals(1, run("check", rule.toString()).code(), "alone, the macro is undefined");
    }

    /**
     * The files load in the order given, as {@code falco -r z.yaml -r a.yaml} loads them, whatever
     * their names: a rule broken in z.yaml and fixed in a.yaml fails Falco's load at z.yaml only
     * when z.yaml comes first (the order used to be the paths', so both orders said the same).
     */
    @Test
    void filesLoadInTheOrderGivenNotByName() throws IOException {
        String rule = "- rule: R\n  desc: d\n  condition: evt.type = open and proc.%s = x\n  output: o\n  priority: INFO\n";
        Path z = write("z.yaml", rule.formatted("nme"));
        Path a = write("a.yaml", rule.formatted("name"));
        CliRun zFirst = run("check", "--lang", "en", z.toString(), a.toString());
        assertTrue(zFirst.out().contains("note: Falco fails here when it compiles the rules loaded up to " + z), zFirst.out());
        CliRun aFirst = run("check", "--lang", "en", a.toString(), z.toString());
        assertTrue(aFirst.out().contains("unknown-field") && !aFirst.out().contains("note:"), aFirst.out());
    }

    @Test
    void japaneseMessages() throws IOException {
        Path bad = write("bad.yaml", BAD);
        CliRun r = run("check", "--lang", "ja", bad.toString());
        assertTrue(r.out().contains("未定義のマクロ 'spawned_process' です。"), r.out());
    }

    @Test
    void sourceOptionSkipsRulesOfOtherSources() throws IOException {
        Path f = write("k8s.yaml", "- rule: k\n  desc: d\n  condition: ka.nosuch = x\n  output: x\n  priority: INFO\n"
                + "  source: k8s_audit\n");
        CliRun all = run("check", "--lang", "en", f.toString());
        assertTrue(all.out().contains("unknown-field"), all.out());
        CliRun syscallOnly = run("check", "--lang", "en", "--source", "syscall", f.toString());
        assertEquals(0, syscallOnly.code(), syscallOnly.out());
        assertTrue(syscallOnly.out().contains("unknown-source"), syscallOnly.out());
        assertFalse(syscallOnly.out().contains("unknown-field"), syscallOnly.out());
    }

    /** A rule without source: is of syscall: left out of --source, it is skipped and said so, like any other. */
    @Test
    void aRuleOfTheDefaultSourceLeftOutOfTheSourcesIsSaidToBeSkipped() throws IOException {
        Path f = write("default.yaml", "- rule: bad\n  desc: d\n  condition: evt.type = open and proc.nmae = x\n"
                + "  output: x\n  priority: INFO\n");
        CliRun k8s = run("check", "--lang", "en", "--source", "k8s_audit", f.toString());
        assertEquals(0, k8s.code(), k8s.out());
        assertTrue(k8s.out().contains(f + ":1:9: warning unknown-source: This rule names no source"), k8s.out());
        assertFalse(k8s.out().contains("unknown-field"), k8s.out());
        CliRun typo = run("check", "--lang", "en", "--source", "k8saudit", "--source", "syscall", f.toString());
        assertTrue(typo.err().contains("--source k8saudit is no source the field catalog knows"), typo.err());
        assertTrue(typo.out().contains("unknown-field"), typo.out());
    }

    /**
     * Falco compiles a macro only inside the rules that use it (spec §2.11): in a macro no rule
     * uses, an unknown field is a warning, not a load error; once a rule uses it, an error.
     */
    @Test
    void anUnknownFieldInAMacroNoRuleUsesIsAWarning() throws IOException {
        String macro = "- macro: helper\n  condition: proc.nmae = x\n";
        Path unused = write("unused.yaml", macro);
        CliRun r = run("check", "--lang", "en", unused.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains(unused + ":2:14: warning unknown-field:"), r.out());
        Path used = write("used.yaml", macro + "- rule: r\n  desc: d\n  condition: helper\n  output: x\n  priority: INFO\n");
        CliRun u = run("check", "--lang", "en", used.toString());
        assertEquals(1, u.code(), u.out());
        assertTrue(u.out().contains(used + ":2:14: error unknown-field:"), u.out());
    }

    /** In CI a wrong directory must not pass as "nothing wrong". */
    @Test
    void aDirectoryWithoutRulesFilesIsAUsageError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = run("check", "--lang", "en", empty.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no rules files (.yaml, .yml) in " + empty), r.err());
    }

    /** An argument written after a dot is shown that way; a 19-digit evt.around timestamp is a number. */
    @Test
    void argumentsAsTheFieldTakesThem() throws IOException {
        Path f = write("args.yaml", "- rule: r\n  desc: d\n  condition: evt.type = open and thread.cgroup = x"
                + " and evt.around[1404996934793590564] = 1 and proc.aname = x\n  output: x\n  priority: INFO\n");
        CliRun r = run("check", "--lang", "en", f.toString());
        assertTrue(r.out().contains("'thread.cgroup' needs an argument after a dot, e.g. thread.cgroup.<argument>."),
                r.out());
        assertFalse(r.out().contains("'evt.around' needs"), r.out());
    }

    @Test
    void aMissingFileIsReportedInTheLanguageAskedFor() {
        CliRun ja = run("check", "--lang", "ja", dir.resolve("nope.yaml").toString());
        assertEquals(2, ja.code());
        assertTrue(ja.err().contains("ファイルまたはディレクトリがありません"), ja.err());
        CliRun en = run("check", "--lang", "en", dir.resolve("nope.yaml").toString());
        assertTrue(en.err().contains("no such file or directory"), en.err());
    }

    @Test
    void badUsageAndUnreadableInputExitWithTwoAndOneLine() throws IOException {
        CliRun missing = run("check", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        CliRun badFormat = run("check", "--format", "xml", "x.yaml");
        assertEquals(2, badFormat.code());
        assertEquals(1, badFormat.err().lines().count(), badFormat.err());
        CliRun noPath = run("check");
        assertEquals(2, noPath.code());
        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun notText = run("check", binary.toString());
        assertEquals(2, notText.code());
        assertEquals(1, notText.err().lines().count(), notText.err());
        assertFalse(notText.err().contains("Exception"));
    }

    @Test
    void cleanFileExitsZero() throws IOException {
        CliRun r = run("check", write("good.yaml", GOOD).toString());
        assertEquals(0, r.code(), r.out());
    }
}

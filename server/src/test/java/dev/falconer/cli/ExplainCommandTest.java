package dev.falconer.cli;

import static dev.falconer.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    private static final String EXAMPLE = "../examples/suspicious_home_dir.yaml";

    @Test
    void jsonListsEveryRuleAndMacroWithItsLineAndBothRenderings() {
        CliRun r = run("explain", "--format", "json", EXAMPLE);
        assertEquals(0, r.code(), r.err());
        JsonArray items = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("items");
        assertEquals(5, items.size());
        JsonObject first = items.get(0).getAsJsonObject();
        assertEquals(Set.of("kind", "name", "path", "line", "summary", "markdown"), first.keySet());
        assertEquals("macro", first.get("kind").getAsString());
        assertEquals("spawned_process", first.get("name").getAsString());
        assertEquals(EXAMPLE, first.get("path").getAsString());
        assertEquals(7, first.get("line").getAsInt());
        JsonObject rule = items.get(2).getAsJsonObject();
        assertEquals("Suspicious Home Directory Creation", rule.get("name").getAsString());
        assertEquals(17, rule.get("line").getAsInt());
        assertTrue(rule.get("summary").getAsString().length() <= 120);
        assertTrue(rule.get("markdown").getAsString().contains("`mkhomedir_helper`"));
    }

    @Test
    void textInJapaneseForOneRule() {
        CliRun r = run("explain", "--lang", "ja", "--rule", "Suspicious Home Directory Creation", EXAMPLE);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(EXAMPLE + ":18: ルール Suspicious Home Directory Creation\n  新しいプロセスが起動され、"),
                r.out());
    }

    @Test
    void textPrintsTheWholeSummary() {
        CliRun r = run("explain", "--lang", "ja", "--rule", "Suspicious Home Directory Creation", EXAMPLE);
        assertTrue(r.out().contains("も含まれない"), r.out());
        assertFalse(r.out().contains("…"), r.out());
    }

    @Test
    void markdownSeparatesItems() {
        CliRun r = run("explain", "--format", "markdown", "--lang", "en", EXAMPLE);
        assertEquals(0, r.code(), r.err());
        assertEquals(4, r.out().split("\n---\n", -1).length - 1);
        assertTrue(r.out().startsWith("_" + EXAMPLE + ", line 8_\n\n## **`spawned_process`** (macro)"), r.out());
        assertTrue(r.out().contains("- [`spawned_process`](#spawned_process-macro): a new process was started"), r.out());
        CliRun one = run("explain", "--format", "markdown", "--lang", "en", "--rule", "Suspicious Home Directory Creation",
                EXAMPLE);
        assertTrue(one.out().contains("- `spawned_process`: a new process was started"), "no anchors without sections: " + one.out());
    }

    @Test
    void badInputIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, run("explain", "--lang", "fr", EXAMPLE).code());
        assertEquals(Main.EXIT_USAGE, run("explain", "no/such/file.yaml").code());
        assertEquals(Main.EXIT_USAGE, run("explain", "--rule", "Nope", EXAMPLE).code());
    }

    /** Anchors ignore case, as GitHub makes them: a repeated one is numbered, and each link finds its own macro. */
    @Test
    void macrosWhoseNamesDifferByCaseLinkToTheirOwnSections(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("a.yaml"), """
                - macro: Shells
                  condition: proc.name = bash
                - macro: shells
                  condition: proc.name = sh
                - rule: R
                  desc: d
                  condition: Shells and shells
                  output: o
                  priority: WARNING
                """);
        CliRun r = run("explain", "--format", "markdown", "--lang", "en", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[`Shells`](#shells-macro)"), r.out());
        assertTrue(r.out().contains("[`shells`](#shells-macro-1)"), r.out());
        assertEquals("shells-macro", new HeadingAnchors().next("shells-macro"));
        HeadingAnchors anchors = new HeadingAnchors();
        assertEquals(java.util.List.of("a", "a-1", "b", "a-2"),
                java.util.stream.Stream.of("a", "a", "b", "a").map(anchors::next).toList());
    }

    /** A macro redefined in a later file is explained once, as it finally reads, where that definition stands. */
    @Test
    void aRedefinedItemIsExplainedOnceAtItsLastDefinition(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path a = java.nio.file.Files.writeString(dir.resolve("a.yaml"), "- macro: m\n  condition: proc.name = first\n");
        java.nio.file.Path b = java.nio.file.Files.writeString(dir.resolve("b.yaml"), "- macro: m\n  condition: proc.name = second\n");
        CliRun r = run("explain", "--lang", "en", a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(b + ":1: macro m\n  The process name is second\n", r.out());
    }
}

package dev.falconer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.workspace.RulesWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What check and explain make of their input and output, beyond the rules: both as CI needs. */
class CliInputTest {
    private static final String EXAMPLE = "../examples/suspicious_home_dir.yaml";

    /** A FIFO, an empty folder, /dev/null: explain says so and fails, as check does, instead of waiting or passing. */
    @Test
    void explainRefusesWhatCheckRefuses(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<String> inputs = new ArrayList<>(List.of(empty.toString(), dir.resolve("nothing.yaml").toString()));
        if (made) {
            inputs.add(fifo.toString());
        }
        for (String input : inputs) {
            for (String command : List.of("check", "explain")) {
                CliRun r = CliRun.run(command, "--lang", "en", input);
                assertEquals(Main.EXIT_USAGE, r.code(), command + " " + input + ": " + r.err());
                assertTrue(r.err().startsWith("falconer: "), r.err());
            }
        }
    }

    /** English is the base bundle: a Japanese system does not turn --lang en's messages Japanese. */
    @Test
    void langEnStaysEnglishOnAJapaneseSystem(@TempDir Path dir) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPANESE);
            CliRun check = CliRun.run("check", "--lang", "en", dir.resolve("x.yaml").toString());
            assertTrue(check.err().contains("no such file or directory"), check.err());
            CliRun explain = CliRun.run("explain", "--lang", "en", "--rule", "nope", EXAMPLE);
            assertTrue(explain.err().contains("no rule named"), explain.err());
            CliRun summary = CliRun.run("check", "--lang", "en", EXAMPLE);
            assertTrue(summary.out().contains("error(s)"), summary.out());
        } finally {
            Locale.setDefault(before);
        }
    }

    /** A report cut by a full disk or a closed reader is a failure, not a pass. */
    @Test
    void aFailedWriteFailsTheRun() {
        Writer full = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--format", "sarif", EXAMPLE}, new PrintWriter(full, true),
                new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, code);
        assertTrue(err.toString().startsWith("falconer: "), err.toString());
    }

    @Test
    void everySubCommandPrintsTheVersion() {
        for (String command : List.of("check", "explain", "lsp", "catalog")) {
            CliRun r = CliRun.run(command, "--version");
            assertEquals(0, r.code(), command);
            assertEquals(CliRun.run("--version").out(), r.out(), command);
            assertTrue(!r.out().isBlank(), command);
        }
    }

    /** Falco sorts a folder's files by their names' bytes: above U+FFFF that is not Java's order. */
    @Test
    void aFoldersFilesLoadInFalcosOrder() {
        List<Path> names = new ArrayList<>(List.of(Path.of("\uD83E\uDD85.yaml"), Path.of("\uFF21.yaml"), Path.of("a.yaml")));
        names.sort(RulesWorkspace.FALCO_NAME_ORDER);
        assertEquals(List.of(Path.of("a.yaml"), Path.of("\uFF21.yaml"), Path.of("\uD83E\uDD85.yaml")), names);
    }

    /** An error only an intermediate step has is reported, with its note, in every format. */
    @Test
    void anErrorOfAnEarlierStepIsReportedWithItsNote(@TempDir Path dir) throws IOException {
        String rule = "- rule: R\n  desc: d\n  condition: evt.type = open and %s = x\n  output: o\n  priority: INFO\n";
        Path a = Files.writeString(dir.resolve("a.yaml"), rule.formatted("proc.nmae"));
        Path b = Files.writeString(dir.resolve("b.yaml"), rule.formatted("proc.name"));
        CliRun text = CliRun.run("check", "--lang", "en", a.toString(), b.toString());
        assertEquals(1, text.code(), text.out());
        assertTrue(text.out().contains(a + ":3:34: note: Falco fails here when it compiles the rules loaded up to " + a),
                text.out());
        CliRun json = CliRun.run("check", "--lang", "en", "--format", "json", a.toString(), b.toString());
        var related = com.google.gson.JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("files")
                .get(0).getAsJsonObject().getAsJsonArray("diagnostics").get(0).getAsJsonObject().getAsJsonArray("related");
        assertEquals(a.toString(), related.get(0).getAsJsonObject().get("path").getAsString());
        CliRun sarif = CliRun.run("check", "--lang", "en", "--format", "sarif", a.toString(), b.toString());
        assertTrue(sarif.out().contains("\"relatedLocations\""), sarif.out());
    }

    /** Outside Windows a backslash is part of a file's name, not a separator. */
    @Test
    void aBackslashInARelativeNameIsEncoded() {
        assertEquals(java.io.File.separatorChar == '\\' ? "a/b.yaml" : "a%5Cb.yaml", SarifReport.uri("a\\b.yaml"));
    }
}

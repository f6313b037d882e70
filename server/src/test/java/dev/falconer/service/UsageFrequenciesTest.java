package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageFrequenciesTest {

    @Test
    void priorReadsOperatorsWithSymbolsAndCommonNames() {
        UsageFrequencies u = UsageFrequencies.builtIn();
        assertTrue(u.operator("=") > u.operator("exists"));
        assertTrue(u.operator("!=") > 0 && u.operator("<=") >= 0);
        assertTrue(u.field("proc.name") > u.field("proc.aargs"));
        assertTrue(u.eventType("execve") > u.eventType("_llseek"));
        assertEquals(0, u.macro("no_such_macro_anywhere"));
    }

    @Test
    void invertedIsAFixedWidthKeyThatSortsHigherCountsFirst() {
        for (int count : new int[] {-5, 0, 1, 9, 10, 99, 1234, 999_999, 9_999_998, 9_999_999, 10_000_000,
                Integer.MAX_VALUE}) {
            String expected = String.format("%07d", 9_999_999 - Math.min(Math.max(count, 0), 9_999_999));
            assertEquals(expected, UsageFrequencies.inverted(count), "count " + count);
        }
        assertTrue(UsageFrequencies.inverted(120).compareTo(UsageFrequencies.inverted(7)) < 0);
    }

    @Test
    void keptTextsAreTheComputedOnesOnEveryCall() {
        for (int round = 0; round < 2; round++) { // the first round fills the kept texts, the second reads them
            for (int count = 0; count < 5000; count += 7) {
                assertEquals(String.format("%07d", 9_999_999 - count), UsageFrequencies.inverted(count), "count " + count);
            }
        }
        assertTrue(UsageFrequencies.inverted(4095) == UsageFrequencies.inverted(4095)); // kept, not rebuilt
    }

    @Test
    void committedResourceMatchesTheGenerator(@TempDir Path tmp) throws Exception {
        Path corpus = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("falcosecurity/rules")), "no corpus");
        Path out = tmp.resolve(UsageFrequencies.RESOURCE);
        UsageFrequenciesGenerator.main(new String[] {corpus.toString(), out.toString()});
        try (InputStream in = UsageFrequencies.class.getResourceAsStream(UsageFrequencies.RESOURCE)) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), Files.readString(out),
                    "regenerate usage-frequencies.properties with UsageFrequenciesGenerator");
        }
    }
}

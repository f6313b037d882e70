package dev.falconer.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A large workspace's names are analysed side by side ({@link WorkspaceAnalyzer#PARALLEL_NAMES});
 * the snapshot must be the one the analysis name by name gives: every merged item, substituted
 * text, problem, definition, reference and dependency. Run on every rules file of the corpus as
 * one workspace (thousands of names, overrides and appends across files), and on our fixtures.
 */
class ParallelAnalysisTest {
    private static final Path CORPUS = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus");

    @Test
    void theCorpusAnalysedSideBySideGivesTheSameSnapshot() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        List<TextDocument> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    texts.add(new TextDocument(RulesWorkspace.uriOf(p), 0, Files.readString(p)));
                } catch (IOException e) {
                    // not UTF-8: not one of the texts compared here
                }
            }
        }
        List<RulesDocument> documents = RulesDocument.parseAll(texts);
        assertSame(documents);
    }

    @Test
    void fixturesAnalysedSideBySideGiveTheSameSnapshot() {
        List<RulesDocument> documents = List.of(
                RulesDocument.parse("file:///w/a_rules.yaml", """
                        - list: shells
                          items: [bash, sh]
                        - macro: spawned
                          condition: evt.type in (execve, execveat)
                        - macro: shell
                          condition: spawned and proc.name in (shells) and later
                        - macro: later
                          condition: fd.name startswith /etc
                        - rule: Shell
                          desc: d
                          condition: shell and not proc.pname in (shells, missing_list) and undefined_macro
                          output: o %proc.name
                          priority: WARNING
                          exceptions:
                            - name: known
                              fields: [proc.name]
                              values: [[bash]]
                        """),
                RulesDocument.parse("file:///w/b_rules.yaml", """
                        - list: shells
                          items: [zsh]
                          override:
                            items: append
                        - macro: spawned
                          condition: or evt.type = clone
                          override:
                            condition: append
                        - rule: Shell
                          condition: and user.name != root
                          override:
                            condition: append
                        """));
        assertSame(documents);
    }

    private static void assertSame(List<RulesDocument> documents) {
        WorkspaceSnapshot oneByOne = new WorkspaceAnalyzer(ConditionParser::parse, new ConcurrentHashMap<>(),
                Integer.MAX_VALUE).analyze(documents);
        WorkspaceSnapshot sideBySide = new WorkspaceAnalyzer(ConditionParser::parse, new ConcurrentHashMap<>(), 0)
                .analyze(documents);
        assertTrue(oneByOne.merged().macros().size() + oneByOne.merged().rules().size() > 0);
        IncrementalAnalysisTest.assertSameSnapshot(oneByOne, sideBySide, "side by side");
    }
}

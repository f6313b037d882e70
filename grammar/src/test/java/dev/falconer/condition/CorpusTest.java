package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every macro and rule condition of the shared corpus parses (append fragments once joined). */
class CorpusTest {

    @Test
    void everyCorpusConditionParses() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CorpusConditions.corpusDir()), "no shared corpus");
        CorpusConditions.Corpus corpus = CorpusConditions.load();
        List<String> failures = corpus.entries().stream()
                .filter(e -> !ConditionParser.parse(e.text()).ok())
                .map(e -> e.file() + " " + e.kind() + " " + e.name() + ": "
                        + ConditionParser.parse(e.text()).errors() + "\n  " + e.text())
                .toList();
        long fragments = corpus.entries().stream().filter(CorpusConditions.Entry::fragment).count();
        long withBase = corpus.entries().stream().filter(CorpusConditions.Entry::baseFound).count();
        System.err.printf("corpus: %d conditions from %d files (%d files skipped by SnakeYAML), "
                + "%d append fragments (%d joined to their base, %d to the dummy base)%n",
                corpus.entries().size(), corpus.filesRead(), corpus.filesSkipped().size(), fragments, withBase,
                fragments - withBase);
        assertTrue(corpus.entries().size() > 1000, "corpus looks empty");
        assertEquals(List.of(), failures);
    }

    @Test
    void everyCorpusConditionPrintsToTextThatParsesToTheSameTree() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CorpusConditions.corpusDir()), "no shared corpus");
        for (CorpusConditions.Entry e : CorpusConditions.load().entries()) {
            String printed = ConditionPrinter.print(ConditionParser.parse(e.text()).root());
            ParsedCondition again = ConditionParser.parse(printed);
            if (again.ok()) {
                assertEquals(printed, ConditionPrinter.print(again.root()), e.name());
            }
        }
    }
}

package dev.falconer.rules;

import dev.falconer.support.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file of the corpus loads as Falco's yaml-cpp reads it; only the intentionally broken ones fail. */
class CorpusLoadTest {
    /** Fixtures that are not valid YAML on purpose (Falco expects LOAD_ERR_YAML_PARSE for them). */
    private static final Set<String> BROKEN_ON_PURPOSE = Set.of("invalid_yaml_parse_error.yaml");

    @Test
    void everyFixtureLoadsAndEveryScalarMapsExactly() {
        List<String> failures = new ArrayList<>();
        int files = 0;
        for (Path p : Corpus.yamlFiles()) {
            if (p.toString().contains("falco-website")) {
                continue;
            }
            files++;
            String text = Corpus.read(p);
            RulesDocument doc = RulesDocument.parse(p.toUri().toString(), text);
            boolean broken = doc.items().stream().anyMatch(i -> i instanceof BrokenItem);
            if (broken != BROKEN_ON_PURPOSE.contains(p.getFileName().toString())) {
                failures.add(p + " broken=" + broken + " " + doc.items().stream()
                        .filter(i -> i instanceof BrokenItem).findFirst().map(Object::toString).orElse(""));
            }
            for (YamlScalar s : YamlFixtures.scalars(doc)) {
                SourceMap map = s.sourceMap();
                if (!map.exact()) {
                    failures.add(p + " inexact map for " + s);
                }
            }
        }
        assertTrue(files > 200, "files: " + files);
        assertEquals(List.of(), failures);
    }
}

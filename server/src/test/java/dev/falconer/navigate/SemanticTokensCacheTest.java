package dev.falconer.navigate;

import dev.falconer.support.Keystrokes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The semantic-token words kept per condition and output text ({@link ConditionCache#tokenWords})
 * (read ahead by {@link Navigator#prepare} or on request) give the tokens of a navigator that sees
 * the text for the first time: on randomly edited files
 * (the official ones when the shared corpus is there), where edits also rename lists, so that
 * the same bare value is a list name in one version and a string in the next.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SemanticTokensCacheTest {
    private static final Path OFFICIAL = Path.of(System.getProperty("falconer.shared", "../shared"),
            "corpus", "falcosecurity", "rules", "rules");
    private static final String SAMPLE = """
            - list: shells
              items: [bash, sh]
            - list: shellz
              items: [shells, zsh]
            - macro: spawned
              condition: evt.type in (execve, execveat) and proc.name in (shells, shellz, shell)
            - rule: r
              desc: d
              condition: >
                spawned and tolower(proc.aname[2]) startswith oneof (shells, "/usr/bin")
                or fd.name exists
              output: "%12proc.name ran %toupper(user.name) on %fd.name[0]"
              priority: INFO
            """;
    private static final String TYPED = " sz_.()\n:-%\"";

    @Test
    void prepareKeepsTheSourceMapsOfConditionsAndOutputsWithFields() {
        ConditionCache kept = new ConditionCache();
        RulesWorkspace ws = new RulesWorkspace(kept);
        String uri = "file:///w/r.yaml";
        ws.open(uri, 1, SAMPLE + """
                - rule: plain
                  desc: d
                  condition: spawned
                  output: nothing to map
                  priority: INFO
                """);
        RulesDocument doc = ws.snapshot().document(uri);
        new Navigator(FieldCatalog.defaults(), kept).prepare(doc);
        List<String> mapped = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            ConditionSite site = ConditionSite.of(item);
            if (site != null && kept.mapKept(site.scalar())) {
                mapped.add(site.scalar().value().strip());
            }
            if (item instanceof RuleItem r && kept.mapKept(r.output().scalar())) {
                mapped.add(r.output().scalar().value());
            }
        }
        assertEquals(List.of("evt.type in (execve, execveat) and proc.name in (shells, shellz, shell)",
                "spawned and tolower(proc.aname[2]) startswith oneof (shells, \"/usr/bin\") or fd.name exists",
                "%12proc.name ran %toupper(user.name) on %fd.name[0]", "spawned"), mapped);
    }

    @Test
    void keptWordsGiveTheTokensOfAFreshNavigator() throws IOException {
        List<String> texts = new ArrayList<>(List.of(SAMPLE));
        if (Files.isDirectory(OFFICIAL)) {
            try (Stream<Path> files = Files.list(OFFICIAL)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    texts.add(Files.readString(p));
                }
            }
        }
        FieldCatalog catalog = FieldCatalog.defaults();
        ConditionCache kept = new ConditionCache();
        Navigator warm = new Navigator(catalog, kept);
        Random random = new Random(9);
        String uri = "file:///w/r.yaml";
        for (String start : texts) {
            StringBuilder text = new StringBuilder(start);
            RulesWorkspace ws = new RulesWorkspace(kept);
            for (int edit = 0; edit < 25; edit++) {
                ws.open(uri, edit + 1, text.toString());
                WorkspaceSnapshot snapshot = ws.snapshot();
                if (edit % 3 == 0) {
                    warm.prepare(snapshot.document(uri)); // as the server does once diagnostics are out
                }
                RulesWorkspace alone = new RulesWorkspace();
                alone.open(uri, 1, text.toString());
                assertEquals(new Navigator(catalog).semanticTokens(alone.snapshot(), uri).getData(),
                        warm.semanticTokens(snapshot, uri).getData(), "edit " + edit);
                Keystrokes.type(text, random, TYPED);
            }
        }
    }
}

package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.ConditionParser;
import dev.falconer.support.Corpus;
import dev.falconer.workspace.RulesWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The official rulesets load in Falco without a warning: loaded in Falco's order, they must get
 * nothing above a hint from us either. Skipped when the corpus is absent.
 */
class OfficialRulesetsTest {
    private static final String RULES = "falcosecurity/rules/rules/";

    static List<Diagnostic> check(Path... files) {
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.setRulesFiles(List.of(files));
        List<Diagnostic> out = new ArrayList<>();
        Checks.DIAGNOSER.diagnoseAll(ws.snapshot(), CheckSettings.defaults()).values().forEach(out::addAll);
        return out;
    }

    static List<Diagnostic> aboveHint(List<Diagnostic> ds) {
        return ds.stream().filter(d -> d.severity() != Severity.HINT).toList();
    }

    @Test
    void falcoRules() {
        List<Diagnostic> ds = aboveHint(check(Corpus.file(RULES + "falco_rules.yaml")));
        assertEquals(List.of(), ds, Checks.describe(ds));
    }

    @Test
    void withIncubating() {
        List<Diagnostic> ds = aboveHint(check(Corpus.file(RULES + "falco_rules.yaml"),
                Corpus.file(RULES + "falco-incubating_rules.yaml")));
        assertEquals(List.of(), ds, Checks.describe(ds));
    }

    @Test
    void withIncubatingAndSandbox() {
        List<Diagnostic> ds = aboveHint(check(Corpus.file(RULES + "falco_rules.yaml"),
                Corpus.file(RULES + "falco-incubating_rules.yaml"), Corpus.file(RULES + "falco-sandbox_rules.yaml")));
        assertEquals(List.of(), ds, Checks.describe(ds));
    }

    /** Every rules file of every plugin (examples and test rulesets too), each with its plugin's source. */
    @Test
    void pluginRulesets() throws Exception {
        Path plugins = Corpus.root().resolve("falcosecurity/plugins/plugins");
        List<Path> files;
        try (Stream<Path> s = Files.walk(plugins)) {
            files = s.filter(OfficialRulesetsTest::isRulesFile).sorted().toList();
        }
        List<Diagnostic> all = new ArrayList<>();
        Path k8saudit = plugins.resolve("k8saudit/rules/k8s_audit_rules.yaml");
        for (Path f : files) {
            // the GKE rulesets extend the k8saudit one: Falco loads them in that order
            all.addAll(aboveHint(f.toString().contains("k8saudit-gke") ? check(k8saudit, f) : check(f)));
        }
        assertEquals(List.of(), all, Checks.describe(all));
        assertTrue(files.stream().anyMatch(f -> f.endsWith("krsi/example_rules.yaml")), files.toString());
        assertTrue(files.size() >= 11, files.toString());
    }

    /** A YAML file whose first item starts a rule, macro, list or requirement: a rules file, wherever it sits. */
    private static boolean isRulesFile(Path p) {
        String name = p.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || p.toString().contains("/.github/")) {
            return false;
        }
        try {
            return Files.readAllLines(p).stream().map(String::strip)
                    .anyMatch(l -> l.matches("- (rule|macro|list|required_engine_version|required_plugin_versions):.*"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}

package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.condition.ConditionParser;
import dev.falconer.support.Corpus;
import dev.falconer.workspace.RulesWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parity with Falco's own fixtures: the rules files of Falco 0.35.1's test suite with the verdicts
 * of its {@code falco_tests*.yaml}, and the fixtures of falcosecurity/testing with the verdicts
 * their directory names and spec §7.3 give. Prints a table (file, Falco, us, match); every
 * mismatch must be a documented, intentional difference (docs/diagnostics.md).
 */
class FalcoParityTest {
    /** Fixtures where we differ on purpose; the reasons are in docs/diagnostics.md ("Differences from Falco"). */
    static final Map<String, String> INTENTIONAL = Map.of(
            "falco@0.35.1/rules/plugins/cloudtrail_create_instances.yaml", "plugin sources of the catalog count as loaded",
            "falco@0.35.1/rules/plugins/cloudtrail_create_instances_exceptions.yaml",
            "plugin sources count as loaded, so exception fields are checked",
            "testing/falco/PluginsCloudtrailCreateInstancesExceptions",
            "plugin sources count as loaded, so exception fields are checked",
            "testing/falco/RulesListWithPluginJSON", "json plugin fields exist for plugin sources only");

    enum Verdict { OK, WARNING, ERROR }

    record Expectation(String name, List<Path> files, Verdict verdict, Set<String> codes) {
    }

    record Row(String name, Verdict falco, Verdict ours, boolean kindMatch, String detail) {
        boolean matches() {
            return falco == ours && kindMatch || falco == Verdict.OK && ours != Verdict.ERROR
                    || falco == Verdict.WARNING && ours != Verdict.ERROR && kindMatch;
        }
    }

    @Test
    void falcoFixturesMatchFalcosVerdicts() throws IOException {
        List<Expectation> all = new ArrayList<>(falcoTests());
        all.addAll(testingFixtures());
        List<Row> rows = new ArrayList<>();
        for (Expectation e : all) {
            rows.add(row(e));
        }
        StringBuilder table = new StringBuilder(String.format("%-72s %-8s %-8s %s%n", "file", "falco", "ours", "match"));
        int matched = 0;
        List<String> unexpected = new ArrayList<>();
        for (Row r : rows) {
            boolean ok = r.matches();
            matched += ok ? 1 : 0;
            table.append(String.format("%-72s %-8s %-8s %s %s%n", r.name(), r.falco(), r.ours(),
                    ok ? "yes" : INTENTIONAL.containsKey(r.name()) ? "no (intentional)" : "NO", ok ? "" : r.detail()));
            if (!ok && !INTENTIONAL.containsKey(r.name())) {
                unexpected.add(r.name());
            }
        }
        table.append(String.format("%d of %d fixtures match Falco%n", matched, rows.size()));
        System.out.println(table);
        assertEquals(List.of(), unexpected, table.toString());
    }

    private static Row row(Expectation e) {
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.setRulesFiles(e.files());
        List<Diagnostic> ds = new ArrayList<>();
        String last = RulesWorkspace.uriOf(e.files().get(e.files().size() - 1));
        // as `falconer check` reads them: the steps before the last file count too (Falco stops at the first that fails)
        java.util.Map<String, List<Diagnostic>> found = Checks.DIAGNOSER.diagnoseAll(ws.snapshot(), CheckSettings.defaults());
        new LoadSteps(Checks.DIAGNOSER, CheckSettings.defaults())
                .addIntermediateErrors(ws.snapshot().documents(), found, RulesWorkspace::fileNameOf);
        found.forEach((uri, list) -> ds.addAll(list));
        boolean errors = ds.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        boolean warnings = ds.stream().anyMatch(d -> d.severity() == Severity.WARNING);
        Verdict ours = errors ? Verdict.ERROR : warnings ? Verdict.WARNING : Verdict.OK;
        Set<String> ourCodes = new LinkedHashSet<>();
        ds.forEach(d -> ourCodes.add(d.falcoCode() == null ? d.code().id() : d.falcoCode().name()));
        boolean kind = e.codes().isEmpty() || e.codes().stream().anyMatch(ourCodes::contains);
        String detail = ds.stream().filter(d -> d.severity() != Severity.HINT)
                .map(d -> d.code().id() + "(" + d.falcoCodeName() + ")" + (d.uri().equals(last) ? "" : "@earlier"))
                .distinct().toList() + " expected " + e.codes();
        return new Row(e.name(), e.verdict(), ours, kind, detail);
    }

    // ---- Falco 0.35.1: test/falco_tests*.yaml ------------------------------------------------

    private static List<Expectation> falcoTests() throws IOException {
        Path test = Corpus.root().resolve("falcosecurity/falco@0.35.1/test").toAbsolutePath().normalize();
        Map<String, Expectation> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(test)) {
            for (Path spec : s.filter(p -> p.getFileName().toString().matches("falco.*tests.*\\.yaml")).sorted().toList()) {
                Object doc = new Yaml(new Lenient()).load(Files.readString(spec));
                if (!(doc instanceof Map<?, ?> root) || !(root.get("trace_files") instanceof Map<?, ?> cases)) {
                    continue;
                }
                for (Map.Entry<?, ?> c : cases.entrySet()) {
                    if (c.getValue() instanceof Map<?, ?> props) {
                        Expectation e = expectation(test, String.valueOf(c.getKey()), props);
                        if (e != null) {
                            out.putIfAbsent(String.join("+", e.files().stream().map(p -> test.relativize(p).toString())
                                    .toList()), e);
                        }
                    }
                }
            }
        }
        List<Expectation> list = new ArrayList<>();
        out.forEach((k, e) -> list.add(new Expectation("falco@0.35.1/" + k, e.files(), e.verdict(), e.codes())));
        return list;
    }

    private static Expectation expectation(Path test, String name, Map<?, ?> props) {
        Object validate = props.get("validate_rules_file");
        boolean validating = validate != null;
        List<Path> files = paths(test, validating ? validate : props.get("rules_file"));
        if (files == null || files.isEmpty()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        Verdict v = Verdict.OK;
        if (props.get("validate_errors") instanceof List<?> errs && !errs.isEmpty()) {
            v = Verdict.ERROR;
            errs.forEach(x -> codes.add(code(x)));
        } else if (props.get("validate_warnings") instanceof List<?> warns && !warns.isEmpty()) {
            v = Verdict.WARNING;
            warns.forEach(x -> codes.add(code(x)));
        } else if (!validating && (props.containsKey("exit_status") && !"0".equals(String.valueOf(props.get("exit_status")))
                || props.containsKey("stderr_contains") || props.containsKey("conf_file")
                || props.containsKey("addl_cmdline_opts"))) {
            return null; // failures of the application, not of the rules
        }
        return new Expectation(name, files, v, codes);
    }

    private static String code(Object x) {
        String c = x instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : String.valueOf(x);
        return "LOAD_UNKNOWN_FIELD".equals(c) ? "LOAD_UNKNOWN_FILTER" : c; // renamed in Falco 0.36
    }

    private static List<Path> paths(Path test, Object value) {
        List<Path> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(test.resolve(s).normalize());
        } else if (value instanceof List<?> l) {
            l.forEach(x -> out.add(test.resolve(String.valueOf(x)).normalize()));
        } else {
            return null;
        }
        for (Path p : out) {
            if (!Files.exists(p) || !p.startsWith(test.resolve("rules"))) {
                return null; // the shipped ruleset or a build artifact, not a fixture
            }
        }
        return out;
    }

    // ---- falcosecurity/testing fixtures ------------------------------------------------------

    /** Fixtures the legacy tests load before the named one (its base ruleset). */
    static final Map<String, String> TESTING_BASES = Map.of(
            "AppendSingleRule", "SingleRule", "DoubleRule", "SingleRule", "RulesListWithPluginJSON", "SingleRule",
            "RulesDir001DoubleRule", "RulesDir000SingleRule",
            "K8SAuditAllowNamespaceFoo", "K8SAuditEngineV4K8SAuditRules",
            "K8SAuditAllowUserSomeUser", "K8SAuditEngineV4K8SAuditRules",
            "K8SAuditTrustNginxContainer", "/falcosecurity/plugins/plugins/k8saudit/rules/k8s_audit_rules.yaml");

    /** Verdicts by test name (spec §7.3); names starting with Invalid are errors (the two bases excepted). */
    static Verdict testingVerdict(String group, String name) {
        if (name.startsWith("InvalidBase")) {
            return Verdict.OK;
        }
        if ("ExceptionsRuleExceptionNewNoFieldAppend".equals(name)) {
            return Verdict.ERROR;
        }
        if (name.startsWith("Invalid") || Set.of("SkipUnknownError", "SkipUnknownUnspec", "EngineVersionMismatch")
                .contains(name)) {
            return Verdict.ERROR;
        }
        if ("exceptions".equals(group) && (name.startsWith("ExceptionsItem") || name.startsWith("ExceptionsAppendItem"))) {
            return Verdict.ERROR;
        }
        if (Set.of("SkipUnknownEvt", "SkipUnknownPrefix", "FalcoRulesWarnings").contains(name)) {
            return Verdict.WARNING;
        }
        return Verdict.OK;
    }

    private static List<Expectation> testingFixtures() throws IOException {
        Path base = Corpus.root().resolve("falcosecurity/testing/tests/data/rules");
        List<Expectation> out = new ArrayList<>();
        for (String group : List.of("falco", "exceptions", "k8saudit")) {
            try (Stream<Path> dirs = Files.list(base.resolve(group))) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    List<Path> files;
                    try (Stream<Path> s = Files.list(d)) {
                        files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
                    }
                    if (!files.isEmpty()) {
                        String name = d.getFileName().toString();
                        if (TESTING_BASES.containsKey(name)) {
                            List<Path> withBase = new ArrayList<>();
                            String baseName = TESTING_BASES.get(name);
                            if (baseName.startsWith("/")) {
                                withBase.add(Corpus.root().resolve(baseName.substring(1)));
                            } else {
                                try (Stream<Path> s = Files.list(d.resolveSibling(baseName))) {
                                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(withBase::add);
                                }
                            }
                            withBase.addAll(files);
                            files = withBase;
                        }
                        out.add(new Expectation("testing/" + group + "/" + name, files, testingVerdict(group, name),
                                Set.of()));
                    }
                }
            }
        }
        return out;
    }

    /** SnakeYAML constructor that reads any tag (Avocado's {@code !mux}) as the plain node under it. */
    static final class Lenient extends SafeConstructor {
        Lenient() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof MappingNode m) {
                        return constructMapping(m);
                    }
                    if (node instanceof SequenceNode s) {
                        return constructSequence(s);
                    }
                    return constructScalar((ScalarNode) node);
                }
            });
        }
    }
}

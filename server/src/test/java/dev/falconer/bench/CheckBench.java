package dev.falconer.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.condition.ConditionParser;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bounded benchmark of the checks: diagnostics of falco_rules.yaml on a ready snapshot, the
 * whole edit-to-diagnostics path of the language server (apply a keystroke, merge, check the
 * file), and {@code falconer check}'s throughput on the official rulesets (lines per second,
 * cold: read, parse, merge, check). Run:
 * {@code java -cp ... dev.falconer.bench.CheckBench [shared-dir]}.
 */
public final class CheckBench {
    private static final int WARMUP = 100;
    private static final int RUNS = 200;
    private static final int CORPUS_RUNS = 10;

    private CheckBench() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("falconer.shared", "../shared"));
        Path rules = shared.resolve("corpus/falcosecurity/rules/rules");
        Path file = rules.resolve("falco_rules.yaml");
        String text = Files.readString(file);
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());

        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        String uri = RulesWorkspace.uriOf(file);
        ws.open(uri, 1, text);
        WorkspaceSnapshot snapshot = ws.snapshot();
        report("diagnostics of falco_rules.yaml (ready snapshot)",
                () -> diagnoser.diagnose(snapshot, uri, CheckSettings.defaults()));

        int at = text.indexOf("proc.name", text.length() / 2);
        int[] version = {1};
        report("edit -> diagnostics (keystroke, merge, check)", () -> {
            TextPosition p = ws.document(uri).textDocument().position(at);
            boolean add = version[0] % 2 == 1;
            ContentChange c = add ? ContentChange.replace(p.line(), p.character(), p.line(), p.character(), "x")
                    : ContentChange.replace(p.line(), p.character(), p.line(), p.character() + 1, "");
            ws.change(uri, ++version[0], List.of(c));
            diagnoser.diagnose(ws.snapshot(), uri, CheckSettings.defaults());
        });

        report("edit -> snapshot only (keystroke, merge; no checks)", () -> {
            TextPosition p = ws.document(uri).textDocument().position(at);
            boolean add = version[0] % 2 == 1;
            ContentChange c = add ? ContentChange.replace(p.line(), p.character(), p.line(), p.character(), "x")
                    : ContentChange.replace(p.line(), p.character(), p.line(), p.character() + 1, "");
            ws.change(uri, ++version[0], List.of(c));
            ws.snapshot();
        });

        List<Path> corpus = officialRulesets(shared);
        long lines = 0;
        for (Path p : corpus) {
            lines += Files.readString(p).lines().count();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < CORPUS_RUNS; i++) {
            long t0 = System.nanoTime();
            for (List<Path> set : rulesetsInOrder(rules, corpus)) {
                RulesWorkspace w = new RulesWorkspace(ConditionParser::parse);
                w.setRulesFiles(set);
                new Diagnoser(FieldCatalog.defaults()).diagnoseAll(w.snapshot(), CheckSettings.defaults());
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("check of the official rulesets (%d files, %d lines, cold): %.1f ms, %.0f lines/s%n",
                corpus.size(), lines, best / 1e6, lines / (best / 1e9));
    }

    /** The three syscall rulesets together, in Falco's order, then each plugin ruleset alone. */
    private static List<List<Path>> rulesetsInOrder(Path rules, List<Path> corpus) {
        List<Path> syscall = List.of(rules.resolve("falco_rules.yaml"), rules.resolve("falco-incubating_rules.yaml"),
                rules.resolve("falco-sandbox_rules.yaml"));
        Stream<List<Path>> plugins = corpus.stream().filter(p -> !syscall.contains(p)).map(List::of);
        return Stream.concat(Stream.of(syscall), plugins).toList();
    }

    private static List<Path> officialRulesets(Path shared) throws Exception {
        Path plugins = shared.resolve("corpus/falcosecurity/plugins/plugins");
        List<Path> out = new java.util.ArrayList<>();
        Path rules = shared.resolve("corpus/falcosecurity/rules/rules");
        out.add(rules.resolve("falco_rules.yaml"));
        out.add(rules.resolve("falco-incubating_rules.yaml"));
        out.add(rules.resolve("falco-sandbox_rules.yaml"));
        try (Stream<Path> s = Files.walk(plugins)) {
            s.filter(p -> p.getParent().getFileName().toString().equals("rules") && p.toString().endsWith(".yaml"))
                    .filter(p -> !p.toString().contains("k8saudit-gke")).sorted().forEach(out::add);
        }
        return out;
    }

    private static void report(String name, Runnable task) {
        for (int i = 0; i < WARMUP; i++) {
            task.run();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            task.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        // min is the cost on an idle machine; p50/p95 include whatever else the cores are doing
        System.out.printf("%-52s min %7.3f ms  p50 %7.3f ms  p95 %7.3f ms%n", name, t[0] / 1e6, t[RUNS / 2] / 1e6,
                t[RUNS * 95 / 100] / 1e6);
    }
}

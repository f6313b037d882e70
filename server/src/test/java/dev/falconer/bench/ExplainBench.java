package dev.falconer.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.explain.CatalogExplainContext;
import dev.falconer.explain.ExpandDepth;
import dev.falconer.explain.Explainer;
import dev.falconer.explain.Explanation;
import dev.falconer.explain.LoadedRules;
import dev.falconer.explain.WorkspaceExplainItems;
import dev.falconer.explain.MarkdownRenderer;
import dev.falconer.explain.RuleDoc;
import dev.falconer.explain.SummaryRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Explains every rule of the default ruleset (tree, summary and markdown, both languages) and
 * reports microseconds per rule. Bounded: a warm-up pass and a fixed number of timed passes.
 * Run: {@code java -cp … dev.falconer.bench.ExplainBench [path/to/falco_rules.yaml] [rule name to print]}.
 */
public final class ExplainBench {

    private static final int WARMUP = 20;
    private static final int PASSES = 50;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/corpus/falcosecurity/rules/rules/falco_rules.yaml");
        WorkspaceExplainItems rules = LoadedRules.load(List.of(file)).symbols();
        FieldCatalog catalog = FieldCatalog.defaults();
        List<RuleDoc> all = LoadedRules.load(List.of(file)).rules();
        if (args.length > 1) {
            for (RuleDoc r : all) {
                if (r.name().equals(args[1])) {
                    for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                        Explanation e = Explainer.explain(r, new CatalogExplainContext(catalog, r.source(), rules), l);
                        System.err.println(SummaryRenderer.render(e, 120));
                        System.err.println(MarkdownRenderer.render(e, ExpandDepth.ONE));
                    }
                }
            }
            return;
        }
        // One context per event source for the whole run, as the server keeps one per workspace state.
        java.util.Map<String, CatalogExplainContext> contexts = new java.util.HashMap<>();
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += pass(all, rules, catalog);
        }
        long start = System.nanoTime();
        for (int i = 0; i < PASSES; i++) {
            sink += pass(all, rules, catalog);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / PASSES / all.size();
        System.err.printf("explain from scratch (tree + summary + markdown, en and ja): %d rules, %.1f µs per rule (%d)%n",
                all.size(), micros, sink % 10);
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < PASSES; i++) {
                for (RuleDoc r : all) {
                    Explanation e = Explainer.explain(r, contexts.computeIfAbsent(r.source(), src -> new CatalogExplainContext(catalog, src, rules)), l);
                    sink += SummaryRenderer.render(e, SummaryRenderer.DEFAULT_MAX_CHARS).length();
                }
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < PASSES; i++) {
                for (RuleDoc r : all) {
                    Explanation e = Explainer.explain(r, contexts.computeIfAbsent(r.source(), src -> new CatalogExplainContext(catalog, src, rules)), l);
                    sink += MarkdownRenderer.render(e, ExpandDepth.ONE).length();
                }
            }
            long t2 = System.nanoTime();
            System.err.printf("  %s, macros cached per workspace state: code lens (tree + summary) %.1f µs per rule; hover (tree + markdown) %.1f µs per rule%n",
                    l, (t1 - t0) / 1000.0 / PASSES / all.size(), (t2 - t1) / 1000.0 / PASSES / all.size());
        }
    }

    private static long pass(List<RuleDoc> all, WorkspaceExplainItems rules, FieldCatalog catalog) {
        long chars = 0;
        for (RuleDoc r : all) {
            // Fresh contexts: every pass explains the macros again, as after an edit.
            CatalogExplainContext context = new CatalogExplainContext(catalog, r.source(), rules);
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                Explanation e = Explainer.explain(r, context, l);
                chars += SummaryRenderer.render(e, SummaryRenderer.DEFAULT_MAX_CHARS).length();
                chars += MarkdownRenderer.render(e, ExpandDepth.ONE).length();
            }
        }
        return chars;
    }
}

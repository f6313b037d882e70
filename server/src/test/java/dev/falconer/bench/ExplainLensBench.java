package dev.falconer.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.service.DiagnosticsProvider;
import dev.falconer.service.ExplainLens;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.ContentChange;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bounded benchmark of the explain lens on the largest official file, {@code falco-sandbox_rules.yaml},
 * open in an editor after {@code falco_rules.yaml} (on disk): after every edit (a new snapshot),
 * listing the lenses ({@code textDocument/codeLens}), resolving one screenful of them
 * ({@code codeLens/resolve}, cold), listing and resolving again on the same snapshot (warm), and
 * resolving every lens of the file (the worst case: an editor that resolves all of them).
 * Prints p50/p95 in milliseconds (stderr).
 *
 * <p>Run after {@code mvn -pl server -am test-compile}:
 * {@code java -cp <server classes, test-classes and dependencies> -Dfalconer.shared=../shared
 * dev.falconer.bench.ExplainLensBench [rounds] [en|ja]}
 */
public final class ExplainLensBench {
    /** Lenses an editor shows at once (about one screen of a rules file). */
    private static final int SCREEN = 15;
    private static final int WARMUP = 20;

    private ExplainLensBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Locale locale = args.length > 1 ? Locale.forLanguageTag(args[1]) : Locale.ENGLISH;
        Path dir = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus/falcosecurity/rules/rules");
        Path base = dir.resolve("falco_rules.yaml");
        Path sandbox = dir.resolve("falco-sandbox_rules.yaml");
        if (!Files.isRegularFile(base) || !Files.isRegularFile(sandbox)) {
            System.err.println("corpus files not found in " + dir);
            return;
        }
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.setRulesFiles(List.of(base, sandbox));
        String uri = RulesWorkspace.uriOf(sandbox);
        String text = Files.readString(sandbox);
        ws.open(uri, 0, text);
        FalconerService service = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
        FalconerSettings settings = FalconerSettings.defaults().withLocale(locale);

        int n = WARMUP + rounds;
        long[] snapshot = new long[n];
        long[] listCold = new long[n];
        long[] resolveScreen = new long[n];
        long[] listWarm = new long[n];
        long[] resolveWarm = new long[n];
        long[] resolveAll = new long[n];
        long sink = 0;
        int lensCount = 0;
        for (int i = 0; i < n; i++) {
            // An edit at the end of the file: every request after it sees a new snapshot.
            ws.change(uri, i + 1, List.of(ContentChange.full(text + "\n# edit " + i + "\n")));
            long t0 = System.nanoTime();
            WorkspaceSnapshot s = ws.snapshot();
            long t1 = System.nanoTime();
            List<ExplainLens> lenses = service.explainLenses(s, uri, settings);
            long t2 = System.nanoTime();
            List<ExplainLens> screen = lenses.subList(0, Math.min(SCREEN, lenses.size()));
            for (ExplainLens l : screen) {
                sink += service.resolveExplainLens(l, s, settings).title().length();
            }
            long t3 = System.nanoTime();
            List<ExplainLens> again = service.explainLenses(s, uri, settings);
            long t4 = System.nanoTime();
            for (ExplainLens l : again.subList(0, screen.size())) {
                sink += service.resolveExplainLens(l, s, settings).title().length();
            }
            long t5 = System.nanoTime();
            for (ExplainLens l : lenses) {
                sink += service.resolveExplainLens(l, s, settings).title().length();
            }
            long t6 = System.nanoTime();
            snapshot[i] = t1 - t0;
            listCold[i] = t2 - t1;
            resolveScreen[i] = t3 - t2;
            listWarm[i] = t4 - t3;
            resolveWarm[i] = t5 - t4;
            resolveAll[i] = t6 - t5 + (t3 - t2); // the first screenful was already resolved
            lensCount = lenses.size();
        }
        System.err.printf("falco-sandbox_rules.yaml after falco_rules.yaml, %s, %d lenses, %d rounds after %d warm-up (%d)%n",
                locale, lensCount, rounds, WARMUP, sink % 10);
        report("snapshot after an edit (merge, not explain)", snapshot);
        report("codeLens: list, new snapshot", listCold);
        report("codeLens/resolve: " + SCREEN + " lenses, new snapshot", resolveScreen);
        report("codeLens: list again, same snapshot", listWarm);
        report("codeLens/resolve: same " + SCREEN + " again (cached)", resolveWarm);
        report("codeLens/resolve: every lens of the file, new snapshot", resolveAll);
    }

    private static void report(String what, long[] all) {
        long[] t = Arrays.copyOfRange(all, WARMUP, all.length);
        Arrays.sort(t);
        System.err.printf("  %-58s p50 %7.3f ms   p95 %7.3f ms%n", what, t[t.length / 2] / 1e6,
                t[(int) Math.ceil(t.length * 0.95) - 1] / 1e6);
    }
}

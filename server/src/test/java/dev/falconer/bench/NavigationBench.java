package dev.falconer.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.navigate.ConditionCache;
import dev.falconer.navigate.Navigator;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.WorkspaceAnalyzer;
import dev.falconer.workspace.WorkspaceSnapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Bounded benchmark of the per-file navigation requests on the largest official rules file
 * (issue 10 target: documentSymbol, codeLens and semanticTokens p95 ≤ 10 ms). Prints p50/p95/max
 * per request to stderr after a warm-up. "cold" semantic tokens parse every condition afresh
 * (first request after opening); "warm" is the steady state while editing (conditions cached).
 *
 * <p>Run after {@code mvn -pl server -am test-compile}:
 * {@code java -cp server/target/classes:server/target/test-classes:<dependencies>
 * -Dfalconer.shared=../shared dev.falconer.bench.NavigationBench [iterations]}
 */
public final class NavigationBench {
    private static final String FILE = "corpus/falcosecurity/rules/rules/falco-sandbox_rules.yaml";
    private static final String URI = "file:///bench/falco-sandbox_rules.yaml";

    private NavigationBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path file = Path.of(System.getProperty("falconer.shared", "../shared")).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            System.err.println("corpus file not found: " + file);
            return;
        }
        String text = Files.readString(file);
        ConditionCache cache = new ConditionCache();
        WorkspaceSnapshot snapshot = new WorkspaceAnalyzer(cache).analyze(List.of(RulesDocument.parse(URI, text)));
        RulesDocument doc = snapshot.document(URI);
        Navigator nav = new Navigator(FieldCatalog.defaults(), cache);
        System.err.printf("%s: %d lines, %d items%n", file.getFileName(), doc.lineIndex().lineCount(), doc.items().size());

        measure("documentSymbol", iterations, () -> nav.documentSymbols(doc, Locale.ENGLISH).size());
        measure("codeLens (references)", iterations, () -> nav.referenceLenses(snapshot, URI, true).stream().map(l -> nav.resolveReferenceLens(l, snapshot, Locale.ENGLISH)).toList().size());
        measure("semanticTokens (warm)", iterations, () -> nav.semanticTokens(snapshot, URI).getData().size());
        measure("semanticTokens (cold)", Math.max(10, iterations / 10), () -> new Navigator(null, new ConditionCache())
                .semanticTokens(snapshot, URI).getData().size());
        measure("foldingRange", iterations, () -> nav.foldingRanges(doc).size());
        TextPosition middle = new TextPosition(doc.lineIndex().lineCount() / 2, 14);
        measure("references (middle)", iterations, () -> nav.references(snapshot, URI, middle, true).size());
        measure("selectionRange (middle)", iterations, () -> nav.selectionRanges(doc, List.of(middle)).size());
    }

    private static void measure(String name, int iterations, IntSupplier work) {
        int sink = 0;
        for (int i = 0; i < Math.min(iterations, 50); i++) {
            sink += work.getAsInt();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            sink += work.getAsInt();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.err.printf("%-26s p50 %7.3f ms  p95 %7.3f ms  max %7.3f ms  (%d)%n", name, nanos[iterations / 2] / 1e6,
                nanos[(int) (iterations * 0.95)] / 1e6, nanos[iterations - 1] / 1e6, sink);
    }
}

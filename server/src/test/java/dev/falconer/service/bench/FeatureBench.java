package dev.falconer.service.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.service.DiagnosticsProvider;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded benchmark of hover and completion on the official {@code falco_rules.yaml} (from the
 * corpus) opened in a workspace, at the start, middle and end of every condition; and of an edit
 * followed by the workspace snapshot the next request needs. Prints p50/p95 (stderr).
 *
 * <p>Run after {@code mvn -pl server -am test-compile}:
 * {@code java -cp <server classes, test-classes and dependencies> -Dfalconer.shared=../shared
 * dev.falconer.service.bench.FeatureBench [rounds]}
 */
public final class FeatureBench {
    private FeatureBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path file = Path.of(System.getProperty("falconer.shared", "../shared"),
                "corpus/falcosecurity/rules/rules/falco_rules.yaml");
        if (!Files.isRegularFile(file)) {
            System.err.println("corpus file not found: " + file);
            return;
        }
        String uri = file.toUri().toString();
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.open(uri, 1, Files.readString(file));
        WorkspaceSnapshot snapshot = ws.snapshot();
        RulesDocument doc = snapshot.document(uri);
        List<TextPosition> positions = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            YamlEntry c = item instanceof RuleItem r ? r.condition() : item instanceof MacroItem m ? m.condition() : null;
            if (c != null && c.scalar() != null) {
                int s = c.valueSpan().start();
                int e = c.valueSpan().end();
                for (int at : new int[] {s + 1, (s + e) / 2, e}) {
                    positions.add(doc.lineIndex().position(at));
                }
            }
        }
        FalconerService service = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
        FalconerSettings settings = FalconerSettings.defaults();
        long sink = 0;
        for (int i = 0; i < 3; i++) { // warm-up
            for (TextPosition p : positions) {
                sink += service.hover(snapshot, uri, p, settings).isPresent() ? 1 : 0;
                sink += service.complete(snapshot, uri, p, settings).size();
            }
        }
        long[] hover = new long[positions.size() * rounds];
        long[] complete = new long[positions.size() * rounds];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (TextPosition p : positions) {
                long t0 = System.nanoTime();
                sink += service.hover(snapshot, uri, p, settings).isPresent() ? 1 : 0;
                long t1 = System.nanoTime();
                sink += service.complete(snapshot, uri, p, settings).size();
                long t2 = System.nanoTime();
                hover[k] = t1 - t0;
                complete[k++] = t2 - t1;
            }
        }
        report("hover", hover);
        report("completion", complete);

        int editRounds = 200;
        long[] edit = new long[editRounds];
        TextPosition at = positions.get(positions.size() / 2);
        for (int i = 0; i < editRounds; i++) {
            String text = i % 2 == 0 ? " " : "";
            TextPosition end = i % 2 == 0 ? at : new TextPosition(at.line(), at.character() + 1);
            long t0 = System.nanoTime();
            ws.change(uri, 2 + i, List.of(ContentChange.replace(at.line(), at.character(), end.line(),
                    end.character(), text)));
            WorkspaceSnapshot s = ws.snapshot();
            sink += service.hover(s, uri, at, settings).isPresent() ? 1 : 0;
            edit[i] = System.nanoTime() - t0;
        }
        report("edit + snapshot + hover", edit);
        System.err.println("(" + positions.size() + " positions, " + rounds + " rounds, sink " + sink + ")");
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.err.printf("%-26s p50 %.3f ms  p95 %.3f ms  max %.3f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}

package dev.falconer.bench;

import dev.falconer.rules.MacroItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hover and completion at the start, middle and end of every condition of {@code falco_rules.yaml};
 * the whole-document views (symbols, semantic tokens, code lenses) of the same file, computed
 * afresh each time (the server keeps them while the document and workspace stay the same, see
 * {@code LastAnswers}; {@link ViewCost} measures them through the server, JSON included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
public class FeatureBench {
    private static final dev.falconer.navigate.Navigator NAVIGATOR = new dev.falconer.navigate.Navigator(
            Features.SERVICE.catalog());
    private WorkspaceSnapshot snapshot;
    private String uri;
    private final List<TextPosition> positions = new ArrayList<>();
    private int next;

    @Setup
    public void open() {
        Path dir = Official.dir();
        Path p = dir.resolve("falco_rules.yaml");
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir));
        uri = RulesWorkspace.uriOf(p);
        ws.open(uri, 1, Official.read(p));
        snapshot = ws.snapshot();
        RulesDocument doc = snapshot.document(uri);
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
    }

    private TextPosition nextPosition() {
        next = (next + 1) % positions.size();
        return positions.get(next);
    }

    @Benchmark
    public Object hover() {
        return Features.SERVICE.hover(snapshot, uri, nextPosition(), Features.SETTINGS);
    }

    @Benchmark
    public Object completion() {
        return Features.SERVICE.complete(snapshot, uri, nextPosition(), Features.SETTINGS);
    }

    @Benchmark
    public Object documentSymbols() {
        return NAVIGATOR.documentSymbols(snapshot.document(uri), Features.SETTINGS.locale());
    }

    @Benchmark
    public Object semanticTokens() {
        return NAVIGATOR.semanticTokens(snapshot, uri);
    }

    /** What {@code textDocument/codeLens} lists: explain lenses and "N references" lenses. */
    @Benchmark
    public Object codeLenses() {
        return List.of(Features.SERVICE.explainLenses(snapshot, uri, Features.SETTINGS),
                NAVIGATOR.referenceLenses(snapshot, uri, true));
    }
}

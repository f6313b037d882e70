package dev.falconer.bench;

import dev.falconer.cli.Main;
import dev.falconer.rules.MacroItem;
import dev.falconer.service.FalconerService;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A generated workspace of 1, 10 or 60 files ({@link GeneratedWorkspace}, written under
 * {@code java.io.tmpdir}): loading everything to diagnostics, an edit of the macro used by 100
 * rules followed by the diagnostics of every file it affects, and an edit of one rule followed by
 * its file's diagnostics. The edit costs should follow what the edit affects, not the file count.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Xmx2g"})
public class ScaleBench {
    @Param({"1", "10", "60"})
    public int files;

    private List<Path> paths;
    private RulesWorkspace ws;
    private String hotUri;
    private TextPosition hotAt;
    private String lastUri;
    private TextPosition lastAt;
    private int round;

    @Setup(Level.Trial)
    public void generate() {
        paths = GeneratedWorkspace.write(Path.of(System.getProperty("java.io.tmpdir"), "falconer-scale-" + files),
                files);
        ws = load();
        hotUri = RulesWorkspace.uriOf(paths.get(0));
        String hotText = ws.document(hotUri).text();
        ws.open(hotUri, 1, hotText);
        MacroItem hot = ws.document(hotUri).itemsOf(MacroItem.class).stream()
                .filter(m -> GeneratedWorkspace.HOT_MACRO.equals(m.name())).findFirst().orElseThrow();
        hotAt = ws.document(hotUri).lineIndex().position(hot.condition().valueSpan().end());
        lastUri = RulesWorkspace.uriOf(paths.get(paths.size() - 1));
        String lastText = ws.document(lastUri).text();
        ws.open(lastUri, 1, lastText);
        lastAt = ws.document(lastUri).lineIndex().position(Features.middleField(lastText));
    }

    private RulesWorkspace load() {
        RulesWorkspace w = new RulesWorkspace();
        w.setRulesFiles(paths);
        return w;
    }

    /**
     * Everything read, parsed, merged and checked, every file's diagnostics: the command line's
     * job ({@code falconer check --format json} over the files, in process; the server checks only
     * open documents). The command builds its own workspace and checks, as a new run does.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public int loadAllToDiagnostics() {
        List<String> argv = new ArrayList<>(List.of("check", "--format", "json"));
        paths.forEach(p -> argv.add(p.toString()));
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return Main.run(argv.toArray(String[]::new), sink, sink);
    }

    /**
     * What an editor session waits for on a new workspace: every file read, parsed and merged,
     * then the diagnostics of the document it opened (the last file, as a local rules file that
     * builds on the others), with a service of its own as a new session has (the shared one would
     * find the check units kept from the previous load of the same texts).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public int loadToOpenFileDiagnostics() {
        FalconerService service = Features.freshService();
        RulesWorkspace w = load();
        List<String> order = w.loadOrder();
        return Features.diagnostics(service, w.snapshot(), order.get(order.size() - 1)).size();
    }

    /** A keystroke in {@code hot_macro}, then the diagnostics of every file with a rule using it. */
    @Benchmark
    public int editHotMacro() {
        Features.toggleSpace(ws, hotUri, hotAt, ++round);
        WorkspaceSnapshot s = ws.snapshot();
        Set<String> affected = affectedFiles(s);
        int n = 0;
        for (String uri : affected) {
            n += Features.diagnostics(s, uri).size();
        }
        return n + affected.size();
    }

    /** The files holding a rule that uses {@code hot_macro}: what its edit must re-check. */
    static Set<String> affectedFiles(WorkspaceSnapshot s) {
        return s.dependencies().filesAffectedBy(Set.of(SymbolKey.macro(GeneratedWorkspace.HOT_MACRO)));
    }

    /** The rules and macros an edit of {@code hot_macro} affects (transitively). */
    static int affectedSymbols(WorkspaceSnapshot s) {
        return s.dependencies().affectedBy(Set.of(SymbolKey.macro(GeneratedWorkspace.HOT_MACRO))).size();
    }

    RulesWorkspace workspace() {
        return ws;
    }

    List<Path> paths() {
        return paths;
    }

    /** A keystroke in a rule of the last file, then that file's diagnostics. */
    @Benchmark
    public int editOneRule() {
        Features.toggleSpace(ws, lastUri, lastAt, ++round);
        return Features.diagnostics(ws.snapshot(), lastUri).size();
    }
}

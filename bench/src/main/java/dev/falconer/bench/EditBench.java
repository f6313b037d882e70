package dev.falconer.bench;

import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One keystroke in a condition of an official file (the whole official folder loaded, the file
 * open), then what the server does before publishing: the workspace snapshot and the
 * diagnostics of the file. The in-process part of lspprobe's edit → diagnostics.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
public class EditBench {
    @Param({"falco_rules.yaml", "falco-sandbox_rules.yaml"})
    public String file;

    private RulesWorkspace ws;
    private String uri;
    private TextPosition at;
    private int round;

    @Setup
    public void open() {
        Path dir = Official.dir();
        Path p = dir.resolve(file);
        String text = Official.read(p);
        ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir));
        uri = RulesWorkspace.uriOf(p);
        ws.open(uri, 1, text);
        at = ws.document(uri).lineIndex().position(Features.middleField(text));
    }

    @Benchmark
    public List<FalconerDiagnostic> editToDiagnostics() {
        Features.toggleSpace(ws, uri, at, ++round);
        return Features.diagnostics(ws.snapshot(), uri);
    }
}

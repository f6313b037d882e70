package dev.falconer.bench;

import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * Bounded main (not JMH): the analysis of the generated workspace ({@link GeneratedWorkspace},
 * default 60 files), its files already parsed: a new workspace per round, every file opened, then
 * the wall time of its first snapshot (merge, list substitution, every name's unit, dependencies).
 * The first rounds run with the JIT cold. Run with the clients' flags:
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -Xss4m -Xms40m
 * -Xmn16m -XX:SurvivorRatio=2 -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40
 * -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.AnalysisCost [files] [rounds]}.
 */
public final class AnalysisCost {
    private AnalysisCost() {
    }

    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<Path> paths = GeneratedWorkspace.write(Path.of(System.getProperty("java.io.tmpdir"),
                "falconer-scale-" + files), files);
        for (int r = 0; r < rounds; r++) {
            RulesWorkspace w = new RulesWorkspace();
            w.setRulesFiles(paths);
            for (Path p : paths) {
                w.open(RulesWorkspace.uriOf(p), 1, Official.read(p));
            }
            System.gc();
            long t0 = System.nanoTime();
            WorkspaceSnapshot s = w.snapshot();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: analysis %d ms (%d lists, %d macros, %d rules)%n", r + 1, ms,
                    s.merged().lists().size(), s.merged().macros().size(), s.merged().rules().size());
        }
    }
}

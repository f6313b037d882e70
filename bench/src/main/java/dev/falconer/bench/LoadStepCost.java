package dev.falconer.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.check.LoadSteps;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.Cancellation;
import dev.falconer.service.CheckDiagnostics;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the editor's search for load errors before the last listed file costs at each pause in
 * the typing: the official files listed with a local one after them that overrides a macro of
 * theirs and is typed in (so every search has steps to check). Each round edits the local file
 * and runs the search; the CPU of every Java thread (the plain search checks its files on the
 * common pool's) and the calling thread's allocation per search, first search apart.
 * {@code plain} runs the same search as {@code check} does it (every step and the final rules
 * checked afresh) as the baseline of the same run. A bounded main:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfalconer.shared=../shared \
 *   -cp bench/target/benchmarks.jar dev.falconer.bench.LoadStepCost [rounds] [editor|plain]...</pre>
 */
public final class LoadStepCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final String LOCAL_URI = "file:///bench/falco_rules.local.yaml";
    static final String LOCAL = """
            - macro: user_known_write_below_binary_dir_activities
              condition: (proc.name = my_installer)
              override:
                condition: replace
            - list: my_bins
              items: [cat, tac]
            - rule: Mine
              desc: a local rule
              condition: spawned_process and proc.name in (my_bins)
              output: mine %proc.name
              priority: INFO
            """;

    private LoadStepCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<String> modes = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("plain", "editor");
        for (String mode : modes) {
            run(mode, rounds);
        }
    }

    private static void run(String mode, int rounds) {
        RulesWorkspace workspace = new RulesWorkspace(ConditionParser::parse);
        List<String> listed = new ArrayList<>();
        for (String f : new String[] {"falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml"}) {
            java.nio.file.Path p = Official.dir().resolve(f);
            workspace.open(p.toUri().toString(), 1, Official.read(p));
            listed.add(p.toString());
        }
        listed.add("/bench/falco_rules.local.yaml");
        FalconerSettings d = FalconerSettings.defaults();
        FalconerSettings settings = new FalconerSettings(d.locale(), listed, d.catalogFiles(), d.sources(), d.severity(),
                d.explainCodeLens(), d.referencesCodeLens(), d.diagnosticsDelayMs(), d.filePatterns());
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        CheckSettings checks = CheckSettings.defaults().withLoadOrderKnown(true);
        double[] cpu = new double[rounds];
        double[] mb = new double[rounds];
        int found = 0;
        for (int i = 0; i < rounds; i++) {
            workspace.open(LOCAL_URI, i + 2, LOCAL + "# typed " + i + "\n");
            WorkspaceSnapshot snapshot = workspace.snapshot();
            long c0 = javaThreadsCpu();
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            if (mode.equals("plain")) {
                List<RulesDocument> docs = snapshot.documents();
                Map<String, List<Diagnostic>> all = diagnoser.diagnoseAll(snapshot, checks);
                new LoadSteps(diagnoser, checks).addIntermediateErrors(docs, all, RulesWorkspace::fileNameOf);
                found += all.size();
            } else {
                found += service.loadStepDiagnostics(snapshot, settings, Cancellation.never()).byUri().size();
            }
            cpu[i] = (javaThreadsCpu() - c0) / 1e6;
            mb[i] = (THREADS.getCurrentThreadAllocatedBytes() - a0) / 1e6;
        }
        double[] rest = Arrays.copyOfRange(cpu, 1, rounds);
        double[] restMb = Arrays.copyOfRange(mb, 1, rounds);
        Arrays.sort(rest);
        Arrays.sort(restMb);
        System.out.printf("%-6s first search %.1f ms CPU %.1f MB; then p50 %.1f ms CPU (min %.1f, max %.1f), %.1f MB (%d)%n",
                mode, cpu[0], mb[0], rest[rest.length / 2], rest[0], rest[rest.length - 1], restMb[restMb.length / 2], found);
    }

    /** The CPU time of the JVM's Java threads (not the compiler's and collector's), in ns. */
    private static long javaThreadsCpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}

package dev.falconer.bench;

import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Bounded main (not JMH) printing issue 10's scale table for the generated 1/10/60-file
 * workspace ({@link ScaleBench}'s setup and operations): load everything to diagnostics (every
 * file's, as {@code falconer check} in process; then the last file's only, as an editor session
 * with a new service; the table's first load runs with the JIT cold, the second column's first
 * after it), a keystroke in {@code hot_macro} (used by 100
 * rules spread over the files) then the diagnostics of every affected file, and a keystroke in
 * one rule then its file's diagnostics. Each edit row also says how much the edit affects
 * (files, symbols), so the table shows whether the work follows what the edit affects or the
 * size of the workspace. Wall p50/p95 and calling thread CPU per operation; every measure is
 * bounded by a count and a time. Run:
 * {@code java -Xss4m -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.ScaleReport [files...]}.
 */
public final class ScaleReport {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long BUDGET_NANOS = 15_000_000_000L;

    private ScaleReport() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1, 10, 60} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| files | lines | load → all diagnostics, `falconer check` in process (ms, best / first; CPU, GC per load) | load → the"
                + " last file's diagnostics (ms, best / first; CPU, GC) | hot-macro edit → affected diagnostics (p50 / p95"
                + " ms; CPU, GC per edit) | affected files / symbols | one-rule edit → file diagnostics (p50 / p95 ms; CPU,"
                + " GC per edit) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int files : sizes) {
            ScaleBench b = new ScaleBench();
            b.files = files;
            b.generate();
            long lines = b.paths().stream().mapToLong(p -> Official.read(p).lines().count()).sum();
            Sample load = Sample.of(files >= 60 ? 3 : 5, 0, b::loadAllToDiagnostics);
            Sample session = Sample.of(files >= 60 ? 3 : 5, 0, b::loadToOpenFileDiagnostics);
            Sample hot = Sample.of(60, 5, b::editHotMacro);
            WorkspaceSnapshot s = b.workspace().snapshot();
            Sample rule = Sample.of(200, 20, b::editOneRule);
            System.out.printf("| %d | %d | %.0f / %.0f; %.0f, %.0f | %.0f / %.0f; %.0f, %.0f | %.1f / %.1f; %.1f, %.1f | %d / %d"
                    + " | %.1f / %.1f; %.1f, %.1f |%n",
                    files, lines, load.min(), load.first(), load.cpu(), load.gc(), session.min(), session.first(),
                    session.cpu(), session.gc(), hot.p50(), hot.p95(), hot.cpu(), hot.gc(),
                    ScaleBench.affectedFiles(s).size(), ScaleBench.affectedSymbols(s), rule.p50(), rule.p95(), rule.cpu(),
                    rule.gc());
        }
    }

    /** Milliseconds all collectors spent so far: at scale the heap, not the code, can set the pace. */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
    }

    /** Wall times (ms) of the measured runs sorted, the first one, and the mean calling-thread CPU and GC (ms). */
    record Sample(double[] wall, double first, double cpu, double gc) {
        static Sample of(int runs, int warmup, IntSupplier op) {
            long deadline = System.nanoTime() + BUDGET_NANOS;
            for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
                op.getAsInt();
            }
            double[] wall = new double[runs];
            long gc0 = gcMillis();
            long cpu = 0;
            int n = 0;
            while (n < runs && (n < 3 || System.nanoTime() < deadline)) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                op.getAsInt();
                wall[n++] = (System.nanoTime() - t0) / 1e6;
                cpu += THREADS.getCurrentThreadCpuTime() - c0;
            }
            double first = wall[0];
            double[] done = Arrays.copyOf(wall, n);
            Arrays.sort(done);
            return new Sample(done, first, cpu / 1e6 / n, (gcMillis() - gc0) / (double) n);
        }

        double min() {
            return wall[0];
        }

        double p50() {
            return wall[wall.length / 2];
        }

        double p95() {
            return wall[Math.min(wall.length - 1, (int) Math.ceil(wall.length * 0.95) - 1)];
        }
    }
}

package dev.falconer.bench;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Bounded main (not JMH): CPU time and allocation per operation of the parsing layer, measured on
 * the calling thread with {@link com.sun.management.ThreadMXBean}, so that numbers stay usable
 * on a loaded machine. The keystroke path ({@code TextDocument.withChanges} then
 * {@code RulesDocument.update}) and a full parse on {@code falco_rules.yaml}, then the generated
 * 1/10/60-file workspace loaded to diagnostics, split into parse, snapshot and diagnostics. Run:
 * {@code java -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.ParseBench}.
 */
public final class ParseBench {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ParseBench() {
    }

    /** Arguments: {@code keystroke}, {@code load} or both (the default). */
    public static void main(String[] args) {
        List<String> what = args.length == 0 ? List.of("keystroke", "load") : List.of(args);
        if (what.contains("keystroke")) {
            keystroke();
        }
        if (what.contains("load")) {
            for (int files : new int[] {1, 10, 60}) {
                load(files);
            }
        }
    }

    private static void keystroke() {
        Path p = Official.dir().resolve("falco_rules.yaml");
        String text = Official.read(p);
        TextDocument v0 = new TextDocument(p.toUri().toString(), 1, text);
        RulesDocument[] doc = {RulesDocument.parse(v0)};
        TextPosition at = v0.position(Features.middleField(text));
        TextDocument[] next = {null};
        int[] round = {0};
        Runnable edit = () -> {
            boolean insert = ++round[0] % 2 == 1;
            ContentChange c = insert
                    ? ContentChange.replace(at.line(), at.character(), at.line(), at.character(), " ")
                    : ContentChange.replace(at.line(), at.character(), at.line(), at.character() + 1, "");
            next[0] = doc[0].textDocument().withChanges(doc[0].version() + 1, List.of(c));
        };
        Runnable update = () -> doc[0] = doc[0].update(next[0]);
        // the two halves alternate: measure each alone, run the other unmeasured
        Cost withChanges = Cost.measure(500, 1000, edit, update, true);
        Cost updateCost = Cost.measure(500, 1000, edit, update, false);
        Cost full = Cost.measure(50, 100, () -> RulesDocument.parse(v0), () -> { }, true);
        System.out.printf("falco_rules.yaml keystroke: withChanges %s | update %s | full parse %s%n",
                withChanges, updateCost, full);
    }

    /** Loads the generated workspace cold (new workspace, files read from disk) and checks every file. */
    private static void load(int files) {
        List<Path> paths = GeneratedWorkspace.write(Path.of(System.getProperty("java.io.tmpdir"),
                "falconer-parsebench-" + files), files);
        long lines = 0;
        for (Path p : paths) {
            lines += Official.read(p).lines().count();
        }
        int runs = files >= 60 ? 3 : 6;
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long gc0 = ScaleReport.gcMillis();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            RulesWorkspace ws = new RulesWorkspace();
            ws.setRulesFiles(paths);
            List<String> order = ws.loadOrder();
            for (String uri : order) {
                ws.document(uri);
            }
            long c1 = THREADS.getCurrentThreadCpuTime();
            WorkspaceSnapshot s = ws.snapshot();
            long c2 = THREADS.getCurrentThreadCpuTime();
            for (String uri : order) {
                Features.diagnostics(s, uri);
            }
            long c3 = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime() - t0;
            best[0] = Math.min(best[0], c1 - c0);
            best[1] = Math.min(best[1], c2 - c1);
            best[2] = Math.min(best[2], c3 - c2);
            best[3] = Math.min(best[3], wall);
        }
        double gc = (ScaleReport.gcMillis() - gc0) / (double) runs;
        List<TextDocument> texts = paths.stream()
                .map(p -> new TextDocument(RulesWorkspace.uriOf(p), 0, Official.read(p))).toList();
        long sequential = Long.MAX_VALUE;
        long parallel = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            texts.forEach(RulesDocument::parse);
            long t1 = System.nanoTime();
            String all = parseAll(texts);
            long t2 = System.nanoTime();
            sequential = Math.min(sequential, t1 - t0);
            parallel = all == null ? -1 : Math.min(parallel, t2 - t1);
        }
        System.out.printf("%2d files, %6d lines: load to diagnostics wall %7.1f ms | CPU parse %7.1f, snapshot %7.1f,"
                        + " diagnostics %7.1f ms, GC %7.1f ms per load (best of %d) | parse only, wall: sequential"
                        + " %6.1f ms, parallel %6.1f ms%n",
                files, lines, best[3] / 1e6, best[0] / 1e6, best[1] / 1e6, best[2] / 1e6, gc, runs, sequential / 1e6,
                parallel / 1e6);
    }

    /** Parses with {@code RulesDocument.parseAll}; {@code null} on a build without it (a baseline jar). */
    private static String parseAll(List<TextDocument> texts) {
        try {
            return String.valueOf(RulesDocument.parseAll(texts).size());
        } catch (NoSuchMethodError e) {
            return null;
        }
    }

    /** CPU microseconds and allocated kilobytes per operation. */
    record Cost(double cpuMicros, double allocKb) {
        static Cost measure(int warmup, int runs, Runnable first, Runnable second, boolean measureFirst) {
            for (int i = 0; i < warmup; i++) {
                first.run();
                second.run();
            }
            long cpu = 0;
            long alloc = 0;
            long id = Thread.currentThread().getId();
            for (int i = 0; i < runs; i++) {
                if (!measureFirst) {
                    first.run();
                }
                long c0 = THREADS.getCurrentThreadCpuTime();
                long a0 = THREADS.getThreadAllocatedBytes(id);
                (measureFirst ? first : second).run();
                alloc += THREADS.getThreadAllocatedBytes(id) - a0;
                cpu += THREADS.getCurrentThreadCpuTime() - c0;
                if (measureFirst) {
                    second.run();
                }
            }
            return new Cost(cpu / 1e3 / runs, alloc / 1024.0 / runs);
        }

        @Override
        public String toString() {
            return String.format("%.1f us CPU, %.1f KB", cpuMicros, allocKb);
        }
    }
}

package dev.falconer.bench;

import dev.falconer.rules.MacroItem;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * CPU time and allocation per operation of the diagnostics after an edit, measured on the thread
 * that does the work (steadier than wall clock on a shared machine), separately from the
 * snapshot that precedes them. A bounded main, run e.g. with the server's flags:
 * {@code java -XX:TieredStopAtLevel=1 -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar
 * dev.falconer.bench.CheckCost [rounds] [cases]}, cases separated by commas.
 *
 * <ul>
 *   <li>{@code official}: a one-character edit in a condition of {@code falco_rules.yaml} (the
 *       official folder loaded), then the diagnostics of that file;</li>
 *   <li>{@code scale-N}: in the generated workspace of N files, an edit of {@code hot_macro}, then
 *       the diagnostics of every file it affects (total over the files), and an edit of one rule
 *       of the last file, then that file's diagnostics.</li>
 *   <li>{@code feedN} / {@code typedfeedN}: a threat feed of N addresses kept as a list and a rule
 *       testing {@code fd.sip} against it; a space toggled / typed in that rule (see
 *       {@link #threatFeed}).</li>
 * </ul>
 */
public final class CheckCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CheckCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        List<String> cases = args.length > 1 ? Arrays.stream(args[1].split(",")).filter(x -> !x.isBlank()).toList()
                : List.of("official", "10", "60");
        for (String c : cases) {
            if (c.equals("official")) {
                official(rounds);
            } else if (c.startsWith("feed") || c.startsWith("typedfeed")) {
                String size = c.substring(c.indexOf("feed") + 4);
                threatFeed(Math.max(20, rounds / 10), size.isEmpty() ? 100_000 : Integer.parseInt(size), c.startsWith("typed"));
            } else {
                scale(Integer.parseInt(c), Math.max(20, rounds / 10));
            }
        }
    }

    /**
     * A threat feed kept as a list: a file with one list of {@code items} IPv4 addresses beside
     * the official folder, and an open file whose rule tests {@code fd.sip in (malicious_ips)};
     * a space typed and deleted in that rule's condition (or, {@code typed}, one more space typed
     * each time: a new condition text at every keystroke), then that file's diagnostics.
     */
    private static void threatFeed(int rounds, int items, boolean typed) {
        Path dir = ThreatFeed.write(Path.of(System.getProperty("java.io.tmpdir"), "falconer-checkcost-feed-" + items), items);
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(Official.dir().resolve("falco_rules.yaml"), dir.resolve(ThreatFeed.FEED),
                dir.resolve(ThreatFeed.RULES)));
        String uri = RulesWorkspace.uriOf(dir.resolve(ThreatFeed.RULES));
        String rule = ThreatFeed.RULE;
        ws.open(uri, 1, rule);
        TextPosition at = ws.document(uri).lineIndex().position(rule.indexOf(ThreatFeed.TYPED_AT));
        editAndCheck((typed ? "typed-" : "") + "feed-" + items + " rule edit", ws, uri, rounds, i -> {
            if (typed) {
                ws.change(uri, i + 1, List.of(dev.falconer.text.ContentChange.replace(at.line(), at.character(),
                        at.line(), at.character(), " ")));
            } else {
                Features.toggleSpace(ws, uri, at, i);
            }
        });
    }

    /**
     * {@code rounds} edits to warm up, then {@code rounds} measured: each {@code edit} (given its
     * round), the snapshot, then the diagnostics of {@code uri}.
     */
    private static void editAndCheck(String what, RulesWorkspace ws, String uri, int rounds,
                                     java.util.function.IntConsumer edit) {
        Sample snap = new Sample(rounds);
        Sample diag = new Sample(rounds);
        Sample wall = new Sample(rounds);
        int found = 0;
        for (int i = 1; i <= rounds * 2; i++) {
            boolean measured = i > rounds;
            edit.accept(i);
            Probe s = Probe.start();
            WorkspaceSnapshot snapshot = ws.snapshot();
            s.stop(measured ? snap : null);
            Probe d = Probe.start();
            found = Features.diagnostics(snapshot, uri).size();
            d.stop(measured ? diag : null, measured ? wall : null);
        }
        snap.print(what + ": snapshot");
        diag.print(what + ": diagnostics (" + found + ")");
        wall.printWall(what + ": diagnostics");
    }

    private static void official(int rounds) {
        Path dir = Official.dir();
        Path p = dir.resolve("falco_rules.yaml");
        String text = Official.read(p);
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir));
        String uri = RulesWorkspace.uriOf(p);
        ws.open(uri, 1, text);
        TextPosition at = ws.document(uri).lineIndex().position(Features.middleField(text));
        editAndCheck("official edit of falco_rules.yaml", ws, uri, rounds, i -> Features.toggleSpace(ws, uri, at, i));
    }

    private static void scale(int files, int rounds) {
        List<Path> paths = GeneratedWorkspace.write(
                Path.of(System.getProperty("java.io.tmpdir"), "falconer-checkcost-" + files), files);
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(paths);
        String hotUri = RulesWorkspace.uriOf(paths.get(0));
        ws.open(hotUri, 1, ws.document(hotUri).text());
        MacroItem hot = ws.document(hotUri).itemsOf(MacroItem.class).stream()
                .filter(m -> GeneratedWorkspace.HOT_MACRO.equals(m.name())).findFirst().orElseThrow();
        TextPosition hotAt = ws.document(hotUri).lineIndex().position(hot.condition().valueSpan().end());
        String lastUri = RulesWorkspace.uriOf(paths.get(paths.size() - 1));
        String lastText = ws.document(lastUri).text();
        ws.open(lastUri, 1, lastText);
        TextPosition lastAt = ws.document(lastUri).lineIndex().position(Features.middleField(lastText));
        // load: everything checked once, as the server does for a new workspace
        WorkspaceSnapshot first = ws.snapshot();
        for (String uri : ws.loadOrder()) {
            Features.diagnostics(first, uri);
        }
        Sample snap = new Sample(rounds);
        Sample hotDiag = new Sample(rounds);
        Sample hotWall = new Sample(rounds);
        Sample ruleDiag = new Sample(rounds);
        int affected = 0;
        for (int i = 1; i <= rounds * 2; i++) {
            boolean measured = i > rounds;
            Features.toggleSpace(ws, hotUri, hotAt, i);
            Probe s = Probe.start();
            WorkspaceSnapshot snapshot = ws.snapshot();
            s.stop(measured ? snap : null);
            Probe d = Probe.start();
            Set<String> hit = snapshot.dependencies().filesAffectedBy(Set.of(SymbolKey.macro(GeneratedWorkspace.HOT_MACRO)));
            for (String uri : hit) {
                Features.diagnostics(snapshot, uri);
            }
            affected = hit.size();
            d.stop(measured ? hotDiag : null, measured ? hotWall : null);
            Features.toggleSpace(ws, lastUri, lastAt, i);
            WorkspaceSnapshot after = ws.snapshot();
            Probe r = Probe.start();
            Features.diagnostics(after, lastUri);
            r.stop(measured ? ruleDiag : null);
        }
        snap.print("scale-" + files + " hot_macro edit: snapshot");
        hotDiag.print("scale-" + files + " hot_macro edit: diagnostics of the " + affected + " affected files");
        hotWall.printWall("scale-" + files + " hot_macro edit: diagnostics of the affected files");
        ruleDiag.print("scale-" + files + " rule edit in the last file: diagnostics of that file");
    }

    /** CPU and allocation of the current thread from start to stop. */
    private record Probe(long cpu, long alloc, long wall) {
        static Probe start() {
            return new Probe(THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes(), System.nanoTime());
        }

        void stop(Sample into) {
            stop(into, null);
        }

        void stop(Sample into, Sample wallInto) {
            long c = THREADS.getCurrentThreadCpuTime() - cpu;
            long a = THREADS.getCurrentThreadAllocatedBytes() - alloc;
            long w = System.nanoTime() - wall;
            if (into != null) {
                into.add(c, a);
            }
            if (wallInto != null) {
                wallInto.add(w, 0);
            }
        }
    }

    private static final class Sample {
        private final long[] nanos;
        private final long[] bytes;
        private int n;

        Sample(int size) {
            nanos = new long[size];
            bytes = new long[size];
        }

        void add(long ns, long b) {
            nanos[n] = ns;
            bytes[n] = b;
            n++;
        }

        void print(String what) {
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1e6;
            double alloc = Arrays.stream(Arrays.copyOf(bytes, n)).average().orElse(0) / 1e6;
            System.out.printf("%-75s CPU mean %7.3f ms  p50 %7.3f  p95 %7.3f   alloc %7.3f MB/op  (n=%d)%n", what,
                    mean, s[n / 2] / 1e6, s[(int) (n * 0.95)] / 1e6, alloc, n);
        }

        void printWall(String what) {
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            System.out.printf("%-75s WALL p50 %7.3f ms  p95 %7.3f%n", what, s[n / 2] / 1e6, s[(int) (n * 0.95)] / 1e6);
        }
    }
}

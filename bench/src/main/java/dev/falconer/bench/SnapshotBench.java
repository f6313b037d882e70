package dev.falconer.bench;

import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The workspace snapshot after a one-character edit, alone: CPU time and bytes allocated by
 * {@link RulesWorkspace#snapshot()} on the editing thread (the edit itself, i.e. re-parsing the
 * document, is not counted). Scenarios: a rule condition and a macro condition of
 * {@code falco_rules.yaml} with the official folder loaded, then {@code hot_macro} and one rule of
 * the generated workspace of 1, 10 and 60 files. A bounded main, run e.g. with
 * {@code java -XX:TieredStopAtLevel=1 -cp benchmarks.jar dev.falconer.bench.SnapshotBench}.
 */
public final class SnapshotBench {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private SnapshotBench() {
    }

    public static void main(String[] args) {
        int warmup = Integer.getInteger("warmup", 400);
        int measured = Integer.getInteger("ops", 400);
        System.out.printf("%-34s %10s %10s %12s %10s%n", "scenario", "cpu p50 µs", "cpu mean µs", "alloc KB/op",
                "wall p50 µs");
        Path dir = Official.dir();
        Path rulesFile = dir.resolve("falco_rules.yaml");
        if (Boolean.parseBoolean(System.getProperty("official", "true"))) {
            run("official rule condition", officialEdit(dir, rulesFile, RuleItem.class), warmup, measured);
            run("official macro condition", officialEdit(dir, rulesFile, MacroItem.class), warmup, measured);
        }
        for (String n : System.getProperty("files", "1,10,60").split(",")) {
            if (n.isBlank()) {
                continue;
            }
            int files = Integer.parseInt(n.strip());
            List<Path> paths = GeneratedWorkspace.write(
                    Path.of(System.getProperty("java.io.tmpdir"), "falconer-snapshot-" + files), files);
            RulesWorkspace ws = new RulesWorkspace();
            ws.setRulesFiles(paths);
            String hotUri = RulesWorkspace.uriOf(paths.get(0));
            Edit hot = openAt(ws, hotUri, doc -> named(doc, MacroItem.class, GeneratedWorkspace.HOT_MACRO));
            // the same official rule of the first file whatever the file count: equal work, growing workspace
            Edit rule = openAt(ws, hotUri, doc -> middle(doc, RuleItem.class));
            // fewer rounds where one round is slow: the scale is what matters here
            int rounds = Math.max(20, measured / files);
            if (!Boolean.getBoolean("ruleOnly")) {
                run(files + " files: hot_macro", hot, rounds, rounds);
            }
            run(files + " files: one rule", rule, rounds, rounds);
        }
    }

    /** Where to type: the open buffer and a position inside a condition. */
    private record Edit(RulesWorkspace ws, String uri, TextPosition at) {
    }

    private static Edit officialEdit(Path dir, Path file, Class<? extends NamedItem> kind) {
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir));
        return openAt(ws, RulesWorkspace.uriOf(file), doc -> middle(doc, kind));
    }

    private static Edit openAt(RulesWorkspace ws, String uri, java.util.function.Function<RulesDocument, NamedItem> pick) {
        RulesDocument doc = ws.document(uri);
        ws.open(uri, 1, doc.text());
        doc = ws.document(uri);
        NamedItem item = pick.apply(doc);
        var condition = item instanceof RuleItem r ? r.condition() : ((MacroItem) item).condition();
        // inside the condition's text, before its last token: a change Falco must re-read
        int offset = doc.text().lastIndexOf(' ', condition.valueSpan().end() - 1);
        return new Edit(ws, uri, doc.lineIndex().position(offset));
    }

    private static <T extends NamedItem> NamedItem middle(RulesDocument doc, Class<T> kind) {
        List<T> withCondition = new ArrayList<>();
        for (T item : doc.itemsOf(kind)) {
            if (item.name() == null || item.name().startsWith("Hot rule")) {
                continue;
            }
            var c = item instanceof RuleItem r ? r.condition() : ((MacroItem) item).condition();
            if (c != null && c.scalar() != null && c.scalar().value().contains(" ")) {
                withCondition.add(item);
            }
        }
        return withCondition.get(withCondition.size() / 2);
    }

    private static NamedItem named(RulesDocument doc, Class<? extends NamedItem> kind, String name) {
        return doc.itemsOf(kind).stream().filter(i -> name.equals(i.name())).findFirst().orElseThrow();
    }

    private static void run(String name, Edit e, int warmup, int measured) {
        int round = 0;
        for (int i = 0; i < warmup; i++) {
            Features.toggleSpace(e.ws(), e.uri(), e.at(), ++round);
            e.ws().snapshot();
        }
        long[] cpu = new long[measured];
        long[] wall = new long[measured];
        long bytes = 0;
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < measured; i++) {
            Features.toggleSpace(e.ws(), e.uri(), e.at(), ++round);
            long a0 = THREADS.getThreadAllocatedBytes(thread);
            long c0 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            e.ws().snapshot();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            bytes += THREADS.getThreadAllocatedBytes(thread) - a0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-34s %10.0f %10.0f %12.0f %10.0f%n", name, cpu[measured / 2] / 1e3,
                Arrays.stream(cpu).average().orElse(0) / 1e3, bytes / 1024.0 / measured, wall[measured / 2] / 1e3);
    }
}

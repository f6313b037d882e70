package dev.falconer.bench;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one keystroke costs the server before its diagnostics, split in two: {@code change}
 * ({@link RulesWorkspace#change}: the text and the incremental parse) and {@code snapshot}
 * ({@link RulesWorkspace#snapshot()}: the workspace analysis). One space inserted then deleted
 * at the middle field of a condition (where lspprobe types) in {@code falco_rules.yaml} and
 * {@code falco-sandbox_rules.yaml}, the official folder as the workspace. CPU time and bytes
 * allocated by the calling thread. A bounded main; run with the server's flags:
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp benchmarks.jar dev.falconer.bench.KeystrokeCost [rounds]}.
 */
public final class KeystrokeCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private KeystrokeCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        System.out.printf("%-26s %-9s %10s %11s %12s%n", "file", "phase", "cpu p50 µs", "cpu mean µs", "alloc KB/op");
        for (String file : List.of("falco_rules.yaml", "falco-sandbox_rules.yaml")) {
            run(file, rounds);
        }
    }

    private static void run(String file, int rounds) {
        Path dir = Official.dir();
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir));
        String uri = RulesWorkspace.uriOf(dir.resolve(file));
        RulesDocument doc = ws.document(uri);
        ws.open(uri, 1, doc.text());
        ws.snapshot();
        TextPosition at = ws.document(uri).lineIndex().position(Features.middleField(doc.text()));
        long thread = Thread.currentThread().getId();
        long[][] cpu = new long[2][rounds];
        long[] bytes = new long[2];
        int round = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean measured = pass == 1;
            for (int i = 0; i < rounds; i++) {
                long a0 = THREADS.getThreadAllocatedBytes(thread);
                long c0 = THREADS.getCurrentThreadCpuTime();
                Features.toggleSpace(ws, uri, at, ++round);
                long a1 = THREADS.getThreadAllocatedBytes(thread);
                long c1 = THREADS.getCurrentThreadCpuTime();
                ws.snapshot();
                long a2 = THREADS.getThreadAllocatedBytes(thread);
                long c2 = THREADS.getCurrentThreadCpuTime();
                if (measured) {
                    cpu[0][i] = c1 - c0;
                    cpu[1][i] = c2 - c1;
                    bytes[0] += a1 - a0;
                    bytes[1] += a2 - a1;
                }
            }
        }
        String[] phases = {"change", "snapshot"};
        for (int p = 0; p < 2; p++) {
            long[] c = cpu[p];
            double mean = Arrays.stream(c).average().orElse(0);
            Arrays.sort(c);
            System.out.printf(Locale.ROOT, "%-26s %-9s %10.0f %11.0f %12.1f%n", file, phases[p], c[rounds / 2] / 1e3,
                    mean / 1e3, bytes[p] / 1024.0 / rounds);
        }
    }
}

package dev.falconer.bench;

import dev.falconer.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bounded main (not JMH): {@code falconer check} in process over every rules file of the shared
 * corpus at once (every {@code .yaml}/{@code .yml} with a top-level {@code - rule:},
 * {@code - macro:} or {@code - list:} entry), as one ruleset the way a CI job would check a
 * folder; prints lines per second (wall, best and median of the runs) and the CPU time of the
 * run. Run:
 * {@code java -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.CheckThroughput [runs]}.
 */
public final class CheckThroughput {
    private static final Pattern RULES = Pattern.compile("(?m)^\\s*- (rule|macro|list):");

    private CheckThroughput() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path corpus = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus").toAbsolutePath().normalize();
        List<Path> files = rulesFiles(corpus);
        long lines = 0;
        for (Path p : files) {
            lines += Official.read(p).lines().count();
        }
        List<String> argv = new ArrayList<>(List.of("check", "--format", "json"));
        files.forEach(p -> argv.add(p.toString()));
        String[] command = argv.toArray(String[]::new);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        var threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs];
        long cpu = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Main.run(command, sink, sink);
            wall[i] = System.nanoTime() - t0;
            cpu = Math.min(cpu, threads.getCurrentThreadCpuTime() - c0);
        }
        long first = wall[0];
        Arrays.sort(wall);
        System.out.printf("falconer check, %d rules files, %d lines: first run %.0f ms (%.0f lines/s); best %.0f ms"
                        + " (%.0f lines/s), median %.0f ms (%.0f lines/s); calling thread CPU best %.0f ms%n",
                files.size(), lines, first / 1e6, lines / (first / 1e9), wall[0] / 1e6, lines / (wall[0] / 1e9),
                wall[runs / 2] / 1e6, lines / (wall[runs / 2] / 1e9), cpu / 1e6);
    }

    static List<Path> rulesFiles(Path corpus) {
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> isRules(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRules(Path p) {
        try {
            return RULES.matcher(Files.readString(p)).find();
        } catch (IOException e) {
            return false; // not UTF-8: not a rules file we can count lines of
        }
    }
}

package dev.falconer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The CPU the threads of another process used so far, from {@code /proc/PID/task/*}: what the
 * server's request, JIT, GC and warm-up threads cost, without instrumenting the server.
 */
final class ProcessThreads {
    private ProcessThreads() {
    }

    /** Per thread id: {CPU ns from schedstat, {@code group} of the thread's name}. */
    static Map<String, long[]> cpu(long pid, ToIntFunction<String> group) throws IOException {
        Map<String, long[]> out = new HashMap<>();
        try (var s = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path t : s.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    long ns = Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
                    out.put(t.getFileName().toString(), new long[] {ns, group.applyAsInt(name)});
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }
}

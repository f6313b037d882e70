package dev.falconer.lsp;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the JIT compiler has caught up: its total compilation time has stayed the same for
 * {@link #QUIET_MS}. HotSpot queues a method for compilation only when the interpreter reports
 * its call count (every 128 calls at default thresholds) and only if the count beats a threshold
 * that grows with the length of the compile queue; the warm-up runs while that queue is hundreds
 * of methods long, so much of what it runs is reported and refused, and then compiled during the
 * user's first requests. Run again once the queue is empty, the same code is queued at once.
 */
final class CompilerQuiet {
    /** How long the compiler must have been idle. */
    static final long QUIET_MS = 20;
    /** At most this long: a compiler kept busy by the server's own work is not waited for. */
    static final long MAX_MS = 2000;
    private static final long POLL_MS = 5;

    private CompilerQuiet() {
    }

    /** False when the thread was interrupted (the server is going away). */
    static boolean await() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        try {
            if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
                Thread.sleep(QUIET_MS); // no way to tell: a pause
                return true;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_MS);
            long seen = jit.getTotalCompilationTime();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                Thread.sleep(POLL_MS);
                long now = jit.getTotalCompilationTime();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
                    return true;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

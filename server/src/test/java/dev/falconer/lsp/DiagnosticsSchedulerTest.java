package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DiagnosticsSchedulerTest {
    private final ServerLog log = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void onlyTheNewestVersionRuns() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (DiagnosticsScheduler s = new DiagnosticsScheduler(log)) {
            for (int v = 1; v <= 5; v++) {
                int version = v;
                s.schedule("file:///a.yaml", 50, cancel -> {
                    ran.add(version);
                    done.countDown();
                });
            }
            assertTrue(done.await(2, TimeUnit.SECONDS));
            Thread.sleep(100);
        }
        assertEquals(List.of(5), ran);
    }

    /** A large document's run does not hold up a small one's; scheduling it again still replaces it. */
    @Test
    void aSmallDocumentsRunDoesNotWaitForALargeOnes() throws Exception {
        CountDownLatch largeStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch smallRan = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (DiagnosticsScheduler s = new DiagnosticsScheduler(log)) {
            s.schedule("file:///large.yaml", 0, true, cancel -> {
                largeStarted.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.add("large 1" + (cancel.isCancelled() ? " cancelled" : ""));
            });
            assertTrue(largeStarted.await(2, TimeUnit.SECONDS));
            s.schedule("file:///small.yaml", 0, cancel -> {
                ran.add("small");
                smallRan.countDown();
            });
            assertTrue(smallRan.await(2, TimeUnit.SECONDS), "ran while the large run goes on");
            s.schedule("file:///large.yaml", 0, true, cancel -> ran.add("large 2"));
            release.countDown();
            while (!s.idle()) {
                Thread.sleep(5); // bounded by the class timeout
            }
        }
        assertEquals(List.of("small", "large 1 cancelled", "large 2"), ran);
    }

    @Test
    void isIdleOnlyWhenNoRunWaitsOrRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (DiagnosticsScheduler s = new DiagnosticsScheduler(log)) {
            assertTrue(s.idle());
            s.schedule("file:///a.yaml", 20, cancel -> {
                started.countDown();
                try {
                    release.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertFalse(s.idle()); // waiting for its delay
            assertTrue(started.await(2, TimeUnit.SECONDS));
            assertFalse(s.idle()); // running
            release.countDown();
            while (!s.idle()) {
                Thread.sleep(5); // bounded by the class timeout
            }
        }
    }

    /**
     * Runs without delay may end before {@code schedule} returns: the entry noted after them
     * stayed, the scheduler was never idle again, and the checks ahead of opening, which wait for
     * idleness on the request threads, held both of them for good (QA: after a few reloads no
     * pooled request was answered).
     */
    private static final int RUNS = 100_000;

    @Test
    void runsThatEndBeforeTheirSchedulingReturnsLeaveItIdle() throws Exception {
        try (DiagnosticsScheduler s = new DiagnosticsScheduler(log)) {
            CountDownLatch all = new CountDownLatch(RUNS);
            for (int i = 0; i < RUNS; i++) {
                s.schedule("file:///" + i + ".yaml", 0, cancel -> all.countDown());
            }
            assertTrue(all.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!s.idle() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(s.idle(), "every run ended: nothing waits or runs");
        }
    }

    @Test
    void aRunningJobSeesItWasSuperseded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch observed = new CountDownLatch(1);
        try (DiagnosticsScheduler s = new DiagnosticsScheduler(log)) {
            s.schedule("file:///a.yaml", 0, cancel -> {
                started.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < end) {
                    if (cancel.isCancelled()) {
                        observed.countDown();
                        return;
                    }
                }
            });
            assertTrue(started.await(2, TimeUnit.SECONDS));
            s.schedule("file:///a.yaml", 0, cancel -> { });
            assertTrue(observed.await(2, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailingJobIsLoggedAndTheNextStillRuns() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        try (DiagnosticsScheduler s = new DiagnosticsScheduler(log)) {
            s.schedule("file:///a.yaml", 0, cancel -> {
                throw new IllegalStateException("boom");
            });
            Thread.sleep(50);
            s.schedule("file:///b.yaml", 0, cancel -> second.countDown());
            assertTrue(second.await(2, TimeUnit.SECONDS));
        }
    }
}

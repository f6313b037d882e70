package dev.falconer.lsp;

import dev.falconer.service.Cancellation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Debounces diagnostics per document: scheduling a run for a document cancels the one still
 * pending (or running) for it, so only the newest version is analysed and published. Runs happen
 * on one background thread, never on the JSON-RPC reader thread; those of large documents on a
 * second one, so that a small file's run never queues behind theirs (QA: an edit of a small
 * file waited 2.2 s for the checks of a 10 MB file, which cannot stop midway).
 */
final class DiagnosticsScheduler implements AutoCloseable {

    /** One diagnostics run; it polls {@code cancel} and publishes only while not cancelled. */
    @FunctionalInterface
    interface Job {
        void run(Cancellation cancel);
    }

    /** A run, noted before it is handed to the timer: one that ends first must find itself to remove. */
    private record Pending(java.util.concurrent.atomic.AtomicReference<Future<?>> future, AtomicBoolean cancelled) {
        void cancel() {
            cancelled.set(true);
            Future<?> f = future.get();
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService largeTimer;
    private final ServerLog log;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    DiagnosticsScheduler(ServerLog log) {
        this.timer = timer("falconer-diagnostics");
        this.largeTimer = timer("falconer-diagnostics-large");
        this.log = log;
    }

    private static ScheduledExecutorService timer(String name) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    void schedule(String uri, long delayMs, Job job) {
        schedule(uri, delayMs, false, job);
    }

    /** As {@link #schedule(String, long, Job)}; {@code large}: on the thread for large documents. */
    void schedule(String uri, long delayMs, boolean large, Job job) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Cancellation cancel = cancelled::get;
        Runnable task = () -> {
            try {
                if (!cancelled.get()) {
                    job.run(cancel);
                }
            } catch (java.util.concurrent.CancellationException e) {
                // A newer version took over.
            } catch (RuntimeException | StackOverflowError e) {
                log.error(e, "diagnostics.failed", uri);
            } finally {
                pending.computeIfPresent(uri, (k, p) -> p.cancelled() == cancelled ? null : p);
            }
        };
        synchronized (pending) {
            Pending previous = pending.get(uri);
            if (previous != null) {
                previous.cancel();
            }
            // noted first: with no delay the run may end before schedule returns, and an entry
            // put after it stayed for good (never idle: every wait for idleness hung)
            Pending p = new Pending(new java.util.concurrent.atomic.AtomicReference<>(), cancelled);
            pending.put(uri, p);
            try {
                p.future().set((large ? largeTimer : timer).schedule(task, delayMs, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.remove(uri, p); // closed: nothing runs any more
            }
        }
    }

    /** No run is waiting or running. */
    boolean idle() {
        return pending.isEmpty();
    }

    /** Forgets a document (closed): a pending run is dropped. */
    void cancel(String uri) {
        synchronized (pending) {
            Pending p = pending.remove(uri);
            if (p != null) {
                p.cancel();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        largeTimer.shutdownNow();
        pending.clear(); // nothing will run any more: idle, so a waiting warm-up ends
    }
}

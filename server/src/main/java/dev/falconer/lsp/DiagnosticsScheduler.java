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
 * on one background thread, never on the JSON-RPC reader thread.
 */
final class DiagnosticsScheduler implements AutoCloseable {

    /** One diagnostics run; it polls {@code cancel} and publishes only while not cancelled. */
    @FunctionalInterface
    interface Job {
        void run(Cancellation cancel);
    }

    private record Pending(Future<?> future, AtomicBoolean cancelled) {
    }

    private final ScheduledExecutorService timer;
    private final ServerLog log;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    DiagnosticsScheduler(ServerLog log) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "falconer-diagnostics");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        this.log = log;
    }

    void schedule(String uri, long delayMs, Job job) {
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
                previous.cancelled().set(true);
                previous.future().cancel(false);
            }
            pending.put(uri, new Pending(timer.schedule(task, delayMs, TimeUnit.MILLISECONDS), cancelled));
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
                p.cancelled().set(true);
                p.future().cancel(false);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pending.clear(); // nothing will run any more: idle, so a waiting warm-up ends
    }
}

package dev.falconer.lsp;

import dev.falconer.service.Cancellation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/**
 * Runs requests off the JSON-RPC reader thread on a small pool. {@code $/cancelRequest} cancels
 * the returned future, which the work sees through its {@link Cancellation}. A failure inside a
 * request is logged and answered with the request's empty result: the server stays up.
 */
final class RequestRunner implements AutoCloseable {
    private final ExecutorService pool;
    private final ServerLog log;
    private final AtomicInteger running = new AtomicInteger();

    /** {@link #run} or {@link #now}. */
    @FunctionalInterface
    interface Runner<T> {
        CompletableFuture<T> run(String method, Supplier<T> empty, Function<Cancellation, T> work);
    }

    RequestRunner(int threads, ServerLog log) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "falconer-request-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.log = log;
    }

    <T> CompletableFuture<T> run(String method, Supplier<T> empty, Function<Cancellation, T> work) {
        return CompletableFutures.computeAsync(pool, (CancelChecker checker) -> {
            running.incrementAndGet();
            try {
                return work.apply(checker::isCanceled);
            } catch (CancellationException | ResponseErrorException e) {
                throw e; // a cancellation, or an answer the client must see (e.g. why a rename is refused)
            } catch (RuntimeException | StackOverflowError e) {
                log.error(e, "request.failed", method);
                return empty.get();
            } finally {
                running.decrementAndGet();
            }
        });
    }

    /**
     * Answers on the calling thread (the JSON-RPC reader): for short requests such as hover, the
     * hand-off to the pool and back costs more than the work. The work cannot be cancelled (it
     * ends before the cancellation could be read); failures are handled as in {@link #run}.
     */
    <T> CompletableFuture<T> now(String method, Supplier<T> empty, Function<Cancellation, T> work) {
        running.incrementAndGet();
        try {
            return CompletableFuture.completedFuture(work.apply(Cancellation.never()));
        } catch (ResponseErrorException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException | StackOverflowError e) {
            log.error(e, "request.failed", method);
            return CompletableFuture.completedFuture(empty.get());
        } finally {
            running.decrementAndGet();
        }
    }

    /** No request is being answered and no background work (reading the workspace) waits or runs. */
    boolean idle() {
        return running.get() == 0;
    }

    /** Work that answers no request (loading files); failures are logged. */
    void background(Runnable work) {
        running.incrementAndGet();
        Background task = new Background(() -> {
            try {
                work.run();
            } catch (RuntimeException | StackOverflowError e) {
                log.error(e, "background.failed"); // e.g. explaining ahead a pathological macro
            } finally {
                running.decrementAndGet();
            }
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            running.decrementAndGet(); // closed: the work never runs
            throw e;
        }
    }

    /** Background work, told apart from requests when the pool drops queued work on close. */
    private record Background(Runnable work) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    @Override
    public void close() {
        for (Runnable dropped : pool.shutdownNow()) {
            if (dropped instanceof Background) {
                running.decrementAndGet(); // counted when queued, will never run
            }
        }
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.falconer.lsp;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Collects eden when the conversation with the client pauses ({@link #IDLE_MS} without a message)
 * and a good part of it is used: the next burst of typing, hovers and completions then starts
 * with room for several megabytes before a young collection can land on one of them. A message
 * only notes its time (and arms one check when none is pending); nothing runs while the client
 * is silent.
 */
final class IdleCollection implements AutoCloseable {
    /** A pause between two keystrokes of someone typing briskly is shorter; one while reading is longer. */
    static final long IDLE_MS = 100;
    /** Collect when less than this is free: 6 MB lets ~100 hovers or a few edits go by (eden is 8 MB with the clients' flags). */
    static final long MIN_FREE = 6L << 20;

    private final Supplier<YoungCollections> collections;
    private final BooleanSupplier busy;
    private final ScheduledThreadPoolExecutor timer;
    /** When the last message came or went ({@link System#nanoTime}). */
    private volatile long lastActivity;
    /** A check is scheduled: messages then only move {@link #lastActivity}, they schedule nothing. */
    private final AtomicBoolean armed = new AtomicBoolean();

    /** {@code collections} may give {@code null} (not known yet, or switched off): then nothing is collected. */
    IdleCollection(Supplier<YoungCollections> collections, BooleanSupplier busy) {
        this.collections = collections;
        this.busy = busy;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "falconer-idle");
            t.setDaemon(true);
            return t;
        });
    }

    /** A message came or went: the pause starts again from now. */
    void activity() {
        lastActivity = System.nanoTime();
        if (armed.compareAndSet(false, true)) {
            schedule(IDLE_MS);
        }
    }

    private void schedule(long delayMs) {
        try {
            timer.schedule(this::check, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            armed.set(false); // closed
        }
    }

    /** Collects once the conversation has been quiet for {@link #IDLE_MS}, or looks again when that will be. */
    private void check() {
        long quietMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivity);
        if (quietMs < IDLE_MS) {
            schedule(IDLE_MS - quietMs);
            return;
        }
        armed.set(false);
        if (System.nanoTime() - lastActivity < TimeUnit.MILLISECONDS.toNanos(IDLE_MS) && armed.compareAndSet(false, true)) {
            schedule(IDLE_MS); // a message came while this check was deciding
            return;
        }
        YoungCollections young = collections.get();
        // busy: the work in progress ends with a message (an answer, diagnostics), which re-arms
        if (young != null && !busy.getAsBoolean()) {
            young.collectIfLow(MIN_FREE);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

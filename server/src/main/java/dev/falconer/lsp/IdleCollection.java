package dev.falconer.lsp;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Collects eden when the conversation with the client pauses ({@link #IDLE_MS} without a message)
 * and a good part of it is used: the next burst of typing, hovers and completions then starts
 * with room for several megabytes before a young collection can land on one of them. Every
 * message re-arms one timer; nothing runs while the server is busy or the client is silent.
 */
final class IdleCollection implements AutoCloseable {
    /** A pause between two keystrokes of someone typing briskly is shorter; one while reading is longer. */
    static final long IDLE_MS = 100;
    /** Collect when less than this is free: 6 MB lets ~100 hovers or a few edits go by (eden is 8 MB with the clients' flags). */
    static final long MIN_FREE = 6L << 20;

    private final Supplier<YoungCollections> collections;
    private final BooleanSupplier busy;
    private final ScheduledThreadPoolExecutor timer;
    private ScheduledFuture<?> pending;

    /** {@code collections} may give {@code null} (not known yet, or switched off): then nothing is collected. */
    IdleCollection(Supplier<YoungCollections> collections, BooleanSupplier busy) {
        this.collections = collections;
        this.busy = busy;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "falconer-idle");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** A message came or went: the pause starts again from now. */
    synchronized void activity() {
        if (timer.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::paused, IDLE_MS, TimeUnit.MILLISECONDS);
    }

    private void paused() {
        YoungCollections young = collections.get();
        // busy: the work in progress ends with a message (an answer, diagnostics), which re-arms
        if (young != null && !busy.getAsBoolean()) {
            young.collectIfLow(MIN_FREE);
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
    }
}

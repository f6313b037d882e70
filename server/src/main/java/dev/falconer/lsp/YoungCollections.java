package dev.falconer.lsp;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a young collection at a moment the server picks. A young collection stops every thread
 * for 3-8 ms (Serial, the clients' flags); it lands on whatever allocates the byte that fills
 * eden, and after an edit that is most often the completion or hover the editor asks for once the
 * diagnostics are out. The server collects instead just before those diagnostics are published
 * when eden is nearly full ({@link #BEFORE_PUBLISH}: the pause delays a notification the user does
 * not wait on with the cursor), and in pauses of the conversation when a good part of it is used
 * ({@link IdleCollection}: the pause then delays nothing). Costs a collection now and then with
 * some of eden unused, each no longer than it would have been: its cost is in what survives.
 */
final class YoungCollections {
    /** Room below which eden is collected before publishing: what a completion answer allocates, twice over. */
    static final long BEFORE_PUBLISH = 1 << 20;
    private static final int CHUNK = 64 * 1024;

    /** Eden's free bytes and the young collector's count, read from the JVM (a seam for tests). */
    interface Gauge {
        long free();

        long collections();
    }

    private static volatile Object sink;

    private final Gauge gauge;
    private final long maxChunks;
    private final Runnable allocateChunk;

    YoungCollections(Gauge gauge, long maxChunks, Runnable allocateChunk) {
        this.gauge = gauge;
        this.maxChunks = maxChunks;
        this.allocateChunk = allocateChunk;
    }

    /**
     * The collections of this JVM when its eden has a fixed size, as with the Serial collector the
     * clients run (or Parallel); else {@code null}: G1 sizes eden as it goes, so "little room
     * left" would mean a collection before every publication. Loads the management classes
     * (~35 ms): called off the request threads.
     */
    static YoungCollections forServer() {
        MemoryPoolMXBean eden = eden();
        return eden != null && FIXED_EDENS.contains(eden.getName()) ? of(eden) : null;
    }

    /** Eden pools whose capacity is the young generation's fixed share (Serial, Parallel). */
    static final java.util.Set<String> FIXED_EDENS = java.util.Set.of("Eden Space", "PS Eden Space");

    private static MemoryPoolMXBean eden() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Eden")).findFirst().orElse(null);
    }

    /** The collections of this JVM whatever its collector, or {@code null} when it has no eden pool with a collector of its own. */
    static YoungCollections ofThisJvm() {
        MemoryPoolMXBean eden = eden();
        return eden == null ? null : of(eden);
    }

    /** The collections of {@code eden}, or {@code null} when no collector of its own manages it. */
    private static YoungCollections of(MemoryPoolMXBean eden) {
        // The young collector manages eden and the fewest other pools (Serial: Copy, not MarkSweepCompact).
        GarbageCollectorMXBean young = null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            List<String> pools = Arrays.asList(gc.getMemoryPoolNames());
            if (pools.contains(eden.getName())
                    && (young == null || pools.size() < young.getMemoryPoolNames().length)) {
                young = gc;
            }
        }
        if (young == null) {
            return null;
        }
        GarbageCollectorMXBean collector = young;
        Gauge gauge = new Gauge() {
            @Override
            public long free() {
                MemoryUsage u = eden.getUsage();
                return u.getCommitted() - u.getUsed();
            }

            @Override
            public long collections() {
                return collector.getCollectionCount();
            }
        };
        return new YoungCollections(gauge, Math.max(16, Runtime.getRuntime().maxMemory() / CHUNK),
                () -> sink = new byte[CHUNK]);
    }

    /**
     * Collects when eden has less than {@code minFree} bytes left, by allocating until the young
     * collector has run (bounded); true when it did.
     */
    boolean collectIfLow(long minFree) {
        if (gauge.free() >= minFree) {
            return false;
        }
        long before = gauge.collections();
        for (long i = 0; i < maxChunks && gauge.collections() == before; i++) {
            allocateChunk.run();
        }
        sink = null;
        return gauge.collections() != before;
    }
}

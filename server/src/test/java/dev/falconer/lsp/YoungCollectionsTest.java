package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class YoungCollectionsTest {
    /** Eden of {@code capacity} bytes: each chunk takes {@code chunk} bytes, and filling it collects. */
    private static final class FakeEden implements YoungCollections.Gauge {
        final long capacity;
        final long chunk;
        long used;
        long collections;
        int chunks;

        FakeEden(long capacity, long chunk, long used) {
            this.capacity = capacity;
            this.chunk = chunk;
            this.used = used;
        }

        void allocate() {
            chunks++;
            if (used + chunk > capacity) {
                collections++;
                used = 0;
            }
            used += chunk;
        }

        @Override
        public long free() {
            return capacity - used;
        }

        @Override
        public long collections() {
            return collections;
        }
    }

    @Test
    void enoughRoomLeftAllocatesNothing() {
        FakeEden eden = new FakeEden(8 << 20, 64 << 10, 6 << 20);
        YoungCollections young = new YoungCollections(eden, 1000, eden::allocate);
        assertFalse(young.collectIfLow(1 << 20));
        assertEquals(0, eden.chunks);
        assertEquals(0, eden.collections);
    }

    @Test
    void littleRoomLeftCollectsOnceAndStops() {
        FakeEden eden = new FakeEden(8 << 20, 64 << 10, (8 << 20) - (512 << 10));
        YoungCollections young = new YoungCollections(eden, 1000, eden::allocate);
        assertTrue(young.collectIfLow(1 << 20));
        assertEquals(1, eden.collections);
        assertEquals(9, eden.chunks); // eight fill the 512 KB left, the ninth collects
        assertFalse(young.collectIfLow(1 << 20)); // eden is empty again
    }

    @Test
    void aCollectorThatNeverRunsEndsTheLoopAtItsBound() {
        FakeEden eden = new FakeEden(Long.MAX_VALUE, 0, Long.MAX_VALUE - 1);
        YoungCollections young = new YoungCollections(eden, 50, eden::allocate);
        assertFalse(young.collectIfLow(1 << 20));
        assertEquals(50, eden.chunks);
    }

    @Test
    void thisJvmsYoungCollectorRuns() {
        YoungCollections young = YoungCollections.ofThisJvm();
        assertNotNull(young, "every collector of Java 17 but Epsilon and ZGC has an eden");
        long before = youngCollections();
        assertTrue(young.collectIfLow(Long.MAX_VALUE));
        assertTrue(youngCollections() > before);
    }

    @Test
    void theServerCollectsOnlyWhereEdenHasAFixedSize() {
        String eden = ManagementFactory.getMemoryPoolMXBeans().stream().map(p -> p.getName())
                .filter(n -> n.contains("Eden")).findFirst().orElse("");
        assertEquals(YoungCollections.FIXED_EDENS.contains(eden), YoungCollections.forServer() != null, eden);
    }

    private static long youngCollections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (java.util.Arrays.stream(gc.getMemoryPoolNames()).anyMatch(p -> p.contains("Eden"))) {
                n += Math.max(0, gc.getCollectionCount());
            }
        }
        return n;
    }
}

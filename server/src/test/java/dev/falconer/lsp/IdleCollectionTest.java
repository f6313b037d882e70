package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleCollectionTest {
    /** Eden that is always nearly full, counting the collections asked of it. */
    private static final class FullEden implements YoungCollections.Gauge {
        final AtomicInteger collections = new AtomicInteger();
        final CountDownLatch collected = new CountDownLatch(1);

        @Override
        public long free() {
            return 0;
        }

        @Override
        public long collections() {
            return collections.get();
        }

        void allocate() {
            collections.incrementAndGet();
            collected.countDown();
        }
    }

    @Test
    void aPauseCollectsOnce() throws Exception {
        FullEden eden = new FullEden();
        YoungCollections young = new YoungCollections(eden, 10, eden::allocate);
        try (IdleCollection idle = new IdleCollection(() -> young, () -> false)) {
            for (int i = 0; i < 50; i++) {
                idle.activity(); // a burst of messages: each re-arms the one timer
            }
            assertTrue(eden.collected.await(5, TimeUnit.SECONDS));
            Thread.sleep(3 * IdleCollection.IDLE_MS);
            assertEquals(1, eden.collections.get());
        }
    }

    @Test
    void nothingIsCollectedWhileTheServerIsBusyOrBeforeItKnowsItsHeap() throws Exception {
        FullEden eden = new FullEden();
        YoungCollections young = new YoungCollections(eden, 10, eden::allocate);
        AtomicBoolean busy = new AtomicBoolean(true);
        try (IdleCollection whileBusy = new IdleCollection(() -> young, busy::get);
                IdleCollection unknown = new IdleCollection(() -> null, () -> false)) {
            whileBusy.activity();
            unknown.activity();
            Thread.sleep(3 * IdleCollection.IDLE_MS);
            assertEquals(0, eden.collections.get());
            busy.set(false);
            whileBusy.activity(); // the busy work ended with a message
            assertTrue(eden.collected.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closedItIgnoresMessages() {
        IdleCollection idle = new IdleCollection(() -> null, () -> false);
        idle.close();
        idle.activity();
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.service.FalconerService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WarmupTest {
    private static final FalconerService SERVICE =
            new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());

    @Test
    void theWarmUpWaitsWhileTheServerIsBusyThenFinishes() {
        AtomicInteger asked = new AtomicInteger();
        // busy for the first three questions, then idle
        Warmup.exercise(SERVICE, () -> asked.incrementAndGet() <= 3, null);
        assertTrue(asked.get() > 3, "the warm-up asked whether the server was busy: " + asked.get());
    }

    @Test
    void anInterruptedWarmUpStopsInsteadOfWaitingForever() {
        Thread.currentThread().interrupt();
        try {
            Warmup.exercise(SERVICE, () -> true, null);
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
        }
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A change's diagnostics run at once, unless the change is one of a burst (see FalconerTextDocumentService#documentChanged). */
class BurstDelayTest {
    private static long ms(long n) {
        return TimeUnit.MILLISECONDS.toNanos(n);
    }

    @Test
    void keystrokesAreCheckedAtOnceAndABurstWaitsForItsNextChange() {
        // a person typing: changes tens of milliseconds apart run with the configured pause
        assertEquals(0, FalconerTextDocumentService.runDelay(ms(40), 0));
        assertEquals(50, FalconerTextDocumentService.runDelay(ms(40), 50));
        // a burst: the run waits for the next change, never less than the configured pause
        assertEquals(FalconerTextDocumentService.BURST_DELAY_MS, FalconerTextDocumentService.runDelay(ms(1) / 10, 0));
        assertEquals(50, FalconerTextDocumentService.runDelay(0, 50));
        assertEquals(0, FalconerTextDocumentService.runDelay(ms(FalconerTextDocumentService.BURST_GAP_MS), 0));
    }
}

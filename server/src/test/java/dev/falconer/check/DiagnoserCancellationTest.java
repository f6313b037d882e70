package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run whose result is no longer wanted stops between two units, and the units it kept stay sound. */
class DiagnoserCancellationTest {
    private static String rules(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("- macro: m").append(i).append("\n  condition: evt.type = open and proc.nme = x").append(i)
                    .append("\n- rule: r").append(i).append("\n  desc: d\n  condition: m").append(i)
                    .append(" and fd.name startswith /etc\n  output: \"%proc.name %no.such\"\n  priority: INFO\n");
        }
        return text.toString();
    }

    /**
     * Two runs side by side (a large document's and a small one's): a run that began with the
     * settings before a change, and goes on after the cache was cleared for the new ones, does not
     * put its findings back (QA: warnings of a source setting already undone stayed for good).
     */
    @Test
    void aRunWithSettingsGoneByKeepsNothing() throws Exception {
        // the large document, and a small one whose run clears the cache for the new settings
        WorkspaceSnapshot ws = Checks.snapshot(rules(40), "- list: small\n  items: [a]\n");
        String uri = Checks.uri(0);
        CheckSettings before = CheckSettings.defaults().withSources(java.util.Set.of("k8s_audit"));
        CheckSettings now = CheckSettings.defaults();
        String expected = Checks.describe(Diagnoser.uncached(FieldCatalog.defaults()).diagnose(ws, uri, now));
        assertFalse(expected.contains("unknown-source"), expected);
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var old = other.submit(() -> diagnoser.diagnose(ws, uri, before, () -> {
                if (asked.incrementAndGet() == 10) {
                    paused.countDown();
                    try {
                        resume.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }));
            assertTrue(paused.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertFalse(diagnoser.diagnose(ws, Checks.uri(1), now).isEmpty(), "the small document's run");
            resume.countDown();
            assertTrue(Checks.describe(old.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("unknown-source"));
        } finally {
            other.shutdownNow();
        }
        assertEquals(expected, Checks.describe(diagnoser.diagnose(ws, uri, now)), "nothing of the old run reused");
    }

    @Test
    void aCancelledRunStopsBetweenUnitsAndTheNextRunFindsEverything() {
        WorkspaceSnapshot ws = Checks.snapshot(rules(40));
        String uri = Checks.uri(0);
        List<Diagnostic> expected = Diagnoser.uncached(FieldCatalog.defaults()).diagnose(ws, uri, CheckSettings.defaults());
        assertTrue(expected.size() >= 80, Checks.describe(expected));

        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        assertThrows(CancellationException.class,
                () -> diagnoser.diagnose(ws, uri, CheckSettings.defaults(), () -> true));
        // asked once per unit: stopped after 25 of them, mid-way through a validator
        AtomicInteger asked = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> diagnoser.diagnose(ws, uri, CheckSettings.defaults(), () -> asked.incrementAndGet() > 25));
        assertEquals(26, asked.get(), "no unit checked after the answer turned");
        long[] before = diagnoser.unitCounts();
        assertFalse(before[1] == 0, "the units before the stop were checked");
        assertEquals(Checks.describe(expected),
                Checks.describe(diagnoser.diagnose(ws, uri, CheckSettings.defaults(), () -> false)));
    }
}

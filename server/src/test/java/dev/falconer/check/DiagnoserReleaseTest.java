package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** After a document is closed, the checks keep nothing of the snapshot that had it. */
class DiagnoserReleaseTest {
    private static final String RULES = "- macro: m\n  condition: evt.type = open\n"
            + "- rule: r\n  desc: d\n  condition: m and proc.nme = x\n  output: o\n  priority: INFO\n";

    @Test
    void theFactsOfAnEarlierSnapshotAreLetGo() throws InterruptedException {
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        WeakReference<WorkspaceSnapshot> earlier = checked(diagnoser);
        WorkspaceSnapshot latest = Checks.snapshot("- list: l\n  items: [a]\n");
        collect(earlier);
        assertNotNull(earlier.get(), "held until released (else this test shows nothing)");
        diagnoser.release(latest);
        collect(earlier);
        assertNull(earlier.get());
        assertFalse(diagnoser.diagnose(latest, Checks.uri(0), CheckSettings.defaults()).isEmpty(), "checks on");
    }

    private static WeakReference<WorkspaceSnapshot> checked(Diagnoser diagnoser) {
        WorkspaceSnapshot s = Checks.snapshot(RULES);
        assertFalse(diagnoser.diagnose(s, Checks.uri(0), CheckSettings.defaults()).isEmpty());
        return new WeakReference<>(s);
    }

    private static void collect(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
    }
}

package dev.falconer.workspace;

import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot is one keystroke's state: the snapshots after it share what did not change, but must
 * not keep it alive (a chain of them would grow with every keystroke). The units of names below
 * an edit only move, and compute their references when first asked for: the case to watch.
 */
class SnapshotRetentionTest {
    private static final String URI = "file:///rules.yaml";
    private static final String TEXT = """
            - macro: spawned
              condition: evt.type = execve
            - list: shells
              items: [bash, sh]
            - macro: shell_procs
              condition: proc.name in (shells) and spawned
            - rule: Shell
              desc: a shell
              condition: shell_procs
              output: "%proc.name"
              priority: WARNING
            """;

    @Test
    void earlierSnapshotsAreLeftToTheCollector() throws InterruptedException {
        RulesWorkspace w = new RulesWorkspace();
        w.open(URI, 1, TEXT);
        w.snapshot();
        WeakReference<MergedRules> first = null;
        for (int version = 2; version < 8; version++) {
            // typed at the top: every item below moves
            w.change(URI, version, List.of(new ContentChange(new TextRange(new TextPosition(1, 13),
                    new TextPosition(1, 13)), " ")));
            WorkspaceSnapshot s = w.snapshot(); // nobody asks for its references
            if (first == null) {
                first = new WeakReference<>(s.merged()); // the first snapshot with moved units
            }
        }
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(first.get() == null, "the merged rules of the first edit are still reachable from the last snapshot");
        // the moved items' references, placed when asked for, at their new places
        List<SymbolReference> uses = w.snapshot().symbols().references(SymbolKey.macro("shell_procs"));
        assertEquals(1, uses.size());
        String text = w.document(URI).textDocument().text();
        assertEquals("shell_procs", text.substring(uses.get(0).location().span().start(), uses.get(0).location().span().end()));
    }
}

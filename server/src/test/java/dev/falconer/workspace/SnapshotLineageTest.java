package dev.falconer.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.text.ContentChange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a snapshot's lineage says about the change that made it (see {@link SnapshotLineage}). */
class SnapshotLineageTest {
    private static final String URI = "file:///lineage/a.yaml";
    // entries: 0 list, 1 macro, 2 rule, 3 rule
    private static final String TEXT = """
            - list: shells
              items: [bash, sh]

            - macro: spawned
              condition: evt.type = execve and proc.name in (shells)

            # the first rule
            - rule: One
              desc: one
              condition: spawned and proc.name = a
              output: "%proc.name"
              priority: INFO

            - rule: Two
              desc: two
              condition: proc.name = b
              output: "%proc.name"
              priority: INFO
            """;

    private final RulesWorkspace ws = new RulesWorkspace();
    private int version = 1;

    private SnapshotLineage edit(int line, int from, int to, String text) {
        ws.change(URI, ++version, List.of(ContentChange.replace(line, from, line, to, text)));
        return ws.snapshot().lineage();
    }

    private SnapshotLineage start() {
        ws.open(URI, 1, TEXT);
        return ws.snapshot().lineage();
    }

    @Test
    void aKeystrokeInAConditionIsAStepNamingItsEntry() {
        SnapshotLineage first = start();
        assertNull(first.parent(), "analysed from scratch");
        SnapshotLineage next = edit(9, 37, 38, "x"); // "a" -> "x" in rule One
        assertSame(first, next.parent());
        assertEquals(URI, next.uri());
        assertEquals(Set.of(2), next.changedItems());
        assertEquals(Set.of(SymbolKey.rule("One")), next.changedNames());
        assertFalse(next.usersChanged());
        assertTrue(next.descendsFrom(first.id(), true));
        // entries after the edit moved but read the same: only the edited one is named
        SnapshotLineage third = edit(4, 13, 13, " ");
        assertEquals(Set.of(1), third.changedItems());
        assertTrue(third.descendsFrom(first.id(), true));
    }

    @Test
    void aCommentBetweenEntriesChangesTheChunkItEnds() {
        SnapshotLineage first = start();
        SnapshotLineage next = edit(6, 2, 5, "one"); // "# the first rule" -> "# one first rule"
        assertSame(first, next.parent());
        // the comment ends the chunk of the entry above it, whose text therefore changed
        assertEquals(Set.of(1), next.changedItems());
        assertEquals(Set.of(SymbolKey.macro("spawned")), next.changedNames());
    }

    @Test
    void usingAnotherMacroOrListChangesTheUsers() {
        start();
        SnapshotLineage next = edit(15, 13, 26, "spawned"); // rule Two now uses the macro
        assertEquals(Set.of(SymbolKey.rule("Two")), next.changedNames());
        assertTrue(next.usersChanged());
        assertFalse(next.descendsFrom(next.parent().id(), true));
        assertTrue(next.descendsFrom(next.parent().id(), false));
    }

    @Test
    void listsRenamesAndNewEntriesStartAFreshLineage() {
        SnapshotLineage first = start();
        SnapshotLineage list = edit(1, 16, 18, "zsh");
        assertNull(list.parent(), "a list edit is not a step");
        SnapshotLineage renamed = edit(13, 8, 11, "Three");
        assertNull(renamed.parent(), "a rename is not a step");
        SnapshotLineage added = edit(0, 0, 0, "- macro: extra\n  condition: proc.name = c\n\n");
        assertNull(added.parent(), "a new entry is not a step");
        assertFalse(added.descendsFrom(first.id(), false));
    }
}

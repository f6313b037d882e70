package dev.falconer.workspace;

import dev.falconer.text.ContentChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;


class RulesWorkspaceTest {
    @TempDir
    Path dir;

    private RulesWorkspace workspace() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "- macro: m\n  condition: a\n");
        Path d = Files.createDirectories(dir.resolve("rules.d"));
        Files.writeString(d.resolve("20-b.yml"), "- macro: m\n  condition: b\n");
        Files.writeString(d.resolve("10-a.yaml"), "- macro: m\n  condition: or x\n  append: true\n");
        Files.writeString(d.resolve("notes.txt"), "not rules");
        Files.createDirectories(d.resolve("sub.yaml"));
        // the files are small: read side by side all the same, as a large workspace's would be
        RulesWorkspace ws = new RulesWorkspace(new HandAsts(), 0);
        ws.setRulesFiles(List.of(dir.resolve("base.yaml"), d));
        return ws;
    }

    /** Files are named as the file system spells them, with their path where two share a name (QA round 17). */
    @Test
    void filesAreShownByNameOrByPathWhereNamesRepeat() {
        List<String> uris = List.of("file:///w/my%20rules/a%20%C3%BC.yaml", "file:///w/team1/rules.yaml",
                "file:///w/team2/rules.yaml");
        var shown = RulesWorkspace.shownNames(uris);
        assertEquals("a ü.yaml", shown.apply(uris.get(0)));
        assertEquals(Path.of("/w/team1/rules.yaml").toString(), shown.apply(uris.get(1)));
        assertEquals(Path.of("/w/team2/rules.yaml").toString(), shown.apply(uris.get(2)));
        // a buffer with no file: as the editor names it
        assertEquals("untitled:Untitled-1", RulesWorkspace.shownNames(List.of("untitled:Untitled-1")).apply("untitled:Untitled-1"));
    }

    @Test
    void directoriesExpandToSortedYamlFiles() throws IOException {
        RulesWorkspace ws = workspace();
        assertEquals(List.of(RulesWorkspace.uriOf(dir.resolve("base.yaml")),
                RulesWorkspace.uriOf(dir.resolve("rules.d/10-a.yaml")),
                RulesWorkspace.uriOf(dir.resolve("rules.d/20-b.yml"))), ws.loadOrder());
        assertEquals("b", ws.snapshot().merged().macros().get("m").condition().text());
    }

    /**
     * A large buffer is parsed outside the lock: until then neither it nor its disk file is in
     * the snapshots, the changes made meanwhile are kept and read as an edit, and a close in
     * between leaves nothing behind.
     */
    @Test
    void aBufferParsedOutsideTheLockKeepsTheChangesMadeMeanwhile() throws IOException {
        RulesWorkspace ws = workspace();
        String base = RulesWorkspace.uriOf(dir.resolve("base.yaml"));
        assertEquals(true, ws.openUnparsed(base, 1, "- macro: m\n  condition: typed\n- macro: z\n  condition: q\n"));
        assertNull(ws.snapshot().document(base), "not the disk text: requests would be answered from it");
        assertNull(ws.document(base));
        assertNull(ws.documentAsLastRead(base));
        assertEquals(1, ws.openVersion(base));
        // a change typed while the parse runs
        dev.falconer.rules.RulesDocument parsed = ws.parseUnparsed(base, text -> {
            ws.change(base, 2, List.of(ContentChange.replace(3, 13, 3, 14, "edited")));
            assertEquals(2, ws.openVersion(base));
            assertEquals(61, ws.openLength(base)); // 56 characters, one of them replaced by six
            return dev.falconer.rules.RulesDocument.parse(text);
        });
        assertEquals(1, parsed.version());
        // the change typed during the parse is there, read as an edit
        assertEquals(2, ws.document(base).version());
        assertEquals("edited", ws.snapshot().merged().macros().get("z").condition().text());
        assertFalse(ws.openUnparsed(base, 3, "- macro: m\n  condition: again\n"), "open already");
        assertNull(ws.parseUnparsed(base), "nothing waits");
        // closed before its parse ended: the disk counts again and the parse puts nothing back
        String other = RulesWorkspace.uriOf(dir.resolve("other_rules.yaml"));
        ws.openUnparsed(other, 1, "- macro: o\n  condition: x\n");
        ws.close(other);
        assertNull(ws.parseUnparsed(other));
        assertNull(ws.openVersion(other));
        assertFalse(ws.snapshot().merged().macros().containsKey("o"));
        // opened the usual way meanwhile: that text wins
        ws.openUnparsed(other, 1, "- macro: o\n  condition: x\n");
        ws.open(other, 2, "- macro: o\n  condition: y\n");
        assertNull(ws.parseUnparsed(other));
        assertEquals("y", ws.snapshot().merged().macros().get("o").condition().text());
    }

    /**
     * A large buffer's changes are read outside the lock: the editor's next messages (a keystroke,
     * a hover in another file) do not wait for the reading, and a request about another document
     * is answered from the last view made, without the large file's latest keystrokes.
     */
    @Test
    void aLargeBuffersChangeHoldsUpNoOtherDocument() throws Exception {
        RulesWorkspace ws = new RulesWorkspace(new HandAsts(), 0);
        ws.largeTextFrom(20);
        String big = "file:///big.yaml";
        String small = "file:///small.yaml";
        ws.open(big, 1, "- macro: b\n  condition: one\n");
        ws.open(small, 1, "- macro: s\n  condition: x\n");
        WorkspaceSnapshot before = ws.snapshot();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ws.readChangesWith((doc, text) -> {
            reading.countDown();
            awaitQuietly(release);
            return doc.update(text);
        });
        ws.change(big, 2, List.of(ContentChange.replace(1, 13, 1, 16, "two")));
        assertSame(before, ws.snapshotFor(small), "nothing read for another document's request");
        ExecutorService maker = Executors.newSingleThreadExecutor();
        try {
            Future<WorkspaceSnapshot> made = maker.submit(() -> ws.snapshot());
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                // the big change is being read meanwhile: the lock is free
                ws.change(big, 3, List.of(ContentChange.replace(1, 13, 1, 13, "t")));
                assertEquals(3, ws.openVersion(big));
                assertSame(before, ws.snapshotFor(small));
                assertEquals(1, ws.documentAsLastRead(big).version());
                assertEquals(List.of(big, small), ws.loadOrder());
            });
            release.countDown();
            WorkspaceSnapshot first = made.get(10, TimeUnit.SECONDS);
            assertEquals(2, first.document(big).version(), "the change read; the keystroke after it is the next view's");
            assertEquals("two", first.merged().macros().get("b").condition().text());
        } finally {
            maker.shutdownNow();
        }
        WorkspaceSnapshot next = ws.snapshotFor(big);
        assertEquals(3, next.document(big).version(), "the large document's own requests see it current");
        assertSame(next, ws.snapshotFor(small));
        // a change of the document asked about, or of a small one, is read before answering
        ws.change(big, 4, List.of(ContentChange.replace(1, 13, 1, 14, "")));
        assertEquals(4, ws.snapshotFor(big).document(big).version());
        ws.change(big, 5, List.of(ContentChange.replace(1, 13, 1, 13, "t")));
        ws.change(small, 2, List.of(ContentChange.replace(1, 13, 1, 14, "y")));
        WorkspaceSnapshot current = ws.snapshotFor(small);
        assertEquals(2, current.document(small).version());
        assertEquals(5, current.document(big).version());
        // a document opened or closed is no keystroke: the view is made anew
        ws.change(big, 6, List.of(ContentChange.replace(1, 13, 1, 14, "")));
        ws.close("file:///other.yaml");
        assertEquals(6, ws.snapshotFor(small).document(big).version());
    }

    /**
     * A file found changed on disk while it is being read (outside the lock) is read again: the
     * reading of its earlier text is not kept (QA: it stayed for good, in every answer).
     */
    @Test
    void aFileChangedWhileItIsReadIsReadAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), "- macro: marker_v1\n  condition: a\n");
        RulesWorkspace ws = new RulesWorkspace(new HandAsts(), 0);
        ws.setRulesFiles(List.of(file));
        String uri = RulesWorkspace.uriOf(file);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ws.readFilesWith((u, p) -> {
            dev.falconer.rules.RulesDocument read = dev.falconer.rules.RulesDocument.parse(u, readQuietly(p));
            reading.countDown();
            awaitQuietly(release);
            return read;
        });
        Files.writeString(file, "- macro: marker_v2\n  condition: a\n");
        ExecutorService asker = Executors.newSingleThreadExecutor();
        try {
            Future<dev.falconer.rules.RulesDocument> first = asker.submit(() -> ws.document(uri));
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            Files.writeString(file, "- macro: marker_v3\n  condition: a\n");
            ws.fileChanged(file);
            release.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS).text().contains("marker_v2"), "what was read then");
        } finally {
            asker.shutdownNow();
        }
        assertTrue(ws.document(uri).text().contains("marker_v3"));
        assertEquals(Set.of("marker_v3"), ws.snapshot().merged().macros().keySet());
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An editor drops the byte order mark: a name's place read from the disk must be where the editor has it. */
    /** VS Code writes {@code %28} where Java writes {@code (}: the buffer still stands in for the file. */
    @Test
    void aBufferOfADiskFileSpelledOtherwiseReplacesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("team (copy)_rules.yaml"), "- macro: m\n  condition: disk\n");
        RulesWorkspace ws = new RulesWorkspace(new HandAsts(), 0);
        ws.setRulesFiles(List.of(file));
        String disk = RulesWorkspace.uriOf(file);
        String editor = disk.replace("(", "%28").replace(")", "%29");
        assertNotEquals(disk, editor);
        ws.open(editor, 1, "- macro: m\n  condition: buffer\n");
        assertEquals(List.of(editor), ws.loadOrder());
        assertEquals(List.of(editor), ws.snapshot().documents().stream().map(d -> d.uri()).toList());
        assertEquals("buffer", ws.snapshot().merged().macros().get("m").condition().text());
        ws.close(editor);
        assertEquals(List.of(disk), ws.loadOrder());
        assertEquals("disk", ws.snapshot().merged().macros().get("m").condition().text());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheText() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.yaml"), "\uFEFF- macro: bom\n  condition: a\n");
        RulesWorkspace ws = new RulesWorkspace(new HandAsts(), 0);
        ws.setRulesFiles(List.of(file));
        String text = ws.document(RulesWorkspace.uriOf(file)).text();
        assertEquals("- macro: bom\n  condition: a\n", text);
        assertEquals("a", ws.snapshot().merged().macros().get("bom").condition().text());
    }

    /**
     * Changes are read when the document is asked for: a burst is read once, as one edit, and
     * gives the document a fresh parse of the final text would give.
     */
    @Test
    void changesAreReadWhenTheDocumentIsAskedFor() {
        RulesWorkspace ws = new RulesWorkspace(new HandAsts(), 0);
        String uri = "file:///typed.yaml";
        ws.open(uri, 1, "- macro: m\n  condition: a\n");
        dev.falconer.rules.RulesDocument first = ws.document(uri);
        for (int i = 0; i < 20; i++) {
            ws.change(uri, i + 2, List.of(ContentChange.replace(1, 14 + i, 1, 14 + i, "b")));
        }
        assertSame(first, ws.documentAsLastRead(uri), "not read yet");
        assertEquals(21, ws.openVersion(uri));
        dev.falconer.rules.RulesDocument read = ws.document(uri);
        assertEquals(21, read.version());
        assertEquals("- macro: m\n  condition: a" + "b".repeat(20) + "\n", read.text());
        assertEquals(dev.falconer.rules.RulesDocument.parse(uri, read.text()).items().toString(), read.items().toString());
        assertSame(read, ws.documentAsLastRead(uri));
        assertSame(read, ws.snapshot().document(uri), "the snapshot takes the read document");
        // a change after the snapshot is read by the next one
        ws.change(uri, 22, List.of(ContentChange.replace(0, 9, 0, 10, "n")));
        assertEquals("- macro: n", ws.snapshot().document(uri).text().substring(0, 10));
        ws.close(uri);
        assertNull(ws.openVersion(uri));
    }

    @Test
    void buffersOverrideTheDiskAndClosingRestoresIt() throws IOException {
        RulesWorkspace ws = workspace();
        String uri = RulesWorkspace.uriOf(dir.resolve("rules.d/20-b.yml"));
        WorkspaceSnapshot before = ws.snapshot();
        assertSame(before, ws.snapshot(), "cached until something changes");
        ws.open(uri, 1, "- macro: m\n  condition: b\n");
        ws.change(uri, 2, List.of(ContentChange.replace(1, 13, 1, 14, "edited")));
        assertEquals("edited", ws.snapshot().merged().macros().get("m").condition().text());
        assertEquals(1, ws.document(uri).parsedChunks());
        ws.close(uri);
        assertEquals("b", ws.snapshot().merged().macros().get("m").condition().text());
    }

    @Test
    void buffersOutsideTheListLoadByPathWhateverOrderTheyOpenedIn() throws IOException {
        String a = "file:///elsewhere/a_rules.yaml";
        String b = "file:///elsewhere/b_rules.yaml";
        for (List<String> opening : List.of(List.of(a, b), List.of(b, a))) {
            RulesWorkspace ws = workspace();
            opening.forEach(uri -> ws.open(uri, 1, "- macro: m\n  condition: x\n"));
            assertEquals(List.of(a, b), ws.loadOrder().subList(3, 5), "opened " + opening);
            ws.close(a);
            ws.open(a, 2, "- macro: m\n  condition: y\n");
            assertEquals(List.of(a, b), ws.loadOrder().subList(3, 5), "reopened");
        }
    }

    /** Unsaved buffers load as files on disk would: x.yaml before x.local.yaml (QA round 18). */
    @Test
    void unsavedBuffersLoadTheLocalFileAfterItsBase() throws IOException {
        String local = "file:///elsewhere/my_rules.local.yaml";
        String base = "file:///elsewhere/my_rules.yaml";
        String untitled = "untitled:Untitled-1";
        RulesWorkspace ws = workspace();
        ws.open(untitled, 1, "- macro: u\n  condition: x\n");
        ws.open(local, 1, "- macro: m\n  condition: and y\n  override:\n    condition: append\n");
        ws.open(base, 1, "- macro: m\n  condition: x\n");
        assertEquals(List.of(base, local, untitled), ws.loadOrder().subList(3, 6));
        assertEquals("x and y", ws.snapshot().merged().macros().get("m").condition().text());
    }

    @Test
    void buffersOutsideTheListLoadLastAndFilesCanComeAndGo() throws IOException {
        RulesWorkspace ws = workspace();
        ws.open("untitled:scratch", 1, "- macro: m\n  condition: scratch\n");
        assertEquals("untitled:scratch", ws.loadOrder().get(3));
        assertEquals("scratch", ws.snapshot().merged().macros().get("m").condition().text());
        ws.close("untitled:scratch");
        ws.removeRulesFile(dir.resolve("rules.d"));
        assertEquals("a", ws.snapshot().merged().macros().get("m").condition().text());
        Files.writeString(dir.resolve("base.yaml"), "- macro: m\n  condition: changed\n");
        ws.fileChanged(dir.resolve("base.yaml"));
        assertEquals("changed", ws.snapshot().merged().macros().get("m").condition().text());
        ws.addRulesFile(dir.resolve("missing.yaml"));
        assertEquals(1, ws.snapshot().documents().size(), "a missing file is simply absent");
        assertNull(ws.document("file:///nowhere.yaml"));
    }

    @Test
    void aNewSnapshotTellsEachFileOnceEvenAMissingOne() throws IOException {
        RulesWorkspace ws = workspace();
        ws.addRulesFile(dir.resolve("missing.yaml"));
        Map<String, Integer> told = new java.util.concurrent.ConcurrentHashMap<>();
        WorkspaceSnapshot first = ws.snapshot((uri, taken, total) -> {
            assertEquals(4, total);
            assertNull(told.put(uri, taken), "told twice: " + uri);
        });
        // the files on disk are read side by side, in any order; the missing one is tried last
        assertEquals(new java.util.HashSet<>(ws.loadOrder()), told.keySet());
        assertEquals(Set.of(1, 2, 3, 4), new java.util.HashSet<>(told.values()));
        assertEquals(4, told.get(RulesWorkspace.uriOf(dir.resolve("missing.yaml"))));
        assertEquals("b", first.merged().macros().get("m").condition().text(), "parsed side by side, merged in order");
        List<String> again = new ArrayList<>();
        assertSame(first, ws.snapshot((uri, taken, total) -> again.add(uri)));
        assertEquals(List.of(), again, "a cached snapshot reads nothing");
        assertEquals("20-b.yml", RulesWorkspace.fileNameOf(ws.loadOrder().get(2)));
    }

    @Test
    void changingAnUnopenedBufferIsIgnored() throws IOException {
        RulesWorkspace ws = workspace();
        ws.change("file:///not-open.yaml", 3, List.of(ContentChange.full("x")));
        assertFalse(ws.loadOrder().contains("file:///not-open.yaml"));
    }
}

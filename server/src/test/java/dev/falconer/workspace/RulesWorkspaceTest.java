package dev.falconer.workspace;

import dev.falconer.text.ContentChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;


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
        RulesWorkspace ws = new RulesWorkspace(new HandAsts());
        ws.setRulesFiles(List.of(dir.resolve("base.yaml"), d));
        return ws;
    }

    @Test
    void directoriesExpandToSortedYamlFiles() throws IOException {
        RulesWorkspace ws = workspace();
        assertEquals(List.of(RulesWorkspace.uriOf(dir.resolve("base.yaml")),
                RulesWorkspace.uriOf(dir.resolve("rules.d/10-a.yaml")),
                RulesWorkspace.uriOf(dir.resolve("rules.d/20-b.yml"))), ws.loadOrder());
        assertEquals("b", ws.snapshot().merged().macros().get("m").condition().text());
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
    void aNewSnapshotTellsEachFileInLoadOrderEvenAMissingOne() throws IOException {
        RulesWorkspace ws = workspace();
        ws.addRulesFile(dir.resolve("missing.yaml"));
        List<String> told = new ArrayList<>();
        WorkspaceSnapshot first = ws.snapshot((uri, taken, total) -> told.add(uri + " " + taken + "/" + total));
        List<String> order = ws.loadOrder();
        assertEquals(List.of(order.get(0) + " 1/4", order.get(1) + " 2/4", order.get(2) + " 3/4",
                RulesWorkspace.uriOf(dir.resolve("missing.yaml")) + " 4/4"), told);
        told.clear();
        assertSame(first, ws.snapshot((uri, taken, total) -> told.add(uri)));
        assertEquals(List.of(), told, "a cached snapshot reads nothing");
        assertEquals("20-b.yml", RulesWorkspace.fileNameOf(order.get(2)));
    }

    @Test
    void changingAnUnopenedBufferIsIgnored() throws IOException {
        RulesWorkspace ws = workspace();
        ws.change("file:///not-open.yaml", 3, List.of(ContentChange.full("x")));
        assertFalse(ws.loadOrder().contains("file:///not-open.yaml"));
    }
}

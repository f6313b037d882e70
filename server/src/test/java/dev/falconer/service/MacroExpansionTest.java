package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.support.Corpus;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MacroExpansionTest {

    /** m0, then m(n) = m(n-1) and m(n-1): the expansion of m(n) has 2^n copies of m0. */
    private static String doubling(int depth) {
        StringBuilder sb = new StringBuilder("- macro: m0\n  condition: evt.type = execve\n");
        for (int i = 1; i <= depth; i++) {
            sb.append("- macro: m").append(i).append("\n  condition: m").append(i - 1).append(" and m").append(i - 1)
                    .append('\n');
        }
        return sb.append("- rule: r\n  desc: d\n  condition: m").append(depth)
                .append("\n  output: x\n  priority: INFO\n").toString();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void exponentialReuseStopsAtTheBudgetAndSaysSo() {
        String marked = doubling(40).replace("condition: m40", "condition: m|40");
        HoverResult h = ServiceAssert.hover(marked, ServiceAssert.EN).orElseThrow();
        assertTrue(h.markdown().contains("too many to show"), h.markdown());
        assertTrue(h.markdown().length() < 2_000, "the hover stays small: " + h.markdown().length());
        HoverResult ja = ServiceAssert.hover(marked, ServiceAssert.JA).orElseThrow();
        assertTrue(ja.markdown().contains("5,000"), ja.markdown());
    }

    @Test
    void smallReuseIsStillExpandedInFull() {
        WorkspaceSnapshot s = ServiceAssert.workspace(ServiceAssert.Cursor.of(ServiceAssert.URI, "|" + doubling(3)));
        MacroExpansion.Expanded e = MacroExpansion.expand(s, "m3").orElseThrow();
        assertFalse(e.tooLarge());
        assertEquals(8, e.text().split(" and ", -1).length, e.text());
    }

    @Test
    void everyOfficialMacroExpandsInFull() throws Exception {
        Path dir = Corpus.root().resolve("falcosecurity/rules/rules");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        RulesWorkspace workspace = new RulesWorkspace();
        workspace.setRulesFiles(files);
        WorkspaceSnapshot snapshot = workspace.snapshot();
        assertFalse(snapshot.merged().macros().isEmpty());
        for (String macro : snapshot.merged().macros().keySet()) {
            MacroExpansion.expand(snapshot, macro).ifPresent(e -> {
                assertFalse(e.tooLarge(), macro);
                assertTrue(e.text() != null, macro);
            });
        }
    }
}

package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A keystroke re-checks what it touches and takes every other unit as valid through the
 * snapshots' lineage, also after the lineage was cut (it is every 64 steps): units that a file's
 * run does not report (their texts come from other files) are compared once then and followed
 * again afterwards, instead of being worked out anew on every later keystroke.
 */
class LineageReuseTest {
    @Test
    void everyUnitIsFollowedAgainAfterTheLineageWasCut() throws IOException {
        Path dir = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus/falcosecurity/rules/rules");
        Path file = dir.resolve("falco-sandbox_rules.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "official rules not available");
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir));
        String uri = RulesWorkspace.uriOf(file);
        String text = Files.readString(file);
        ws.open(uri, 1, text);
        // before a field in the middle of the file's conditions, as lspprobe edits
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("condition:[^\\n]*?\\b(proc|fd|evt|user|container)\\.[a-z_]+").matcher(text);
        List<Integer> fields = new java.util.ArrayList<>();
        while (m.find()) {
            fields.add(m.start(1));
        }
        TextPosition at = ws.document(uri).lineIndex().position(fields.get(fields.size() / 2));
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        // the base rules checked first (as the server checks the files it opens or prechecks): their
        // units are candidates of the sandbox file's runs too, without reporting into it
        diagnoser.diagnose(ws.snapshot(), RulesWorkspace.uriOf(dir.resolve("falco_rules.yaml")), CheckSettings.defaults());
        diagnoser.diagnose(ws.snapshot(), uri, CheckSettings.defaults());
        long[] first = null;
        for (int i = 1; i <= 90; i++) {
            boolean insert = i % 2 == 1;
            ws.change(uri, i + 1, List.of(insert
                    ? ContentChange.replace(at.line(), at.character(), at.line(), at.character(), " ")
                    : ContentChange.replace(at.line(), at.character(), at.line(), at.character() + 1, "")));
            WorkspaceSnapshot s = ws.snapshot();
            long[] before = diagnoser.unitCounts().clone();
            diagnoser.diagnose(s, uri, CheckSettings.defaults());
            long[] after = diagnoser.unitCounts();
            long[] run = {after[0] - before[0], after[1] - before[1], after[2] - before[2]};
            if (i == 2) {
                first = run;
            } else if (i > 2 && s.lineage().parent() != null && first != null) {
                int step = i;
                long[] expected = first;
                // as many units reused, all through the lineage, as on the first keystrokes
                assertEquals(expected[0], run[0], () -> "units reused at keystroke " + step);
                assertEquals(run[0], run[2], () -> "units reused by comparison at keystroke " + step);
            }
        }
    }
}

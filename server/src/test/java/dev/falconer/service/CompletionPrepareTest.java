package dev.falconer.service;

import dev.falconer.support.Keystrokes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FalconerService#prepare} only builds ahead what completion would build itself: on
 * randomly edited files, completion on a prepared snapshot (and on the snapshots after it, which
 * inherit the prepared names) equals completion on a snapshot of the same texts never prepared.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompletionPrepareTest {
    private static final String URI = "file:///w/a_rules.yaml";
    private static final String OTHER = "file:///w/b_rules.yaml";
    private static final String TEXT = """
            - list: shells
              items: [bash, sh]
            - macro: spawned
              condition: evt.type = execve and proc.name in (shells)
            - macro: in_tmp
              condition: spawned and fd.name startswith /tmp
            - rule: Shell in tmp
              desc: d
              condition: spawned and in_tmp and not proc.pname in (shells)
              output: "%proc.name in %fd.name"
              priority: INFO
            """;
    private static final String OTHER_TEXT = """
            - list: editors
              items: [vi]
            - macro: editing
              condition: proc.name in (editors)
            """;
    private static final String TYPED = " a_.()\n:-ml";

    @Test
    void preparedSnapshotsCompleteAsUnpreparedOnes() {
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        FalconerSettings settings = FalconerSettings.defaults();
        RulesWorkspace prepared = new RulesWorkspace();
        prepared.open(OTHER, 1, OTHER_TEXT);
        Random random = new Random(3);
        StringBuilder text = new StringBuilder(TEXT);
        for (int version = 1; version < 60; version++) {
            prepared.open(URI, version, text.toString());
            WorkspaceSnapshot kept = prepared.snapshot();
            service.prepare(kept, settings.locale());
            RulesWorkspace fresh = new RulesWorkspace();
            fresh.open(OTHER, 1, OTHER_TEXT);
            fresh.open(URI, version, text.toString());
            WorkspaceSnapshot unprepared = fresh.snapshot();
            for (int i = 0; i < 8; i++) {
                int offset = random.nextInt(text.length() + 1);
                TextPosition at = kept.document(URI).lineIndex().position(offset);
                List<CompletionEntry> expected = service.complete(unprepared, URI, at, settings);
                assertEquals(expected, service.complete(kept, URI, at, settings), "version " + version + " at " + at);
            }
            Keystrokes.type(text, random, TYPED);
        }
    }
}

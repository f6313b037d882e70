package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link FalconerService#explainAhead}: the macros a document uses are explained before anyone asks. */
class ExplainAheadTest {
    private static final String BASE = "file:///w/falco_rules.yaml";
    private static final String LOCAL = "file:///w/falco_rules.local.yaml";

    @Test
    void theMacrosADocumentUsesAreExplainedAsAHoverWouldExplainThem() {
        RulesWorkspace files = new RulesWorkspace();
        files.open(BASE, 1, """
                - macro: spawned
                  condition: evt.type = execve
                - macro: in_tmp
                  condition: spawned and fd.name startswith /tmp
                - macro: unused_here
                  condition: evt.type = open
                """);
        files.open(LOCAL, 1, """
                - rule: Shell in tmp
                  desc: d
                  condition: in_tmp and proc.name = bash
                  output: o
                  priority: INFO
                """);
        WorkspaceSnapshot ws = files.snapshot();
        FalconerService service = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
        FalconerSettings settings = FalconerSettings.defaults();

        service.explainAhead(ws, LOCAL, settings.locale());

        // lens titles are filled only from summaries already known: they show what was explained
        Map<String, String> known = titles(service.explainLenses(ws, BASE, settings));
        assertNotNull(known.get("in_tmp"), "used by the local rule");
        assertNull(known.get("spawned"), "not named in the local file");
        assertNull(known.get("unused_here"));

        FalconerService fresh = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
        for (ExplainLens lens : fresh.explainLenses(ws, BASE, settings)) {
            if (known.get(lens.item().name()) != null) {
                assertEquals(fresh.resolveExplainLens(lens, ws, settings).title(), known.get(lens.item().name()));
            }
        }
    }

    private static Map<String, String> titles(List<ExplainLens> lenses) {
        return lenses.stream().filter(l -> l.title() != null)
                .collect(Collectors.toMap(l -> l.item().name(), ExplainLens::title, (a, b) -> a));
    }
}

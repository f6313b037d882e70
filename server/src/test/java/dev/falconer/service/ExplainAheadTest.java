package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Explanations#explainAhead}: the macros a document names are explained before anyone asks. */
class ExplainAheadTest {
    private static final String BASE = "file:///w/falco_rules.yaml";
    private static final String LOCAL = "file:///w/falco_rules.local.yaml";

    @Test
    void theMacrosADocumentNamesAreExplainedAsAHoverWouldExplainThem() {
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
        Locale en = Locale.ENGLISH;
        Explanations ahead = new Explanations(FieldCatalog.defaults());

        ahead.explainAhead(ws, LOCAL, en);

        SymbolKey inTmp = new SymbolKey(ItemKind.MACRO, "in_tmp");
        assertEquals(new Explanations(FieldCatalog.defaults()).summary(ws, inTmp, en), ahead.keptSummary(ws, inTmp, en),
                "used by the local rule: explained as a hover would");
        assertTrue(ahead.keptSummary(ws, inTmp, en).isPresent());
        assertEquals(Optional.empty(), ahead.keptSummary(ws, new SymbolKey(ItemKind.MACRO, "unused_here"), en));
        assertEquals(Optional.empty(), ahead.keptSummary(ws, new SymbolKey(ItemKind.MACRO, "in_tmp"), Locale.JAPANESE));

        // what code lenses answer does not depend on it: titles only where a request computed one
        FalconerService service = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
        service.explainAhead(ws, LOCAL, en);
        assertTrue(service.explainLenses(ws, BASE, FalconerSettings.defaults()).stream().allMatch(l -> l.title() == null));
    }
}

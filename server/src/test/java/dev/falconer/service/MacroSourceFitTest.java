package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.ContentChange;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The macros a rule of a source can use, carried from snapshot to snapshot only while their texts stay. */
class MacroSourceFitTest {
    private static final String URI = "file:///w/a_rules.yaml";
    private static final FieldCatalog CATALOG = FieldCatalog.defaults();

    @Test
    void anEditedMacroIsReadAgainAndItsUsersWithIt() {
        RulesWorkspace ws = new RulesWorkspace();
        String text = """
                - macro: inner
                  condition: proc.name = sh
                - macro: outer
                  condition: inner and fd.name = x
                - macro: other
                  condition: proc.pid = 1
                """;
        ws.open(URI, 1, text);
        Map<String, MacroSourceFit.Own> shared = new HashMap<>(); // the readings of one source
        List<String> all = List.of("inner", "other", "outer", "later");
        WorkspaceSnapshot first = ws.snapshot();
        MacroSourceFit fit = new MacroSourceFit(CATALOG, "syscall", shared);
        assertEquals(List.of("inner", "other", "outer", "later"), fit.filter(first, all));
        // inner now reads a k8s_audit field: inner and outer (which uses it) no longer fit
        ws.change(URI, 2, List.of(ContentChange.replace(1, 13, 1, 27, "ka.verb = get")));
        WorkspaceSnapshot second = ws.snapshot();
        assertEquals(List.of("other", "later"), fit.next(second).filter(second, all));
        // another source reads the texts for itself (outer also reads the syscall field fd.name)
        assertEquals(List.of("inner"), new MacroSourceFit(CATALOG, "k8s_audit", new HashMap<>())
                .filter(second, List.of("inner", "outer")));
        // a macro unknown before and defined now is read too
        ws.change(URI, 3, List.of(ContentChange.replace(6, 0, 6, 0, "- macro: later\n  condition: ka.uri = /\n")));
        WorkspaceSnapshot third = ws.snapshot();
        MacroSourceFit atThird = fit.next(second).next(third);
        assertEquals(List.of("other"), atThird.filter(third, all));
        // a change that leaves every macro's text as it was: the answers carry over
        ws.change(URI, 4, List.of(ContentChange.replace(0, 0, 0, 0, "# note\n")));
        WorkspaceSnapshot fourth = ws.snapshot();
        assertEquals(List.of("other"), atThird.next(fourth).filter(fourth, all));
    }

    /** In a loop, each member reaches the other's fields: the answer does not depend on which is asked first (QA). */
    @Test
    void loopMembersAreAnsweredAlikeWhicheverComesFirst() {
        for (List<String> names : List.of(List.of("zz_loopa", "zz_loopb"), List.of("zz_loopb", "zz_loopa"))) {
            RulesWorkspace ws = new RulesWorkspace();
            ws.open(URI, 1, """
                    - macro: zz_k8s
                      condition: ka.verb = get
                    - macro: %s
                      condition: %s or zz_k8s
                    - macro: %s
                      condition: %s
                    - macro: fine
                      condition: proc.name = x
                    """.formatted(names.get(0), names.get(1), names.get(1), names.get(0)));
            WorkspaceSnapshot s = ws.snapshot();
            for (List<String> asked : List.of(List.of("zz_loopa", "zz_loopb", "fine"), List.of("zz_loopb", "zz_loopa", "fine"))) {
                assertEquals(List.of("fine"), new MacroSourceFit(CATALOG, "syscall", new HashMap<>()).filter(s, asked),
                        names + " asked " + asked);
            }
        }
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.rules.ItemKind;
import dev.falconer.text.ContentChange;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependentFilesTest {
    private static final String A = "file:///w/a.yaml";
    private static final String B = "file:///w/b.yaml";
    private static final String DEFINITIONS = """
            - macro: m5
              condition: proc.pid > 0
            - list: my_list
              items: [a, b]
            """;
    private static final String USER = """
            - rule: rb
              desc: d
              condition: m5 and proc.name in (my_list)
              output: o
              priority: INFO
            """;

    /** The files {@link DependentFiles} names after {@code file}'s text goes from {@code text} to {@code edited}. */
    private static Set<String> after(String file, String text, String edited) {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(A, 1, file.equals(A) ? text : DEFINITIONS);
        ws.open(B, 1, file.equals(B) ? text : USER);
        WorkspaceSnapshot was = ws.snapshot();
        ws.change(file, 2, List.of(ContentChange.full(edited)));
        WorkspaceSnapshot now = ws.snapshot();
        return DependentFiles.of(ChangedNames.between(was.document(file), now.document(file)), was, now, false);
    }

    @Test
    void aListRenamedAwayStillConcernsTheFilesThatUsedIt() {
        assertEquals(Set.of(A, B), after(A, DEFINITIONS, DEFINITIONS.replace("my_list", "my_listx")));
        assertEquals(Set.of(A, B), after(A, DEFINITIONS, DEFINITIONS.replace("- list: my_list\n  items: [a, b]\n", "")));
    }

    @Test
    void anItemThatStopsOrStartsUsingANameConcernsTheFileDefiningIt() {
        assertEquals(Set.of(A, B), after(B, USER, USER.replace("m5 and ", "")), "m5 may be unused now");
        assertEquals(Set.of(A, B), after(B, USER.replace("m5 and ", ""), USER), "m5 is used again");
        assertEquals(Set.of(A, B), after(B, USER, USER.replace(" and proc.name in (my_list)", "")), "my_list");
    }

    @Test
    void anEditOfAnItemConcernsTheFilesOfWhatItReliesOn() {
        // its checks report in them: my_list's items against proc.name, m5's text in rb's source
        assertEquals(Set.of(A, B), after(B, USER, USER.replace("m5 and", "m5  and")));
        assertEquals(Set.of(A, B), after(B, USER, USER.replace("proc.name in", "fd.sip in")));
    }

    @Test
    void anEditOfAnItemThatReliesOnNothingElsewhereConcernsOnlyItsOwnFile() {
        String alone = "- rule: ra\n  desc: d\n  condition: proc.name = x\n  output: o\n  priority: INFO\n";
        assertEquals(Set.of(B), after(B, alone, alone.replace("= x", "= y")));
        assertEquals(Set.of(A), after(A, DEFINITIONS, DEFINITIONS.replace("proc.pid > 0", "proc.pid > 1")).stream()
                .filter(f -> !f.equals(B)).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aRenameOrADeletionMakesNamesComeOrGoAnEditOfATextDoesNot() {
        assertEquals(true, cameOrWent(DEFINITIONS, DEFINITIONS.replace("macro: m5", "macro: m6")));
        assertEquals(true, cameOrWent(DEFINITIONS, DEFINITIONS.replace("- list: my_list\n  items: [a, b]\n", "")));
        assertEquals(false, cameOrWent(DEFINITIONS, DEFINITIONS.replace("proc.pid > 0", "proc.pid > 1")));
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(A, 1, DEFINITIONS);
        assertEquals(Set.of(ItemKind.MACRO, ItemKind.LIST), DependentFiles.kindsCameOrWent(
                Set.of(SymbolKey.macro("m5"), SymbolKey.list("my_list")), null, ws.snapshot()));
    }

    private static boolean cameOrWent(String text, String edited) {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(A, 1, text);
        WorkspaceSnapshot was = ws.snapshot();
        ws.change(A, 2, List.of(ContentChange.full(edited)));
        WorkspaceSnapshot now = ws.snapshot();
        Set<SymbolKey> changed = ChangedNames.between(was.document(A), now.document(A));
        return !DependentFiles.kindsCameOrWent(changed, was, now).isEmpty();
    }

    @Test
    void withoutAnEarlierSnapshotEveryNameUsedIsNewlyUsed() {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(A, 1, DEFINITIONS);
        ws.open(B, 1, USER);
        // B just opened (a close and a reopen): the files defining what its rule uses may lose unused warnings
        assertEquals(Set.of(A, B), DependentFiles.of(Set.of(SymbolKey.rule("rb")), null, ws.snapshot(), true));
        assertEquals(Set.of(A, B), DependentFiles.of(Set.of(SymbolKey.macro("m5")), null, ws.snapshot(), true));
        assertEquals(Set.of(), DependentFiles.of(Set.of(), null, ws.snapshot(), true));
        // reopened while a snapshot still holds it: what its items use counts as newly used all the same
        WorkspaceSnapshot holding = ws.snapshot();
        assertEquals(Set.of(A, B), DependentFiles.of(Set.of(SymbolKey.rule("rb")), holding, holding, true));
        // not reopened, the same names used: A still, as rb's checks report on m5 and my_list there
        assertEquals(Set.of(A, B), DependentFiles.of(Set.of(SymbolKey.rule("rb")), holding, holding, false));
    }
}

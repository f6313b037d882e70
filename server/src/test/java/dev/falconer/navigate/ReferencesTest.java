package dev.falconer.navigate;

import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.falconer.navigate.Nav.A;
import static dev.falconer.navigate.Nav.B;
import static dev.falconer.navigate.Nav.NAV;
import static dev.falconer.navigate.Nav.cursor;
import static dev.falconer.navigate.Nav.r;
import static dev.falconer.navigate.Nav.workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferencesTest {
    static final String BASE = """
            - list: sh|ells
              items: [bash, sh]
            - list: login_list
              items: [shells, zsh]
            - macro: spawned
              condition: evt.type = execve and proc.name in (shells)
            - rule: Shell
              desc: a shell
              condition: spawned and proc.pname = shells
              output: shell %proc.name
              priority: WARNING
            """;
    static final String LOCAL = """
            - list: shells
              items: [fish]
              override:
                items: append
            - rule: Shell
              exceptions:
                - name: known
                  fields: [proc.name]
                  values: [[shells]]
              override:
                exceptions: append
            - rule: Other
              desc: d
              condition: >
                spawned
                and proc.name in (shells, dash)
              output: o
              priority: INFO
            """;

    @Test
    void everyUseAcrossTwoFiles() {
        Nav.Cursor c = cursor(BASE);
        WorkspaceSnapshot s = workspace(A, c.text(), B, LOCAL);
        String a = c.text();
        List<Location> expected = List.of(
                new Location(A, r(a, "shells", 1)),   // in login_list' items
                new Location(A, r(a, "shells", 2)),   // macro condition
                new Location(A, r(a, "shells", 3)),   // rule condition, bare value
                new Location(B, r(LOCAL, "shells", 1)), // exception value
                new Location(B, r(LOCAL, "shells", 2))); // folded condition of Other
        assertEquals(sorted(expected), sorted(NAV.references(s, A, c.position(), false)));
    }

    @Test
    void withDeclarationTheDefiningAndOverridingEntriesComeToo() {
        Nav.Cursor c = cursor(BASE);
        WorkspaceSnapshot s = workspace(A, c.text(), B, LOCAL);
        List<Location> refs = NAV.references(s, A, c.position(), true);
        assertEquals(7, refs.size());
        assertEquals(new Location(A, r(c.text(), "shells", 0)), refs.get(0));
        assertEquals(new Location(B, r(LOCAL, "shells", 0)), refs.get(1));
    }

    @Test
    void fromAUseInsideAFoldedCondition() {
        Nav.Cursor c = cursor(LOCAL.replace("(shells, dash)", "(she|lls, dash)"));
        WorkspaceSnapshot s = workspace(A, BASE.replace("|", ""), B, c.text());
        assertEquals(5, NAV.references(s, B, c.position(), false).size());
    }

    /**
     * An exception value with a blank goes into Falco's condition as a quoted string, where the list
     * names set off by blanks are substituted too (QA round 17: left out of references and rename);
     * at either end of the string, the quote is no delimiter.
     */
    @Test
    void aListNamedInsideAnExceptionValueWithABlankIsAUse() {
        String local = LOCAL.replace("values: [[shells]]", "values: [[a shells b], [shells now], ['x shells y']]");
        Nav.Cursor c = cursor(BASE);
        WorkspaceSnapshot s = workspace(A, c.text(), B, local);
        List<Location> refs = NAV.references(s, A, c.position(), false);
        assertTrue(refs.contains(new Location(B, r(local, "shells", 1))), "inside [a shells b]: " + refs);
        assertTrue(!refs.contains(new Location(B, r(local, "shells", 2))), "at the start of 'shells now': " + refs);
        assertTrue(refs.contains(new Location(B, r(local, "shells", 3))), "inside 'x shells y': " + refs);
        Map<String, String> after = Nav.apply(Map.of(A, c.text(), B, local),
                ((Rename.Edit) NAV.rename(s, A, c.position(), "shell_names", Locale.ENGLISH)).edit());
        assertTrue(after.get(B).contains("values: [[a shell_names b], [shells now], ['x shell_names y']]"), after.get(B));
    }

    /**
     * A list and a macro of one name: Falco pastes the list before it looks for macros, so the name
     * is the list's, where a condition stands too (an error there, but the list's).
     */
    @Test
    void aNameOfBothAListAndAMacroIsTheList() {
        String text = """
                - list: du|al
                  items: [execve]
                - macro: dual
                  condition: proc.name = z
                - rule: r
                  desc: d
                  condition: evt.type in (dual) and dual
                  output: o
                  priority: INFO
                """;
        Nav.Cursor c = cursor(text);
        WorkspaceSnapshot s = workspace(A, c.text());
        assertEquals(sorted(List.of(new Location(A, r(c.text(), "dual", 2)), new Location(A, r(c.text(), "dual", 3)))),
                sorted(NAV.references(s, A, c.position(), false)));
        Nav.Cursor macro = cursor(c.text().replace("- macro: dual", "- macro: du|al"));
        assertEquals(List.of(), NAV.references(workspace(A, macro.text()), A, macro.position(), false));
    }

    /**
     * Falco pastes a list wherever its name stands, a field's place too: a list holding a field's
     * name used as one (QA: no references, and a rename changed only the definition); and past a
     * syntax error, where the condition is not parsed but still substituted.
     */
    @Test
    void aListUsedAsAFieldOrPastASyntaxErrorIsAUse() {
        String text = """
                - list: f|ld
                  items: [proc.name]
                - macro: m2
                  condition: fld = bash
                - macro: m3
                  condition: tolower(fld) = bash
                - macro: m4
                  condition: proc.pname = val(fld)
                - macro: m7
                  condition: fld exists
                - macro: broken
                  condition: proc.name = = x or proc.name in (fld)
                """;
        Nav.Cursor c = cursor(text);
        WorkspaceSnapshot s = workspace(A, c.text());
        List<Location> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(new Location(A, r(c.text(), "fld", i)));
        }
        assertEquals(sorted(expected), sorted(NAV.references(s, A, c.position(), false)));
    }

    /** Falco substitutes a list named inside a string when blanks set it off: that is a use too. */
    @Test
    void aListNamedInsideAStringIsAUse() {
        String text = BASE.replace("proc.pname = shells", "proc.cmdline contains \"run shells now\" and proc.pname = \"shells\"");
        Nav.Cursor c = cursor(text);
        WorkspaceSnapshot s = workspace(A, c.text(), B, LOCAL);
        String a = c.text();
        List<Location> refs = NAV.references(s, A, c.position(), false);
        assertTrue(refs.contains(new Location(A, r(a, "shells", 3))), "inside \"run shells now\": " + refs);
        assertTrue(!refs.contains(new Location(A, r(a, "shells", 4))), "\"shells\" alone stays a string: " + refs);
        assertEquals(5, refs.size(), refs.toString());
    }

    @Test
    void highlightsInOneFile() {
        Nav.Cursor c = cursor(BASE);
        WorkspaceSnapshot s = workspace(A, c.text(), B, LOCAL);
        List<DocumentHighlight> h = NAV.highlights(s, A, c.position());
        String a = c.text();
        assertEquals(List.of(new DocumentHighlight(r(a, "shells", 0), DocumentHighlightKind.Write),
                new DocumentHighlight(r(a, "shells", 1), DocumentHighlightKind.Read),
                new DocumentHighlight(r(a, "shells", 2), DocumentHighlightKind.Read),
                new DocumentHighlight(r(a, "shells", 3), DocumentHighlightKind.Read)), h);
    }

    @Test
    void referenceLensAboveEachMacroAndList() {
        WorkspaceSnapshot s = workspace(A, BASE.replace("|", ""), B, LOCAL);
        List<CodeLens> lenses = NAV.referenceLenses(s, A, true);
        assertTrue(lenses.stream().allMatch(l -> l.getCommand() == null), "listed without counting");
        assertEquals(List.of("5 references", "no references", "2 references"), titles(s, lenses, Locale.ENGLISH));
        assertEquals(r(BASE.replace("|", ""), "shells", 0), lenses.get(0).getRange());
        CodeLens first = NAV.resolveReferenceLens(lenses.get(0), s, Locale.ENGLISH);
        assertEquals(ReferenceLenses.SHOW_REFERENCES, first.getCommand().getCommand());
        assertEquals(lenses.get(0).getRange(), first.getRange());
        var at = first.getRange().getStart();
        assertEquals(List.of(A, at, NAV.references(s, A, new dev.falconer.text.TextPosition(at.getLine(),
                at.getCharacter()), false)), first.getCommand().getArguments());
        assertEquals(List.of("参照 5 件", "参照なし", "参照 2 件"), titles(s, lenses, Locale.JAPANESE));
        assertEquals(List.of(), NAV.referenceLenses(s, A, false));
        assertEquals(List.of("5 references"), titles(s, NAV.referenceLenses(s, B, true), Locale.ENGLISH).subList(0, 1));
        WorkspaceSnapshot once = workspace(A, "- list: l\n  items: [a]\n- macro: m\n  condition: proc.name in (l)\n");
        assertEquals(List.of("1 reference", "no references"), titles(once, NAV.referenceLenses(once, A, true),
                Locale.ENGLISH));
        // a lens of another feature is not this one's to resolve
        assertNull(NAV.resolveReferenceLens(new CodeLens(first.getRange()), s, Locale.ENGLISH));
    }

    private static List<String> titles(WorkspaceSnapshot s, List<CodeLens> lenses, Locale locale) {
        return lenses.stream().map(l -> NAV.resolveReferenceLens(l, s, locale).getCommand().getTitle()).toList();
    }

    private static List<String> sorted(List<Location> l) {
        return l.stream().map(x -> x.getUri() + ":" + x.getRange().getStart().getLine() + ":"
                + x.getRange().getStart().getCharacter()).sorted().toList();
    }
}

package dev.falconer.navigate;

import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.MergeProblem;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenameTest {
    private static final Diagnoser CHECKS = new Diagnoser(Nav.CATALOG);
    static final String BASE = """
            - list: shells
              items: [bash, sh]
            - list: login_list
              items: ["shells", login]
            - macro: spawned
              condition: "evt.type = execve and proc.name in (shells)"
            - macro: shell_spawned
              condition: spawned and proc.name in (shells)
            - rule: Shell
              desc: a shell
              condition: >
                shell_spawned
                and not spawned and proc.pname = shells
              output: shell %proc.name
              priority: WARNING
            """;
    static final String LOCAL = """
            - macro: spawned
              condition: or evt.type = execveat
              override:
                condition: append
            - rule: Shell
              exceptions:
                - name: known
                  fields: [proc.name]
                  values: [[shells]]
              override:
                exceptions: append
            - rule: 'Other: shell'
              desc: d
              condition: |
                spawned and
                proc.name in ('x', shells)
              output: o
              priority: INFO
            """;

    @Test
    void prepareGivesTheNameUnderTheCursor() {
        Nav.Cursor c = cursor(LOCAL.replace("'x', shells", "'x', she|lls"));
        WorkspaceSnapshot s = workspace(A, BASE, B, c.text());
        Rename.Allowed ok = assertInstanceOf(Rename.Allowed.class, NAV.prepareRename(s, B, c.position(), Locale.ENGLISH));
        assertEquals(r(c.text(), "shells", 1), ok.range());
        assertEquals("shells", ok.placeholder());
    }

    @Test
    void prepareRefusesFieldsKeywordsAndUndefinedMacros() {
        assertRefused("proc.name in ('x'", "proc.na|me in ('x'", "'proc.name' is a Falco field: fields cannot be renamed.");
        assertRefused("proc.name in ('x'", "proc.name i|n ('x'", "'in' belongs to the condition language and cannot be renamed.");
        assertRefused("  spawned and\n", "  nowher|e and\n",
                "No macro named 'nowhere' is defined in the workspace, so there is nothing to rename.");
        assertRefused("desc: d", "desc: |d", "Place the cursor on the name of a list, macro or rule to rename it.");
        Nav.Cursor c = cursor(LOCAL.replace("proc.name in ('x'", "proc.na|me in ('x'"));
        Rename.Refused ja = assertInstanceOf(Rename.Refused.class,
                NAV.prepareRename(workspace(A, BASE, B, c.text()), B, c.position(), Locale.JAPANESE));
        assertEquals("'proc.name' は Falco のフィールドのため、リネームできません。", ja.message());
    }

    /** In an appended condition the joining word is not a name: the macro after it is. */
    @Test
    void prepareInAnAppendedConditionSkipsItsJoiningWord() {
        String appended = "- rule: 'Other: shell'\n  override:\n    condition: append\n  condition: and not spawned\n";
        Nav.Cursor onJoiner = cursor(LOCAL + appended.replace("condition: and", "condition: a|nd"));
        Rename.Refused r = assertInstanceOf(Rename.Refused.class,
                NAV.prepareRename(workspace(A, BASE, B, onJoiner.text()), B, onJoiner.position(), Locale.ENGLISH));
        assertEquals("Place the cursor on the name of a list, macro or rule to rename it.", r.message());
        Nav.Cursor onMacro = cursor(LOCAL + appended.replace("not spawned", "not spaw|ned"));
        Rename.Allowed ok = assertInstanceOf(Rename.Allowed.class,
                NAV.prepareRename(workspace(A, BASE, B, onMacro.text()), B, onMacro.position(), Locale.ENGLISH));
        assertEquals("spawned", ok.placeholder());
    }

    @Test
    void refusesInvalidTakenAndCapturedNames() {
        Nav.Cursor c = cursor(BASE.replace("- list: shells", "- list: she|lls"));
        WorkspaceSnapshot s = workspace(A, c.text(), B, LOCAL);
        assertEquals("'two words' is not a valid list name: no spaces, quotes, parentheses, commas or '=', and not a keyword or operator.",
                refusal(s, A, c, "two words"));
        assertTrue(refusal(s, A, c, "in").startsWith("'in' is not a valid list name"));
        assertEquals("A list named 'login_list' already exists.", refusal(s, A, c, "login_list"));
        assertEquals("'login' is already written in conditions or lists of the workspace: renaming to it would change what they mean.",
                refusal(s, A, c, "login"));
        Nav.Cursor m = cursor(BASE.replace("- macro: spawned", "- macro: spaw|ned"));
        WorkspaceSnapshot sm = workspace(A, m.text(), B, LOCAL);
        assertEquals("'9lives' is not a valid macro name: start with a letter, then use letters, digits or underscores,"
                + " and not a keyword or operator.", refusal(sm, A, m, "9lives"));
        assertEquals("A macro named 'shell_spawned' already exists.", refusal(sm, A, m, "shell_spawned"));
        // "not" and "and" would parse as the keywords; a list's name is pasted before macros are looked up
        assertTrue(refusal(sm, A, m, "not").startsWith("'not' is not a valid macro name"));
        assertTrue(refusal(sm, A, m, "contains").startsWith("'contains' is not a valid macro name"));
        assertTrue(refusal(sm, A, m, "shells").startsWith("A list named 'shells' exists"));
        // Falco pastes a list wherever its name stands, a field's name included
        assertEquals("'proc.pname' is already written in conditions or lists of the workspace: renaming to it would change"
                + " what they mean.", refusal(s, A, c, "proc.pname"));
        assertTrue(refusal(s, A, c, "evt.type").startsWith("'evt.type' is already written"));
        // written into 'proc.pname = shells' as it stands, YAML reads a comment or a key (QA): the values
        // the list's name is a whole of are quoted, but a name inside a plain value cannot be
        assertTrue(refusal(s, A, c, "#x").startsWith("'#x' cannot be written into the unquoted YAML values"), refusal(s, A, c, "#x"));
        assertTrue(refusal(s, A, c, "x:").startsWith("'x:' cannot be written into the unquoted YAML values"));
        assertTrue(refusal(s, A, c, "a{b}").startsWith("'a{b}' cannot be written"));
    }

    @Test
    void listRenameRoundTripAcrossTwoFiles() {
        Nav.Cursor c = cursor(BASE.replace("- list: shells", "- list: she|lls"));
        Map<String, String> before = texts(c.text(), LOCAL);
        WorkspaceEdit edit = rename(before, A, c, "shell_names");
        Map<String, String> after = Nav.apply(before, edit);
        assertTrue(after.get(A).contains("items: [\"shell_names\", login]"), after.get(A));
        assertTrue(after.get(A).contains("proc.pname = shell_names\n"), after.get(A));
        assertTrue(after.get(B).contains("values: [[shell_names]]"), after.get(B));
        assertTrue(after.get(B).contains("proc.name in ('x', shell_names)"), after.get(B));
        assertRoundTrip(before, after, SymbolKey.list("shells"), SymbolKey.list("shell_names"));
    }

    @Test
    void macroRenameRoundTripThroughFoldedLiteralAndQuotedConditions() {
        Nav.Cursor c = cursor(LOCAL.replace("  spawned and\n", "  spa|wned and\n"));
        Map<String, String> before = texts(BASE, c.text());
        Map<String, String> after = Nav.apply(before, rename(before, B, c, "new_process"));
        assertEquals(0, after.get(A).split("\\bspawned\\b", -1).length - 1, after.get(A));
        assertEquals(0, after.get(B).split("\\bspawned\\b", -1).length - 1, after.get(B));
        assertRoundTrip(before, after, SymbolKey.macro("spawned"), SymbolKey.macro("new_process"));
    }

    @Test
    void ruleRenameQuotesANameThatNeedsIt() {
        Nav.Cursor c = cursor(LOCAL.replace("- rule: Shell\n", "- rule: Sh|ell\n"));
        Map<String, String> before = texts(BASE, c.text());
        Map<String, String> after = Nav.apply(before, rename(before, B, c, "Shell: spawned"));
        assertTrue(after.get(A).contains("- rule: \"Shell: spawned\"\n"), after.get(A));
        assertTrue(after.get(B).contains("- rule: \"Shell: spawned\"\n"), after.get(B));
        Map<String, String> quoted = Nav.apply(before, rename(before, B, cursor(LOCAL.replace("'Other: shell'", "'Oth|er: shell'")), "It's"));
        assertTrue(quoted.get(B).contains("- rule: 'It''s'\n"), quoted.get(B));
        assertRoundTrip(before, after, SymbolKey.rule("Shell"), SymbolKey.rule("Shell: spawned"));
    }

    private static WorkspaceEdit rename(Map<String, String> texts, String uri, Nav.Cursor c, String newName) {
        WorkspaceSnapshot s = workspace(texts);
        Rename.Edit e = assertInstanceOf(Rename.Edit.class, NAV.rename(s, uri, c.position(), newName, Locale.ENGLISH));
        return e.edit();
    }

    private static Map<String, String> texts(String a, String b) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(A, a);
        m.put(B, b);
        return m;
    }

    /**
     * After the rename the workspace re-parses and re-resolves to the same thing: every file is
     * valid YAML with the same items, no new merge or name problem, no new condition syntax
     * error, no new diagnostic of the real checks, the new name has every use the old one had,
     * and the old name is gone.
     */
    static void assertRoundTrip(Map<String, String> before, Map<String, String> after, SymbolKey old, SymbolKey renamed) {
        WorkspaceSnapshot s0 = workspace(before);
        WorkspaceSnapshot s1 = workspace(after);
        for (String uri : before.keySet()) {
            Nav.assertValidYaml(after.get(uri), s0.document(uri).items().size());
        }
        assertEquals(problems(s0, old.name(), renamed.name()), problems(s1, old.name(), renamed.name()));
        assertEquals(syntaxErrors(s0), syntaxErrors(s1));
        List<String> fresh = checks(s1, old.name(), renamed.name());
        fresh.removeAll(checks(s0, old.name(), renamed.name()));
        assertEquals(List.of(), fresh, "new diagnostics after the rename");
        assertEquals(s0.symbols().references(old).size(), s1.symbols().references(renamed).size());
        assertEquals(s0.symbols().definitions(old).size(), s1.symbols().definitions(renamed).size());
        assertEquals(List.of(), s1.symbols().definitions(old));
        assertEquals(List.of(), s1.symbols().references(old));
    }

    private static List<String> problems(WorkspaceSnapshot s, String old, String renamed) {
        List<String> out = new ArrayList<>();
        for (MergeProblem p : s.problems()) {
            out.add(p.kind() + " " + p.uri() + " " + p.args().stream().map(a -> a.equals(old) ? renamed : a).toList());
        }
        out.sort(null);
        return out;
    }

    /** Every diagnostic of the checks, by file, code and message arguments (the old name read as the new one). */
    private static List<String> checks(WorkspaceSnapshot s, String old, String renamed) {
        List<String> out = new ArrayList<>();
        CHECKS.diagnoseAll(s, CheckSettings.defaults()).forEach((uri, ds) -> {
            for (Diagnostic d : ds) {
                out.add(uri + " " + d.code().id() + " " + d.key() + " "
                        + d.args().stream().map(a -> a.equals(old) ? renamed : a).toList());
            }
        });
        return out;
    }

    private static int syntaxErrors(WorkspaceSnapshot s) {
        int n = 0;
        for (RulesDocument d : s.documents()) {
            for (ConditionSite site : ConditionSite.of(d)) {
                n += site.parse(new ConditionCache()).errors().size();
            }
        }
        return n;
    }

    private static String refusal(WorkspaceSnapshot s, String uri, Nav.Cursor c, String newName) {
        return assertInstanceOf(Rename.Refused.class, NAV.rename(s, uri, c.position(), newName, Locale.ENGLISH)).message();
    }

    private static void assertRefused(String find, String replaceWithBar, String message) {
        Nav.Cursor c = cursor(LOCAL.replace(find, replaceWithBar));
        Rename.Refused r = assertInstanceOf(Rename.Refused.class,
                NAV.prepareRename(workspace(A, BASE, B, c.text()), B, c.position(), Locale.ENGLISH));
        assertEquals(message, r.message());
    }

}

package dev.falconer.navigate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static dev.falconer.navigate.Nav.A;
import static dev.falconer.navigate.Nav.NAV;
import static dev.falconer.navigate.Nav.r;
import static dev.falconer.navigate.Nav.workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeActionsTest {
    static final String RULES = """
            - required_engine_version: 0.11.0
            - list: shells
              items: [bash, sh]
            - macro: spawned
              condition: "evt.type = execve and proc.name in (shells)"
            - rule: r
              desc: d
              condition: >
                spawnd and
                proc.nmae in (shells)
              output: o
              priorty: INFO
            - rule: s
              desc: d
              condition: spawned and proc.name in (shels)
              output: o
              priority: 'WARN'
              source: sycall
            """;

    @Test
    void didYouMeanFixesForFieldMacroListKeyPrioritySource() {
        assertFix(RULES, "unknown-field", "proc.nmae", 0, List.of("proc.name", "proc.pname"),
                "Change to 'proc.name'", "proc.nmae in", "proc.name in");
        assertFix(RULES, "unknown-macro", "spawnd", 0, List.of("spawned"), "Change to 'spawned'", "spawnd and",
                "spawned and");
        assertFix(RULES, "unknown-list", "shels", 0, List.of("shells"), "Change to 'shells'", "in (shels)",
                "in (shells)");
        assertFix(RULES, "unknown-key", "priorty", 0, List.of("priority"), "Change to 'priority'", "priorty: INFO",
                "priority: INFO");
        assertFix(RULES, "invalid-priority", "'WARN'", 0, List.of("WARNING"), "Change to 'WARNING'",
                "priority: 'WARN'", "priority: 'WARNING'");
        assertFix(RULES, "unknown-source", "sycall", 0, List.of("syscall"), "Change to 'syscall'", "source: sycall",
                "source: syscall");
    }

    @Test
    void suggestionsInsideADoubleQuotedConditionAreEscapedForIt() {
        String text = RULES.replace("proc.name in (shells)\"", "proc.name in (shellz)\"");
        assertFix(text, "unknown-list", "shellz", 0, List.of("a\"b"), "Change to 'a\"b'", "(shellz)\"", "(a\\\"b)\"");
    }

    @Test
    void suggestionsTravelInTheDiagnosticDataAsJson() {
        JsonObject data = new JsonObject();
        JsonArray names = new JsonArray();
        names.add("spawned");
        data.add(DiagnosticFix.DATA_SUGGESTIONS, names);
        Diagnostic d = new Diagnostic(r(RULES, "spawnd", 0), "unknown macro", null, "falconer", "unknown-macro");
        d.setData(data);
        DiagnosticFix fix = DiagnosticFix.from(d);
        assertEquals("unknown-macro", fix.code());
        assertEquals(List.of("spawned"), fix.suggestions());
        List<CodeAction> actions = NAV.codeActions(workspace(A, RULES), A, range(d.getRange()), List.of(fix),
                List.of(CodeActionKind.QuickFix), Locale.JAPANESE);
        assertEquals("'spawned' に修正", actions.get(0).getTitle());
        assertEquals(List.of(d), actions.get(0).getDiagnostics());
        assertEquals(Boolean.TRUE, actions.get(0).getIsPreferred());
        assertEquals(List.of("x"), DiagnosticFix.suggestions(array("x")));
    }

    @Test
    void addsEachMissingRequiredKey() {
        String text = """
                - rule: r
                  desc: d
                  condition: >
                    evt.type = open
                - macro: m
                - {list: l}
                """;
        List<CodeAction> actions = at(text, "r", "missing-key");
        assertEquals(List.of("Add the missing key 'output'", "Add the missing key 'priority'"), titles(actions));
        String fixed = applyFirst(text, actions, 3);
        assertTrue(fixed.contains("    evt.type = open\n  output: r\n- macro: m"), () -> "[" + fixed + "]");
        String both = applyFirst(fixed, at(fixed, "r", "missing-key"), 3);
        assertTrue(both.contains("  output: r\n  priority: WARNING\n"), both);
        assertTrue(applyFirst(text, at(text, "m", "missing-key"), 3).contains("- macro: m\n  condition: \"\"\n"));
        assertTrue(applyFirst(text, at(text, "l}", "missing-key"), 3).contains("- {list: l, items: []}"));
    }

    /** A rule without source whose field is one plugin's gets that source (QA round 25: ct.* typed before source:). */
    @Test
    void addsTheSourceAPluginFieldNeeds() {
        String text = """
                - rule: r
                  desc: d
                  condition: ct.name = ConsoleLogin
                  output: "u=%ct.user"
                  priority: WARNING
                """;
        List<CodeAction> actions = at(text, "ct.name", "unknown-field");
        assertEquals(List.of("Add 'source: aws_cloudtrail' (the rule's fields are that source's)"), titles(actions));
        assertTrue(applyFirst(text, actions, 1).contains("  priority: WARNING\n  source: aws_cloudtrail\n"));
        assertEquals(List.of("Add 'source: aws_cloudtrail' (the rule's fields are that source's)"),
                titles(at(text, "ct.user", "output-field")));
        // a rule that has a source, or a field of no single plugin, gets none
        assertEquals(List.of(), titles(at(text.replace("priority: WARNING", "priority: WARNING\n  source: okta"),
                "ct.name", "unknown-field")));
        assertEquals(List.of(), titles(at(text.replace("ct.name", "zz.name"), "zz.name", "unknown-field")));
        // an override keeps the earlier rule's source: Falco refuses another (QA round 26)
        String override = "- rule: r\n  condition: and ct.name = x\n  override:\n    condition: append\n";
        assertEquals(List.of(), titles(at(override, "ct.name", "unknown-field")));
    }

    /**
     * Each missing key has its own diagnostic, all at the rule's name: each gets the action adding
     * its key, preferred, once (QA: the three actions on each of the three, "condition" preferred).
     */
    @Test
    void eachMissingKeyDiagnosticGetsItsOwnFix() {
        String text = "- rule: r\n  desc: more\n";
        Range at = r(text, "r", 0);
        List<Diagnostic> ds = new java.util.ArrayList<>();
        for (String key : List.of("condition", "output", "priority")) {
            ds.add(new Diagnostic(at, "This rule has no '" + key + "' key, which Falco requires.", null, "falconer", "missing-key"));
        }
        List<CodeAction> actions = NAV.codeActions(workspace(A, text), A, range(at),
                ds.stream().map(DiagnosticFix::from).toList(), List.of(CodeActionKind.QuickFix), Locale.ENGLISH);
        assertEquals(List.of("Add the missing key 'condition'", "Add the missing key 'output'", "Add the missing key 'priority'"),
                titles(actions));
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(ds.get(i)), actions.get(i).getDiagnostics());
            assertEquals(Boolean.TRUE, actions.get(i).getIsPreferred());
        }
        // in Japanese the message quotes the key too
        Diagnostic ja = new Diagnostic(at, "この rule には Falco が必須とする 'output' キーがありません。", null, "falconer", "missing-key");
        List<CodeAction> one = NAV.codeActions(workspace(A, text), A, range(at), List.of(DiagnosticFix.from(ja)),
                List.of(CodeActionKind.QuickFix), Locale.JAPANESE);
        assertEquals(List.of(ja), one.get(0).getDiagnostics());
        assertTrue(one.get(0).getTitle().contains("'output'"), one.get(0).getTitle());
        // the keys no diagnostic was sent for are offered too, answering none
        assertEquals(3, one.size());
        assertEquals(null, one.get(1).getDiagnostics());
    }

    @Test
    void legacyAppendBecomesTheEquivalentOverride() {
        String text = """
                - list: shells
                  items: [fish]
                  append: true
                - macro: spawned
                  condition: or evt.type = execveat
                  append: true
                - rule: Shell
                  condition: and proc.pid > 1
                  output: ignored by a legacy append
                  priority: ERROR
                  append: true
                  exceptions:
                    - name: known
                      values: [[x]]
                """;
        assertEquals("Replace 'append: true' with the equivalent 'override'",
                at(text, "shells", "deprecated-append").get(0).getTitle());
        assertTrue(applyFirst(text, at(text, "shells", "deprecated-append"), 3)
                .contains("  items: [fish]\n  override: {items: append}\n"));
        assertTrue(applyFirst(text, at(text, "spawned", "deprecated-append"), 3)
                .contains("  override: {condition: append}\n"));
        String rule = applyFirst(text, at(text, "Shell", "deprecated-append"), 3);
        assertTrue(rule.endsWith("""
                - rule: Shell
                  condition: and proc.pid > 1
                  override: {condition: append, exceptions: append}
                  exceptions:
                    - name: known
                      values: [[x]]
                """), rule);
    }

    @Test
    void putsAListUsedWithoutParenthesesInThem() {
        String text = """
                - list: shells
                  items: [bash, sh]
                - macro: m
                  condition: >
                    evt.type = execve and
                    proc.name in shells
                """;
        List<CodeAction> actions = at(text, "shells", 1, "list-not-parenthesized");
        assertEquals(List.of("Put the list 'shells' in parentheses"), titles(actions));
        assertTrue(applyFirst(text, actions, 2).contains("    proc.name in (shells)\n"));
    }

    @Test
    void engineVersionMatchingTheFeaturesUsed() {
        String text = """
                - macro: m
                  condition: proc.name iglob "ba*"
                - rule: r
                  desc: d
                  condition: m and tolower(proc.name) = bash
                  output: o
                  priority: INFO
                """;
        WorkspaceSnapshot s = workspace(A, text);
        List<CodeAction> source = NAV.codeActions(s, A, range(new TextRange(new TextPosition(0, 0), new TextPosition(0, 0))),
                List.of(), List.of(CodeActionKind.Source), Locale.ENGLISH);
        assertEquals(List.of("Add required_engine_version: 0.40.0 (needed by the features used)"), titles(source));
        assertNull(source.get(0).getIsPreferred(), "a source action offered anywhere is nobody's preferred fix");
        String added = Nav.apply(text, source.get(0).getEdit().getChanges().get(A));
        assertTrue(added.startsWith("- required_engine_version: 0.40.0\n- macro: m\n"), added);
        Nav.assertValidYaml(added, 3);
        // nothing more to ask once the file asks for enough
        assertEquals(List.of(), NAV.codeActions(workspace(A, added), A, range(new TextRange(new TextPosition(0, 0),
                new TextPosition(0, 0))), List.of(), List.of(CodeActionKind.Source), Locale.ENGLISH));

        // in the file's line breaks, and as an entry of a flow sequence (QA round 19)
        String crlf = text.replace("\n", "\r\n");
        String addedCrlf = Nav.apply(crlf, NAV.codeActions(workspace(A, crlf), A, range(new TextRange(new TextPosition(0, 0),
                new TextPosition(0, 0))), List.of(), List.of(CodeActionKind.Source), Locale.ENGLISH).get(0).getEdit()
                .getChanges().get(A));
        assertTrue(addedCrlf.startsWith("- required_engine_version: 0.40.0\r\n- macro: m\r\n"), addedCrlf);
        String flow = "[{macro: m, condition: proc.name iglob \"ba*\"}]\n";
        String addedFlow = Nav.apply(flow, NAV.codeActions(workspace(A, flow), A, range(new TextRange(new TextPosition(0, 0),
                new TextPosition(0, 0))), List.of(), List.of(CodeActionKind.Source), Locale.ENGLISH).get(0).getEdit()
                .getChanges().get(A));
        assertEquals("[{required_engine_version: 0.40.0}, {macro: m, condition: proc.name iglob \"ba*\"}]\n", addedFlow);
        Nav.assertValidYaml(addedFlow, 2);

        String old = "- required_engine_version: '0.26.0'\n" + text.replace("iglob", "glob");
        List<CodeAction> raise = at(old, "m", "newer-feature");
        assertEquals(List.of("Raise required_engine_version to 0.40.0 (needed by the features used)"), titles(raise));
        assertEquals(CodeActionKind.QuickFix, raise.get(0).getKind());
        assertTrue(raise.get(0).getIsPreferred(), "the fix of the diagnostic it answers");
        assertTrue(applyFirst(old, raise, 3).startsWith("- required_engine_version: '0.40.0'\n"));
    }

    @Test
    void onlyTheKindsAsked() {
        String text = "- macro: m\n  condition: proc.name = bash\n  append: true\n";
        WorkspaceSnapshot s = workspace(A, text);
        TextRange at = range(r(text, "m", 0));
        assertEquals(List.of(CodeActionKind.QuickFix, CodeActionKind.Source),
                NAV.codeActions(s, A, at, List.of(), null, Locale.ENGLISH).stream().map(CodeAction::getKind).toList());
        assertEquals(List.of(CodeActionKind.Source), NAV.codeActions(s, A, at, List.of(), List.of(CodeActionKind.Source),
                Locale.ENGLISH).stream().map(CodeAction::getKind).toList());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void assertFix(String text, String code, String word, int occurrence, List<String> suggestions,
                                  String title, String before, String after) {
        WorkspaceSnapshot s = workspace(A, text);
        Range range = r(text, word, occurrence);
        List<CodeAction> actions = NAV.codeActions(s, A, range(range),
                List.of(DiagnosticFix.of(code, range(range), suggestions)), List.of(CodeActionKind.QuickFix),
                Locale.ENGLISH).stream().filter(a -> a.getTitle().startsWith("Change to")).toList();
        assertEquals(suggestions.size(), actions.size(), () -> titles(actions).toString());
        assertEquals(title, actions.get(0).getTitle());
        assertEquals(CodeActionKind.QuickFix, actions.get(0).getKind());
        String fixed = Nav.apply(text, actions.get(0).getEdit().getChanges().get(A));
        assertTrue(text.contains(before));
        assertTrue(fixed.contains(after), fixed);
        Nav.assertValidYaml(fixed, RulesDocument.parse(A, text).items().size());
    }

    private static List<CodeAction> at(String text, String word, String code) {
        return at(text, word, 0, code);
    }

    /** The quick fixes for a diagnostic of {@code code} on the {@code occurrence}-th {@code word}. */
    private static List<CodeAction> at(String text, String word, int occurrence, String code) {
        Range range = r(text, word, occurrence);
        Diagnostic d = new Diagnostic(range, code, null, "falconer", code);
        List<CodeAction> all = NAV.codeActions(workspace(A, text), A, range(range), List.of(DiagnosticFix.from(d)),
                List.of(CodeActionKind.QuickFix), Locale.ENGLISH);
        return all.stream().filter(a -> a.getDiagnostics() != null && a.getDiagnostics().contains(d)).toList();
    }

    private static String applyFirst(String text, List<CodeAction> actions, int items) {
        String fixed = Nav.apply(text, actions.get(0).getEdit().getChanges().get(A));
        Nav.assertValidYaml(fixed, items);
        return fixed;
    }

    private static List<String> titles(List<CodeAction> actions) {
        return actions.stream().map(CodeAction::getTitle).toList();
    }

    private static TextRange range(Range r) {
        return new TextRange(new TextPosition(r.getStart().getLine(), r.getStart().getCharacter()),
                new TextPosition(r.getEnd().getLine(), r.getEnd().getCharacter()));
    }

    private static TextRange range(TextRange r) {
        return r;
    }

    private static JsonArray array(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}

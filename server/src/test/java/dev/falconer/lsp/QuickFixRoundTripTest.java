package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.navigate.DiagnosticFix;
import dev.falconer.navigate.Navigator;
import dev.falconer.rules.BrokenItem;
import dev.falconer.rules.MalformedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.Cancellation;
import dev.falconer.service.CheckDiagnostics;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextDocument;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every quick fix answered from a real diagnostic: the checks run on a small file, their
 * diagnostics become LSP diagnostics exactly as the server publishes them, the code-action
 * function gets them back as a client sends them, the fix is applied, and the file is checked
 * again: the diagnostic is gone and the file still reads as the same YAML items.
 */
class QuickFixRoundTripTest {
    static final String URI = "file:///ws/fix_rules.yaml";
    static final FieldCatalog CATALOG = FieldCatalog.defaults();
    static final Navigator NAV = new Navigator(CATALOG);
    static final CheckDiagnostics CHECKS = new CheckDiagnostics();

    static final String RULE = """
            - list: shell_binaries
              items: [bash, sh]
            - macro: spawned_process
              condition: evt.type = execve
            - rule: r
              desc: d
              condition: spawned_process and proc.name in (shell_binaries)
              output: "shell %proc.name"
              priority: WARNING
            """;

    @Test
    void unknownFieldInACondition() {
        assertFixed(RULE.replace("proc.name in", "proc.nmae in"), "unknown-field", "proc.nmae", "proc.name in");
    }

    @Test
    void unknownFieldInAFoldedCondition() {
        String text = RULE.replace("condition: spawned_process and proc.name in (shell_binaries)",
                "condition: >\n    spawned_process and\n    proc.nmae in (shell_binaries)");
        assertFixed(text, "unknown-field", "proc.nmae", "    proc.name in (shell_binaries)\n");
    }

    @Test
    void unknownMacro() {
        assertFixed(RULE.replace("condition: spawned_process and", "condition: spawned_proces and"), "unknown-macro",
                "spawned_proces", "condition: spawned_process and");
    }

    @Test
    void listNameNearMiss() {
        assertFixed(RULE.replace("(shell_binaries)", "(shell_binarys)"), "unknown-list", "shell_binarys",
                "in (shell_binaries)");
    }

    @Test
    void unknownKey() {
        assertFixed(RULE.replace("  priority: WARNING", "  priorty: WARNING"), "unknown-key", "priorty",
                "  priority: WARNING");
    }

    @Test
    void invalidPriority() {
        assertFixed(RULE.replace("priority: WARNING", "priority: CRITICL"), "invalid-priority", "CRITICL",
                "priority: CRITICAL");
    }

    @Test
    void unknownSource() {
        assertFixed(RULE + "  source: sycall\n", "unknown-source", "sycall", "source: syscall");
    }

    @Test
    void unknownOutputField() {
        assertFixed(RULE.replace("%proc.name", "%proc.nmae"), "output-field", "proc.nmae", "\"shell %proc.name\"");
    }

    @Test
    void unknownExceptionField() {
        String text = RULE + """
                  exceptions:
                    - name: known
                      fields: [proc.nmae]
                      values: [[bash]]
                """;
        assertFixed(text, "exception-field", "proc.nmae", "fields: [proc.name]");
    }

    /** A misspelt comp gets its fix as a misspelt field does (QA round 19). */
    @Test
    void misspeltExceptionComp() {
        String text = RULE + """
                  exceptions:
                    - name: known
                      fields: [proc.name, proc.cmdline]
                      comps: [=, contans]
                      values: [[bash, x]]
                """;
        assertFixed(text, "exception-operator", "contans", "comps: [=, contains]");
        assertFixed(text.replace("contans", "STARTSWITH"), "exception-operator", "STARTSWITH", "comps: [=, startswith]");
    }

    @Test
    void unknownItemKind() {
        assertFixed(RULE.replace("- macro: spawned_process", "- macr: spawned_process"), "unknown-item", "macr",
                "- macro: spawned_process");
    }

    @Test
    void bracketedListInACondition() {
        assertFixed(RULE.replace("(shell_binaries)", "[bash]"), "list-literal", "[bash]", "proc.name in (bash)");
    }

    /** A bracketed list over two lines of a block scalar: the fix puts it on one line (QA round 18: the file broke). */
    @Test
    void bracketedListOverTwoLinesOfABlockCondition() {
        for (String style : List.of(">", "|")) {
            String text = RULE.replace("condition: spawned_process and proc.name in (shell_binaries)",
                    "condition: " + style + "\n    spawned_process and proc.name in [bash,\n      zsh]");
            assertFixed(text, "list-literal", "[bash,\n      zsh]", "proc.name in (bash, zsh)");
        }
    }

    /** A quoted item holding ']' does not close the list (QA round 18). */
    @Test
    void bracketedListWithABracketInAQuotedItem() {
        assertFixed(RULE.replace("proc.name in (shell_binaries)", "proc.cmdline in [\"a]b\", c]"), "list-literal",
                "[\"a]b\", c]", "proc.cmdline in (\"a]b\", c)");
    }

    @Test
    void listUsedWithoutParentheses() {
        assertFixed(RULE.replace("(shell_binaries)", "shell_binaries"), "list-not-parenthesized", "shell_binaries",
                "in (shell_binaries)\n");
    }

    /** After a bracketed list, the check still reports a list without parentheses: its fix is offered too (QA round 19). */
    @Test
    void listUsedWithoutParenthesesAfterABracketedList() {
        assertFixed(RULE.replace("proc.name in (shell_binaries)", "proc.name in [bash] and proc.name in shell_binaries"),
                "list-not-parenthesized", "shell_binaries", "in (shell_binaries)\n");
    }

    @Test
    void missingRequiredKey() {
        assertFixed(RULE.replace("  desc: d\n", ""), "missing-key", "r", "  desc: r\n");
    }

    @Test
    void legacyAppend() {
        String text = RULE + """
                - list: shell_binaries
                  items: [zsh]
                  append: true
                """;
        assertFixed(text, "deprecated-append", "append: true", "override: {items: append}");
    }

    @Test
    void featureNewerThanTheRequiredEngine() {
        String text = "- required_engine_version: 0.26.0\n"
                + RULE.replace("proc.name in (shell_binaries)", "tolower(proc.name) in (shell_binaries)");
        assertFixed(text, "newer-feature", "tolower", "- required_engine_version: 0.");
    }

    @Test
    void containerFieldNewerThanTheRequiredEngine() {
        // container fields come from a plugin today but were Falco's own: they follow Falco's releases
        String text = "- required_engine_version: 0.26.0\n"
                + RULE.replace("proc.name in (shell_binaries)", "container.host_pid = true");
        assertFixed(text.replace("- list: shell_binaries\n  items: [bash, sh]\n", ""), "newer-feature",
                "container.host_pid", "- required_engine_version: 0.");
    }

    @Test
    void diagnosticDataCarriesFalcosCodeAndTheSuggestions() {
        String text = RULE.replace("proc.name in", "proc.nmae in");
        Diagnostic d = published(text).stream().filter(x -> "unknown-field".equals(code(x))).findFirst().orElseThrow();
        assertEquals("falconer", d.getSource());
        JsonObject data = (JsonObject) d.getData();
        assertEquals("LOAD_ERR_COMPILE_CONDITION", data.get("falcoCode").getAsString());
        assertEquals("proc.name", data.getAsJsonArray(DiagnosticFix.DATA_SUGGESTIONS).get(0).getAsString());
        // neither a Falco code nor a suggestion: no data at all
        Diagnostic newer = published("- required_engine_version: 0.26.0\n" + RULE.replace("proc.name in", "tolower(proc.name) in"))
                .stream().filter(x -> "newer-feature".equals(code(x))).findFirst().orElseThrow();
        assertNull(newer.getData());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void throughTheLanguageServer() throws Exception {
        String text = RULE.replace("proc.name in (shell_binaries)", "proc.nmae in [bash] and spawned_proces")
                .replace("priority: WARNING", "priority: WARN");
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(LifecycleTest.initializeParams()).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            var docs = c.server.getTextDocumentService();
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", 1, text)));
            List<Diagnostic> published = c.client.nextDiagnostics(URI).getDiagnostics();
            assertEquals(List.of("unused-list", "unknown-field", "list-literal", "unknown-macro", "invalid-priority"),
                    published.stream().map(QuickFixRoundTripTest::code).toList());
            String fixedAll = text;
            for (Diagnostic d : published.subList(1, 5)) {
                List<Either<Command, CodeAction>> actions = docs.codeAction(new CodeActionParams(
                        new TextDocumentIdentifier(URI), d.getRange(), new CodeActionContext(List.of(d))))
                        .get(5, TimeUnit.SECONDS);
                CodeAction fix = actions.stream().map(Either::getRight)
                        .filter(a -> a.getDiagnostics() != null && a.getDiagnostics().contains(d)).findFirst()
                        .orElseThrow(() -> new AssertionError("no fix for " + code(d) + " in " + actions));
                assertEquals(CodeActionKind.QuickFix, fix.getKind());
                fixedAll = apply(fixedAll, fix.getEdit().getChanges().get(URI));
            }
            assertTrue(fixedAll.contains("proc.name in (bash) and spawned_process\n"), fixedAll);
            assertTrue(fixedAll.contains("priority: WARNING\n"), fixedAll);
            assertEquals(List.of("unused-list"), published(fixedAll).stream().map(QuickFixRoundTripTest::code).toList());
        }
    }

    /**
     * Checks {@code text}, takes its diagnostic of {@code code} on {@code culprit}, asks for its
     * quick fixes as a client would, applies the first and checks again.
     */
    private static void assertFixed(String text, String code, String culprit, String expected) {
        List<Diagnostic> before = published(text);
        Diagnostic target = before.stream().filter(d -> code.equals(code(d)) && culprit.equals(under(text, d)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " on " + culprit + " in " + codes(before)));
        List<CodeAction> fixes = NAV.codeActions(snapshot(text), URI, Lsp.range(target.getRange()),
                List.of(DiagnosticFix.from(target)), List.of(CodeActionKind.QuickFix), Locale.ENGLISH).stream()
                .filter(a -> a.getDiagnostics() != null && a.getDiagnostics().contains(target)).toList();
        assertFalse(fixes.isEmpty(), () -> "no quick fix for " + code);
        String fixed = apply(text, fixes.get(0).getEdit().getChanges().get(URI));
        assertTrue(fixed.contains(expected), () -> fixes.get(0).getTitle() + " gave:\n" + fixed);
        RulesDocument doc = RulesDocument.parse(URI, fixed);
        assertTrue(doc.items().stream().noneMatch(i -> i instanceof BrokenItem || i instanceof MalformedItem), fixed);
        assertEquals(RulesDocument.parse(URI, text).items().size(), doc.items().size(), fixed);
        List<Diagnostic> after = published(fixed);
        assertTrue(after.stream().noneMatch(d -> code.equals(code(d))), () -> code + " still there: " + codes(after));
        assertTrue(after.size() < before.size(), () -> codes(before) + " -> " + codes(after));
    }

    /** The diagnostics as the server publishes them. */
    static List<Diagnostic> published(String text) {
        WorkspaceSnapshot s = snapshot(text);
        return CHECKS.diagnostics(new AnalysisRequest(s, URI, CATALOG, FalconerSettings.defaults()), Cancellation.never())
                .stream().map(Lsp::diagnostic).toList();
    }

    private static WorkspaceSnapshot snapshot(String text) {
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.open(URI, 1, text);
        return ws.snapshot();
    }

    /** Applies one file's edits (all relative to the original text) as the editor does, last first. */
    static String apply(String text, List<TextEdit> edits) {
        TextDocument doc = new TextDocument(URI, 1, text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> doc.offset(Lsp.position(e.getRange().getStart()))).reversed());
        List<ContentChange> changes = sorted.stream().map(e -> new ContentChange(Lsp.range(e.getRange()), e.getNewText()))
                .toList();
        return doc.withChanges(2, changes).text();
    }

    private static String under(String text, Diagnostic d) {
        TextDocument doc = new TextDocument(URI, 1, text);
        return text.substring(doc.offset(Lsp.position(d.getRange().getStart())),
                doc.offset(Lsp.position(d.getRange().getEnd())));
    }

    static String code(Diagnostic d) {
        assertNotNull(d.getCode());
        return d.getCode().getLeft();
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(d -> code(d) + "@" + d.getRange().getStart().getLine() + ":"
                + d.getRange().getStart().getCharacter()).toList();
    }
}

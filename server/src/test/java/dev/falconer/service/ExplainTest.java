package dev.falconer.service;

import static dev.falconer.service.ServiceAssert.EN;
import static dev.falconer.service.ServiceAssert.JA;
import static dev.falconer.service.ServiceAssert.SERVICE;
import static dev.falconer.service.ServiceAssert.URI;
import static dev.falconer.service.ServiceAssert.assertHover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.explain.ValueGlosses;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.ServiceAssert.Cursor;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The explain lens, the {@code falconer.explain} command and the explanations hover shows. */
class ExplainTest {

    /** A list, two macros, a rule using them, and an entry that only disables a rule (no condition). */
    private static final String RULES = """
            - list: account_tools
              items: [adduser, useradd, mkhomedir_helper]
            # A program was executed.
            - macro: spawned_process
              condition: evt.type in (execve, execveat)
            - macro: in_scratch_dir
              condition: proc.args contains /dev/shm or proc.args contains /tmp
            - rule: Home Directory in Scratch Space
              desc: An account tool gives a user a home directory in a throwaway place.
              condition: >
                spawned_process and proc.name in (account_tools) and in_scratch_dir
                and not proc.cmdline contains "--no-create-home" and not proc.cmdline contains " -H "
              output: Home directory in scratch space (user=%user.name command=%proc.cmdline)
              priority: WARNING
            - rule: Home Directory in Scratch Space
              enabled: true
            """;

    private static WorkspaceSnapshot workspace(String text) {
        return ServiceAssert.workspace(Cursor.of(URI, text + "|"));
    }

    private static String at(ExplainLens lens, String text) {
        RulesDocument doc = RulesDocument.parse(URI, text);
        return doc.text().substring(doc.lineIndex().offset(lens.range().start()), doc.lineIndex().offset(lens.range().end()));
    }

    @Test
    void oneLensAboveEachRuleAndMacroCondition() {
        WorkspaceSnapshot ws = workspace(RULES);
        List<ExplainLens> lenses = SERVICE.explainLenses(ws, URI, EN);
        assertEquals(List.of(new SymbolKey(ItemKind.MACRO, "spawned_process"), new SymbolKey(ItemKind.MACRO, "in_scratch_dir"),
                new SymbolKey(ItemKind.RULE, "Home Directory in Scratch Space")), lenses.stream().map(ExplainLens::item).toList());
        for (ExplainLens l : lenses) {
            assertEquals("condition", at(l, RULES));
            assertEquals(URI, l.uri());
        }
        assertEquals(List.of(4, 6, 9), lenses.stream().map(l -> l.range().start().line()).toList());
    }

    @Test
    void lensTitlesAreTheSummaryFilledOnResolveAndReused() {
        String text = RULES.replace("in_scratch_dir\n", "in_scratch_dir\n    and proc.pname in (sshd, cron, systemd, bash, login, sudo)\n");
        WorkspaceSnapshot ws = workspace(text);
        ExplainLens rule = SERVICE.explainLenses(ws, URI, EN).get(2);
        assertNull(rule.title(), "summaries are computed on resolve, not when listing");
        ExplainLens resolved = SERVICE.resolveExplainLens(rule, ws, EN);
        String title = resolved.title();
        assertTrue(title.length() <= 120, title);
        assertTrue(title.endsWith("…"), "a long summary is cut: " + title);
        assertTrue(title.startsWith("A new process"), title);
        // Once known on this snapshot, the list carries the title and resolving again gives the same text.
        assertEquals(title, SERVICE.explainLenses(ws, URI, EN).get(2).title());
        assertEquals(title, SERVICE.resolveExplainLens(rule, ws, EN).title());

        ExplainLens macro = SERVICE.resolveExplainLens(SERVICE.explainLenses(ws, URI, EN).get(0), ws, EN);
        assertFalse(macro.title().endsWith("…"), macro.title());
        assertTrue(macro.title().contains("new process"), macro.title());
    }

    @Test
    void settingSwitchesTheLensOff() {
        WorkspaceSnapshot ws = workspace(RULES);
        FalconerSettings off = new FalconerSettings(Locale.ENGLISH, List.of(), List.of(), List.of(), java.util.Map.of(),
                false, true, 10, FalconerSettings.DEFAULT_FILE_PATTERNS);
        assertEquals(List.of(), SERVICE.explainLenses(ws, URI, off));
        assertEquals(3, SERVICE.explainLenses(ws, URI, EN).size());
    }

    @Test
    void japaneseLensTitle() {
        WorkspaceSnapshot ws = workspace(RULES);
        ExplainLens rule = SERVICE.explainLenses(ws, URI, JA).get(2);
        String ja = SERVICE.resolveExplainLens(rule, ws, JA).title();
        String en = SERVICE.resolveExplainLens(rule, ws, EN).title();
        assertNotEquals(en, ja);
        assertTrue(ja.contains("プロセス"), ja);
        assertTrue(ja.length() <= 120, ja);
    }

    @Test
    void commandExplainsARuleClauseByClauseWithItsDescription() {
        WorkspaceSnapshot ws = workspace(RULES);
        String md = SERVICE.explain(ws, new SymbolKey(ItemKind.RULE, "Home Directory in Scratch Space"), EN).orElseThrow();
        assertTrue(md.startsWith("**Home Directory in Scratch Space**"), md);
        for (String part : List.of("> An account tool gives a user a home directory",
                "- [`spawned_process`](command:falconer.explain?%5B%7B%22uri%22%3A%22",
                "%22kind%22%3A%22macro%22%2C%22name%22%3A%22spawned_process%22%7D%5D): a new process was started",
                "`account_tools`", "`--no-create-home`", "Priority: warning (`WARNING`)")) {
            assertTrue(md.contains(part), () -> "lacks <" + part + ">:\n" + md);
        }
    }

    @Test
    void commandExplainsAMacroWithItsComment() {
        WorkspaceSnapshot ws = workspace(RULES);
        String md = SERVICE.explain(ws, new SymbolKey(ItemKind.MACRO, "spawned_process"), EN).orElseThrow();
        assertTrue(md.startsWith("**`spawned_process`** (macro)"), md);
        assertTrue(md.contains("A program was executed."), md);
        assertTrue(md.contains("`execve`"), md);
        assertEquals(Optional.empty(), SERVICE.explain(ws, new SymbolKey(ItemKind.LIST, "account_tools"), EN));
        assertEquals(Optional.empty(), SERVICE.explain(ws, new SymbolKey(ItemKind.MACRO, "no_such_macro"), EN));
    }

    @Test
    void commandTargetIsTheItemUnderTheCursor() {
        Cursor inRule = Cursor.of(URI, RULES.replace("priority: WARNING", "priority: WAR|NING"));
        assertEquals(Optional.of(new SymbolKey(ItemKind.RULE, "Home Directory in Scratch Space")),
                SERVICE.explainableAt(ServiceAssert.workspace(inRule), URI, inRule.position()));
        Cursor inMacro = Cursor.of(URI, RULES.replace("- macro: in_scr", "- macro: in_s|cr"));
        assertEquals(Optional.of(new SymbolKey(ItemKind.MACRO, "in_scratch_dir")),
                SERVICE.explainableAt(ServiceAssert.workspace(inMacro), URI, inMacro.position()));
        Cursor inList = Cursor.of(URI, RULES.replace("items: [adduser", "items: [add|user"));
        assertEquals(Optional.empty(), SERVICE.explainableAt(ServiceAssert.workspace(inList), URI, inList.position()));
    }

    @Test
    void hoverOnRuleNameShowsTheExplanationAndWhereItIsDefined() {
        assertHover(RULES.replace("- rule: Home Directory in Scratch Space\n  desc",
                        "- rule: Home Directory in Scr|atch Space\n  desc"), "Home Directory in Scratch Space",
                "**Home Directory in Scratch Space**", "> An account tool gives", "- `spawned_process`: a new process was started",
                "Defined in [test_rules.yaml:8]", "Enabled or disabled in [test_rules.yaml:15]");
    }

    @Test
    void hoverOnConditionKeyShowsTheExplanationThenWhatTheKeyMeans() {
        HoverResult h = assertHover(RULES.replace("  condition: >", "  cond|ition: >"), "condition",
                "**Home Directory in Scratch Space**", "- `spawned_process`: a new process was started", "event matches the rule");
        assertTrue(h.markdown().indexOf("a new process") < h.markdown().indexOf("event matches the rule"));
        assertHover(RULES.replace("  condition: evt.type", "  con|dition: evt.type"), "condition",
                "**`spawned_process`** (macro)", "only macros defined before it");
    }

    @Test
    void hoverOnMacroCarriesItsPlainLanguageSummary() {
        String summary = SERVICE.resolveExplainLens(SERVICE.explainLenses(workspace(RULES), URI, EN).get(0),
                workspace(RULES), EN).title();
        assertHover(RULES.replace("spawned_process and", "spawned_pro|cess and"), "spawned_process",
                "**`spawned_process`** · macro", "**In plain words:** " + summary, "evt.type in (execve, execveat)");
        assertHover(RULES.replace("- macro: spawned_process", "- macro: spawned_|process"), "spawned_process",
                "**In plain words:** " + summary);
    }

    @Test
    void hoverOnAValueWithAGlossShowsIt() {
        String shm = ValueGlosses.builtIn().gloss("/dev/shm", Locale.ENGLISH).orElseThrow();
        assertHover(RULES.replace("contains /dev/shm", "contains /dev/s|hm"), "/dev/shm", "**`/dev/shm`** · value", shm);
        String adduser = ValueGlosses.builtIn().gloss("adduser", Locale.JAPANESE).orElseThrow();
        assertHover(RULES.replace("[adduser", "[add|user"), JA, "adduser", "**`adduser`** · 値", adduser);
        // A list name keeps its list hover; an event type its event-type hover.
        assertHover(RULES.replace("in (account_tools)", "in (account_to|ols)"), "account_tools", "· list");
        assertHover(RULES.replace("(execve, execveat)", "(exec|ve, execveat)"), "execve", "event type");
    }

    @Test
    void japaneseHoverOnRuleName() {
        assertHover(RULES.replace("- rule: Home Directory in Scratch Space\n  desc",
                        "- rule: Home Directory in Scr|atch Space\n  desc"), JA, "Home Directory in Scratch Space",
                "**Home Directory in Scratch Space**", "プロセス", "定義");
    }
}

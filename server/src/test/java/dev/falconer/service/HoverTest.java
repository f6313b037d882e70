package dev.falconer.service;

import static dev.falconer.service.ServiceAssert.assertHover;
import static dev.falconer.service.ServiceAssert.assertNoHover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HoverTest {

    private static final String RULE_TAIL = "\n  output: x\n  priority: WARNING\n  desc: d\n";

    @Test
    void aRuleDisabledByALaterEntrySaysSoOnce() {
        String text = "- rule: R\n  condition: proc.name = bash" + RULE_TAIL + "- rule: |R\n  enabled: false\n";
        HoverResult h = assertHover(text, "R", "Disabled (`enabled: false`)");
        assertEquals(h.markdown().indexOf("Disabled"), h.markdown().lastIndexOf("Disabled"), h.markdown());
    }

    @Test
    void transformerInAnOutput() {
        String text = "- rule: r\n  condition: proc.name = bash\n  output: user %tolo|wer(user.name) ran\n  priority: INFO\n  desc: d\n";
        assertHover(text, "tolower", "tolower");
        // the field inside it is still the field
        assertHover(text.replace("tolo|wer(user.name)", "tolower(user.na|me)"), "user.name", "user.name");
        // on the '%' that opens a placeholder (QA round 25: nothing there before)
        assertHover(text.replace("%tolo|wer(user.name)", "|%tolower(user.name)"), "tolower", "tolower");
        assertHover(text.replace("%tolo|wer(user.name)", "|%user.name"), "user.name", "user.name");
    }

    @Test
    void listNamedInAnExceptionValue() {
        String text = "- list: shells\n  items: [bash, sh]\n"
                + "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n      fields: [proc.pname, proc.name]\n"
                + "      values: [[xyzzy, she|lls]]" + RULE_TAIL;
        assertHover(text, "shells", "**`shells`** · list", "bash");
        // a plain value is no list: nothing to say about it
        assertNoHover(text.replace("she|lls", "shells").replace("[[xyzzy", "[[xy|zzy"));
    }

    @Test
    void fieldShowsTypeSourcesAndDescription() {
        String desc = FieldCatalog.defaults().field("proc.name").orElseThrow().description(Locale.ENGLISH);
        assertHover("- rule: r\n  condition: proc.na|me = bash" + RULE_TAIL, "proc.name",
                "proc.name", "`CHARBUF`", "`syscall`", desc);
    }

    @Test
    void fieldInJapanese() {
        String desc = FieldCatalog.defaults().field("proc.pname").orElseThrow().description(Locale.JAPANESE);
        assertHover("- rule: r\n  condition: proc.name = bash and |proc.pname = x" + RULE_TAIL,
                ServiceAssert.JA, "proc.pname", "型:", desc);
    }

    @Test
    void fieldWithArgumentAndVersion() {
        assertHover("- rule: r\n  condition: proc.ana|me[2] = bash" + RULE_TAIL, "proc.aname[2]",
                "Argument (optional)", "`[N]`", "Introduced in Falco");
    }

    @Test
    void versionAtTheCatalogBaselineReadsOrEarlier() {
        assertHover("- rule: r\n  condition: proc.na|me = bash" + RULE_TAIL, "proc.name",
                "Introduced in Falco 0.31.0 or earlier");
        assertHover("- rule: r\n  condition: proc.na|me = bash" + RULE_TAIL, ServiceAssert.JA, "proc.name",
                "Falco 0.31.0 以前から存在");
        HoverResult newer = assertHover("- rule: r\n  condition: container.full_i|d = x" + RULE_TAIL,
                "container.full_id", "Introduced in Falco 0.37.0");
        assertFalse(newer.markdown().contains("or earlier"), newer.markdown());
        assertHover("- rule: r\n  condition: proc.name |= bash" + RULE_TAIL, "=", "Available since Falco 0.31.0 or earlier");
    }

    @Test
    void japaneseListsUseTheJapaneseSeparator() {
        HoverResult h = assertHover("- rule: r\n  condition: proc.name |= bash" + RULE_TAIL, ServiceAssert.JA, "=",
                "数値、真偽値、文字列・パス");
        assertFalse(h.markdown().contains("数値, "), h.markdown());
        assertHover("- rule: r\n  condition: proc.name |= bash" + RULE_TAIL, "=", "numbers, booleans, text and paths");
    }

    @Test
    void connectorKeywordsShowMeaningAndPrecedence() {
        assertHover("- rule: r\n  condition: proc.name = a a|nd proc.pid = 1" + RULE_TAIL, "and",
                "both sides are true", "Precedence");
        assertHover("- rule: r\n  condition: proc.name = a or| proc.pid = 1" + RULE_TAIL, "or", "at least one side");
        assertHover("- rule: r\n  condition: proc.name = a and n|ot proc.pid = 1" + RULE_TAIL, ServiceAssert.JA, "not",
                "否定", "優先順位");
        // a quoted "and" is a value, not the keyword
        assertNoHover("- rule: r\n  condition: proc.name = \"a a|nd b\"" + RULE_TAIL);
    }

    @Test
    void overrideValuesSayWhatTheyDoForThatKey() {
        String head = "- rule: r\n  condition: proc.name = a\n  exceptions: []\n  override:\n";
        assertHover(head + "    condition: app|end\n", "append", "end of the earlier rule's condition");
        assertHover(head + "    exceptions: repl|ace\n", "replace", "Drops the earlier rule's exceptions");
        assertHover(head + "    output: repl|ace\n", "replace", "Replaces the earlier rule's `output`");
        assertHover("- list: l\n  items: [a]\n  override:\n    items: app|end\n", ServiceAssert.JA, "append",
                "既存リストの要素に追加");
    }

    @Test
    void unknownFieldShowsDidYouMean() {
        assertHover("- rule: r\n  condition: proc.nmae| = bash" + RULE_TAIL, "proc.nmae", "Did you mean", "`proc.name`");
        assertHover("- rule: r\n  condition: proc.nmae| = bash" + RULE_TAIL, ServiceAssert.JA, "proc.nmae",
                "もしかして", "`proc.name`");
        // a macro has no source of its own: the note speaks of the condition (QA round 18)
        assertHover("- macro: m\n  condition: proc.nmae| = bash\n", "proc.nmae", "Falco rejects a condition that uses it");
    }

    @Test
    void deprecatedFieldSaysSo() {
        assertHover("- rule: r\n  condition: evt.late|ncy > 10" + RULE_TAIL, "evt.latency", "Deprecated");
    }

    @Test
    void fieldOfAnotherSourceCarriesANote() {
        assertHover("- rule: r\n  condition: ka.ve|rb = create" + RULE_TAIL, "ka.verb", "`k8s_audit`",
                "Not available for this rule's event source `syscall`");
    }

    /**
     * A macro serves every source, but its field fails the rules of another source using it: the
     * hover says so, as the macro's diagnostic does (QA round 17).
     */
    @Test
    void fieldInAMacroNotesTheSourcesOfItsRulesItDoesNotApplyTo() {
        String macro = "- macro: m\n  condition: ka.ve|rb = create\n- macro: outer\n  condition: m\n";
        String k8s = "- rule: k\n  condition: outer" + RULE_TAIL + "  source: k8s_audit\n";
        String sys = "- rule: s\n  condition: m" + RULE_TAIL;
        HoverResult h = assertHover(macro + k8s, "ka.verb");
        assertFalse(h.markdown().contains("Not available"), h.markdown());
        assertHover(macro + k8s + sys, "ka.verb",
                "Not available for the event source of the rules using this macro (`syscall`)");
        assertHover(macro + sys, ServiceAssert.JA, "ka.verb", "このマクロを使うルールのイベントソース（`syscall`）");
        assertHover("- macro: m\n  condition: proc.na|me = x and ka.verb = y\n" + k8s.replace("outer", "m") + sys,
                "proc.name", "(`k8s_audit`)");
    }

    /** An entry appending to a k8s_audit rule reads its fields for k8s_audit, though it names no source (QA). */
    @Test
    void anAppendEntryReadsFieldsForItsRulesSource() {
        String rule = "- rule: r\n  condition: ka.verb = get" + RULE_TAIL + "  source: k8s_audit\n";
        HoverResult h = assertHover(rule + "- rule: r\n  condition: and ka.us|er.name = x\n  override:\n    condition: append\n",
                "ka.user.name", "ka.user.name");
        assertFalse(h.markdown().contains("Not available"), h.markdown());
        assertHover(rule + "- rule: r\n  output: by %proc.na|me\n  override:\n    output: replace\n", "proc.name",
                "Not available for this rule's event source `k8s_audit`");
    }

    @Test
    void fieldInsideAFoldedMultiLineConditionHasItsExactRange() {
        HoverResult h = assertHover("- rule: r\n  condition: >\n    evt.type = execve and\n    proc.n|ame = bash"
                + RULE_TAIL, "proc.name", "proc.name");
        assertTrue(h.range().start().equals(new TextPosition(3, 4)));
    }

    @Test
    void operatorModifierAndTransformer() {
        assertHover("- rule: r\n  condition: proc.name start|swith /tmp" + RULE_TAIL, "startswith",
                "Starts with the text", "text and paths");
        assertHover("- rule: r\n  condition: proc.name startswith an|yof (a, b)" + RULE_TAIL, "anyof",
                "At least one element", "Falco 0.44.0");
        assertHover("- rule: r\n  condition: tolo|wer(proc.name) = bash" + RULE_TAIL, "tolower",
                "lower case", "0.38.0");
        assertHover("- rule: r\n  condition: proc.name ex|ists" + RULE_TAIL, "exists", "has a value");
        assertHover("- rule: r\n  condition: proc.name start|swith /tmp" + RULE_TAIL, ServiceAssert.JA,
                "startswith", "文字列・パス、");
    }

    @Test
    void eventTypeValue() {
        assertHover("- rule: r\n  condition: evt.type = exe|cve" + RULE_TAIL, "execve", "event type", "`evt.type = execve`");
        assertHover("- rule: r\n  condition: evt.type in (open, exe|cve)" + RULE_TAIL, "execve", "event type");
    }

    @Test
    void eventTypeValueCarriesItsGlossAndKind() {
        String gloss = dev.falconer.explain.ValueGlosses.builtIn().gloss("execve", Locale.ENGLISH).orElseThrow();
        HoverResult h = assertHover("- rule: r\n  condition: evt.type = exe|cve" + RULE_TAIL, "execve", gloss,
                "A system call");
        assertFalse(h.markdown().contains("A kernel event or system call name"), h.markdown());
        assertHover("- rule: r\n  condition: evt.type = proce|xit" + RULE_TAIL, "procexit", "Not a system call");
        String ja = dev.falconer.explain.ValueGlosses.builtIn().gloss("execve", Locale.JAPANESE).orElseThrow();
        assertHover("- rule: r\n  condition: evt.type = exe|cve" + RULE_TAIL, ServiceAssert.JA, "execve", ja,
                "システムコール。");
    }

    @Test
    void macroShowsConditionCommentAndWhereDefinedAndAppended() {
        String text = "# Shells we care about.\n- macro: spawned_shell\n  condition: proc.name = bash\n"
                + "- macro: spawned_shell\n  condition: or proc.name = zsh\n  override:\n    condition: append\n"
                + "- rule: r\n  condition: spawned_sh|ell" + RULE_TAIL;
        assertHover(text, "spawned_shell", "**`spawned_shell`** · macro", "Shells we care about.",
                "proc.name = bash or proc.name = zsh", "Defined in [test_rules.yaml:2]", "Appended in [test_rules.yaml:4]");
    }

    @Test
    void expandedMacroIsCanonicalTextThatParsesAgain() {
        String text = "- macro: inner\n  condition: proc.name = \"\" or not(not(fd.name = \"a,b\"))\n"
                + "- macro: outer\n  condition: inner and evt.type = execve\n"
                + "- rule: r\n  condition: out|er" + RULE_TAIL;
        String expanded = "(proc.name = \"\" or not (not fd.name = \"a,b\")) and evt.type = execve";
        HoverResult h = assertHover(text, "outer", expanded);
        assertTrue(ConditionParser.parse(expanded).ok(), h.markdown());
    }

    @Test
    void macroDefinedInAnotherFile() {
        RulesDocument base = RulesDocument.parse("file:///rules/falco_rules.yaml",
                "- macro: container\n  condition: container.id != host\n");
        HoverResult h = ServiceAssert.hover("- rule: r\n  condition: contai|ner" + RULE_TAIL, ServiceAssert.EN, base)
                .orElseThrow();
        assertTrue(h.markdown().contains("falco_rules.yaml:1"), h.markdown());
    }

    @Test
    void undefinedMacroIsSaidSo() {
        assertHover("- rule: r\n  condition: no_such|_macro" + RULE_TAIL, "no_such_macro", "No macro named `no_such_macro`");
    }

    @Test
    void listInsideInShowsItems() {
        String text = "- list: shell_binaries\n  items: [bash, zsh]\n"
                + "- rule: r\n  condition: proc.name in (shell_bin|aries)" + RULE_TAIL;
        assertHover(text, "shell_binaries", "· list", "Items (2)", "bash, zsh", "Defined in");
    }

    @Test
    void aLongListShowsItsFirstItemsAndHowManyMore() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            items.append(i == 0 ? "" : ", ").append("10.0.").append(i / 256).append('.').append(i % 256);
        }
        String text = "- list: feed\n  items: [" + items + "]\n"
                + "- rule: r\n  condition: fd.sip in (fe|ed)" + RULE_TAIL;
        HoverResult h = ServiceAssert.hover(text, ServiceAssert.EN).orElseThrow();
        assertTrue(h.markdown().contains("Items (1,500)"), h.markdown());
        assertTrue(h.markdown().contains("10.0.0.99\n```"), "the 100th item ends the shown ones: " + h.markdown());
        assertFalse(h.markdown().contains("10.0.0.100"), h.markdown());
        assertTrue(h.markdown().contains("\u2026 and 1,400 more."), h.markdown());
        assertTrue(h.markdown().length() < 2000, "hover of " + h.markdown().length() + " characters");
    }

    @Test
    void listNameInsideAnotherList() {
        String text = "- list: a\n  items: [x]\n- list: b\n  items: [|a, y]\n";
        assertHover(text, "a", "· list", "Items (1)");
    }

    @Test
    void ruleNameShowsDescriptionPriorityAndSource() {
        // The rule's explanation: its description, its condition in plain words, then priority and source.
        assertHover("- rule: Shell i|n container\n  desc: Detects shells\n  condition: proc.name = bash\n"
                + "  output: x\n  priority: WARNING\n", "Shell in container", "Detects shells",
                "the process name (`proc.name`) is `bash`", "Priority: warning (`WARNING`)", "Event source: `syscall`");
    }

    @Test
    void yamlKeysByItemKind() {
        assertHover("- rule: r\n  cond|ition: proc.name = x" + RULE_TAIL, "condition", "event matches the rule");
        assertHover("- macro: m\n  cond|ition: proc.name = x\n", "condition", "only macros defined before it");
        assertHover("- list: l\n  ite|ms: [a]\n", "items", "values of the list");
        assertHover("- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n      fie|lds: [proc.name]\n"
                + RULE_TAIL, "fields", "whose values the exception compares");
    }

    @Test
    void priorityAndSourceValues() {
        assertHover("- rule: r\n  condition: ka.verb = x\n  output: x\n  priority: WARN|ING\n  desc: d\n", "WARNING",
                "suspicious");
        assertHover("- rule: r\n  condition: ka.verb = x\n  output: x\n  priority: info\n  source: k8s_a|udit\n  desc: d\n",
                "k8s_audit", "Kubernetes");
    }

    @Test
    void outputPlaceholder() {
        assertHover("- rule: r\n  condition: proc.name = x\n  output: shell %proc.cmd|line (user=%user.name)\n"
                + "  priority: info\n  desc: d\n", "proc.cmdline", "proc.cmdline", "`CHARBUF`");
        assertHover("- rule: r\n  condition: proc.name = x\n  output: shell %toupper(user.na|me) %fd.name[0]\n"
                + "  priority: info\n  desc: d\n", "user.name", "user.name");
        assertHover("- rule: r\n  condition: proc.name = x\n  output: shell %fd.name[|0]\n"
                + "  priority: info\n  desc: d\n", "fd.name[0]", "fd.name");
    }

    @Test
    void exceptionFieldsAndComps() {
        String text = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n"
                + "      fields: [proc.name, fd.na|me]\n      comps: [=, startswith]\n" + RULE_TAIL;
        assertHover(text, "fd.name", "fd.name");
        String comps = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n"
                + "      fields: [proc.name, fd.name]\n      comps: [=, starts|with]\n" + RULE_TAIL;
        assertHover(comps, "startswith", "Starts with");
    }

    @Test
    void nothingOnBlankSpaceOrPlainText() {
        assertNoHover("- rule: r\n  desc: some te|xt\n  condition: proc.name = x\n");
        assertNoHover("|\n- rule: r\n  condition: proc.name = x\n");
    }

    @Test
    void japaneseConditionKeyHoverIsInOnePlainStyle() {
        // The explanation is written in plain style (である調); the key's description must match it.
        HoverResult h = assertHover("- rule: r\n  cond|ition: proc.name = bash" + RULE_TAIL, ServiceAssert.JA,
                "condition", "条件式");
        for (String polite : List.of("ます。", "です。", "ください。")) {
            assertFalse(h.markdown().contains(polite), () -> polite + " in:\n" + h.markdown());
        }
        java.util.ResourceBundle ja = java.util.ResourceBundle.getBundle(Docs.BUNDLE, Locale.JAPANESE);
        for (String key : ja.keySet()) {
            if (key.startsWith("key.")) {
                assertFalse(ja.getString(key).matches(".*(ます|です|ください)。?$"), key);
            }
        }
    }

    @Test
    void everyBundleKeyHasBothLanguages() {
        Texts en = Texts.of(Docs.BUNDLE, Locale.ENGLISH);
        Texts ja = Texts.of(Docs.BUNDLE, Locale.JAPANESE);
        for (String key : List.of("field.type", "key.rule.condition", "priority.debug", "completion.snippet.rule")) {
            assertFalse(en.get(key).equals(ja.get(key)), key);
        }
    }

    /** Hover reads an appended condition as the continuation of the earlier one. */
    @Test
    void anAppendedConditionHasHovers() {
        String base = "- macro: trusted\n  condition: proc.name = sshd\n- rule: R1\n  desc: d\n  condition: evt.type = execve\n"
                + "  output: o\n  priority: INFO\n- rule: R1\n  override:\n    condition: append\n";
        assertHover(base + "  condition: and not trus|ted and proc.pname = bash\n", "trusted", "proc.name = sshd");
        assertHover(base + "  condition: and not trusted and proc.pna|me = bash\n", "proc.pname", "`proc.pname`");
        assertHover(base + "  condition: a|nd not trusted\n", "and", "`and`");
    }

    /** %proc.nameand is proc.name followed by text, as Falco's formatter reads it. */
    @Test
    void anOutputPlaceholderHoversTheLongestKnownField() {
        assertHover("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: \"%proc.na|meand\"\n", "proc.name",
                "`proc.name`");
    }
}

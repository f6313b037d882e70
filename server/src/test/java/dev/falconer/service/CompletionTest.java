package dev.falconer.service;

import static dev.falconer.service.ServiceAssert.assertCompletion;
import static dev.falconer.service.ServiceAssert.entry;
import static dev.falconer.service.ServiceAssert.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
    private static final String TAIL = "\n  output: x\n  priority: WARNING\n  desc: d\n";

    @Test
    void aTransformerIsOfferedOnlyTheFieldsItAccepts() {
        List<String> inLower = labels("- rule: r\n  condition: tolower(|" + TAIL);
        assertTrue(inLower.contains("proc.name"), inLower.toString());
        assertFalse(inLower.contains("proc.pid"), "tolower takes text, not INT64");
        assertFalse(inLower.contains("fd.sip"), "nor IP addresses");
        assertFalse(inLower.contains("proc.aname"), "nor a field that refuses transformers");
        // val(): the fields the left side can be compared with; a prefix keeps what fits
        List<String> inVal = labels("- rule: r\n  condition: proc.pid = val(|" + TAIL);
        assertTrue(inVal.contains("proc.ppid"), inVal.toString());
        assertFalse(inVal.contains("proc.name"), "a PID is not compared with a name");
        assertTrue(labels("- rule: r\n  condition: proc.name = val(|" + TAIL).contains("proc.pname"));
        assertEquals(List.of("proc.pname"), labels("- rule: r\n  condition: toupper(proc.pna|" + TAIL));
    }

    @Test
    void exceptionCompsOfferModifiersAfterAStringOperator() {
        String rule = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n";
        assertEquals(List.of("allof", "anyof", "oneof"),
                labels(rule + "      comps: [=, startswith |" + TAIL).stream().sorted().toList());
        assertEquals(List.of("oneof"), labels(rule + "      comps: [startswith o|" + TAIL));
        assertEquals(List.of(), labels(rule + "      comps: [=, > |" + TAIL), "no modifier after a numeric operator");
        assertTrue(labels(rule + "      comps: [=, |" + TAIL).contains("startswith"));
    }

    @Test
    void eventArgumentNamesAfterEvtArg() {
        List<String> args = labels("- rule: r\n  condition: evt.type = open and evt.arg.fl|" + TAIL);
        assertTrue(args.contains("evt.arg.flags"), args.toString());
        assertTrue(args.stream().allMatch(l -> l.startsWith("evt.arg.fl")), args.toString());
        assertTrue(labels("- rule: r\n  condition: evt.rawarg.|" + TAIL).contains("evt.rawarg.res"));
    }

    @Test
    void nothingIsProposedInsideAQuotedString() {
        // a space typed inside quotes is part of the value, not the start of a new term
        assertEquals(List.of(), labels("- rule: r\n  condition: fd.name = \"a |\"" + TAIL));
        assertEquals(List.of(), labels("- rule: r\n  condition: 'proc.cmdline contains \"x \\\" |\"'" + TAIL));
        assertEquals(List.of(), labels("- rule: r\n  condition: proc.name in ('a b |')" + TAIL));
        // after the closing quote, the next term is proposed as usual
        assertTrue(labels("- rule: r\n  condition: fd.name = \"a b\" and |" + TAIL).contains("proc.name"));
    }

    @Test
    void topLevelSnippets() {
        List<String> all = assertCompletion("|", "rule", "macro", "list", "exceptions", "required_engine_version",
                "required_plugin_versions");
        assertEquals("rule", all.get(0));
        assertEquals(List.of("rule", "required_engine_version", "required_plugin_versions"), labels("- r|"));
        CompletionEntry rule = entry("- ru|", "rule");
        assertTrue(rule.snippet());
        assertTrue(rule.insertText().startsWith("- rule: ${1}\n"));
        assertEquals(TextRange.of(0, 0, 0, 4), rule.replace());
    }

    @Test
    void keysValidForTheItemAndNotYetPresent() {
        List<String> keys = labels("- rule: r\n  condition: proc.name = x\n  |\n");
        assertTrue(keys.containsAll(List.of("output", "desc", "priority", "source", "enabled", "tags", "exceptions")),
                keys.toString());
        assertFalse(keys.contains("condition"));
        assertFalse(keys.contains("items"));
        assertEquals(List.of("items", "override", "append"), labels("- list: l\n  |"));
        assertEquals(List.of("condition"), labels("- macro: m\n  co|"));
    }

    @Test
    void keysWhileTheItemIsHalfTyped() {
        // "  cond" without a colon makes the item unparsable YAML; the keys still come.
        assertEquals(List.of("condition"), labels("- macro: m\n  cond|"));
        assertEquals(List.of("priority"), labels("- rule: r\n  desc: d\n  pri|\n- macro: x\n  condition: a\n"));
    }

    @Test
    void exceptionKeysAndOverrideKeys() {
        List<String> keys = labels("- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n      |\n"
                + "  output: x\n");
        assertEquals(List.of("fields", "comps", "values"), keys);
        assertTrue(labels("- rule: r\n  condition: a\n  override:\n    |").containsAll(List.of("condition", "output")));
        assertEquals(List.of("append", "replace"), labels("- macro: m\n  condition: a\n  override:\n    condition: |"));
        // a rule's priority or enabled can only be replaced (spec §2.10)
        assertEquals(List.of("replace"), labels("- rule: r\n  override:\n    priority: |\n  priority: INFO\n"));
        assertEquals(List.of("replace"), labels("- rule: r\n  override:\n    enabled: |\n  enabled: false\n"));
        assertEquals(List.of("append", "replace"), labels("- rule: r\n  override:\n    tags: |\n  tags: [x]\n"));
        assertEquals("priority: replace", entry("- rule: r\n  condition: a\n  override:\n    pri|", "priority").insertText());
        assertEquals("output: ${1|append,replace|}",
                entry("- rule: r\n  condition: a\n  override:\n    out|", "output").insertText());
    }

    /** A key whose colon is written already is completed alone: no second ": ". */
    @Test
    void aKeyBeforeItsColonIsCompletedAlone() {
        assertEquals("output", entry("- rule: r\n  condition: a\n  outp|: o\n", "output").insertText());
        assertEquals("output", entry("- rule: r\n  condition: a\n  outp|xt : o\n", "output").insertText());
        assertEquals("output: ", entry("- rule: r\n  condition: a\n  outp|\n", "output").insertText());
    }

    /** An append: true entry reads only what it appends: its other keys are ignored (or an error). */
    @Test
    void aLegacyAppendEntryOffersWhatItCanAppend() {
        assertEquals(List.of("exceptions"), labels("- rule: r\n  append: true\n  condition: and x\n  |\n"));
        assertEquals(List.of(), labels("- macro: m\n  append: true\n  condition: or x\n  |\n"));
        assertEquals(List.of("items"), labels("- list: l\n  append: true\n  |\n"));
        assertTrue(labels("- rule: r\n  append: false\n  |\n").contains("output"));
    }

    /** One field (not a list): the comp compares it with all the values, so a list operator, or a string one with a modifier. */
    @Test
    void aSingleFieldExceptionCompIsAListOrStringOperator() {
        String head = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n";
        List<String> comps = labels(head + "      fields: proc.name\n      comps: |\n");
        assertTrue(comps.containsAll(List.of("in", "pmatch", "startswith")), comps.toString());
        assertFalse(comps.contains("<="), comps.toString());
        // a string operator alone is refused there: it comes with its modifier to choose
        assertEquals("startswith ${1|oneof,anyof,allof|}",
                entry(head + "      fields: proc.name\n      comps: st|\n", "startswith").insertText());
        assertEquals("in", entry(head + "      fields: proc.name\n      comps: |\n", "in").insertText());
        assertEquals("startswith", entry(head + "      fields: [proc.name]\n      comps: [st|\n", "startswith").insertText());
        List<String> numeric = labels(head + "      fields: proc.pid\n      comps: |\n");
        assertTrue(numeric.containsAll(List.of("in", "intersects")), numeric.toString());
        assertFalse(numeric.contains(">"), "a number has no modifier to take the list: " + numeric);
    }

    @Test
    void valuesOfPrioritySourceAndEnabled() {
        List<String> p = labels("- rule: r\n  priority: |");
        assertEquals("EMERGENCY", p.get(0));
        assertEquals(8, p.size());
        assertEquals(List.of("WARNING"), labels("- rule: r\n  priority: wa|"));
        CompletionEntry warning = entry("- rule: r\n  priority: W|", "WARNING");
        assertNotNull(warning.documentation());
        List<String> sources = labels("- rule: r\n  source: |");
        assertTrue(sources.containsAll(List.of("syscall", "k8s_audit", "aws_cloudtrail")));
        // syscall first, the test plugins' sources last (QA round 25)
        assertEquals("syscall", sources.get(0));
        assertTrue(sources.indexOf("dummy") > sources.indexOf("okta"), sources.toString());
        // the sources the user's Falco has, when the settings name them (QA round 18)
        FalconerSettings syscallOnly = new FalconerSettings(java.util.Locale.ENGLISH, List.of(), List.of(), List.of("syscall"),
                java.util.Map.of(), true, true, 0, FalconerSettings.DEFAULT_FILE_PATTERNS);
        assertEquals(List.of("syscall"), ServiceAssert.complete("- rule: r\n  source: |", syscallOnly).stream()
                .map(CompletionEntry::label).toList());
        assertEquals(List.of("true", "false"), labels("- rule: r\n  enabled: |"));
    }

    @Test
    void fieldsAfterAClassPrefixAreOnlyThatClass() {
        List<String> fields = labels("- rule: r\n  condition: proc.|" + TAIL);
        assertFalse(fields.isEmpty());
        assertTrue(fields.stream().allMatch(f -> f.startsWith("proc.")), fields.toString());
        assertTrue(fields.contains("proc.name"));
        CompletionEntry name = entry("- rule: r\n  condition: proc.na|" + TAIL, "proc.name");
        assertEquals("CHARBUF", name.detail());
        assertNotNull(name.documentation());
        assertEquals(TextRange.of(1, 13, 1, 20), name.replace());
    }

    @Test
    void fieldProposalsBuiltOnceStillTakeEachRequestsRange() {
        CompletionEntry first = entry("- rule: r\n  condition: proc.na|" + TAIL, "proc.name");
        CompletionEntry again = entry("- rule: r\n  condition: a and proc.na|" + TAIL, "proc.name");
        assertEquals(TextRange.of(1, 13, 1, 20), first.replace());
        assertEquals(TextRange.of(1, 19, 1, 26), again.replace());
        assertEquals(first.documentation(), again.documentation());
    }

    @Test
    void fieldsFollowTheRuleSource() {
        List<String> k8s = labels("- rule: r\n  source: k8s_audit\n  condition: ka.|" + TAIL);
        assertTrue(k8s.contains("ka.verb"), k8s.toString());
        // without source: (written last in the plugin rulesets) a plugin's fields say which source they need
        CompletionEntry verb = entry("- rule: r\n  condition: ka.|" + TAIL, "ka.verb");
        assertEquals("a field of source k8s_audit: add 'source: k8s_audit'", verb.detail());
        assertTrue(entry("- rule: r\n  condition: json.|" + TAIL, "json.value").detail().startsWith("a field of the sources "));
        // a syscall field matches first, and a plugin rule gets no syscall fields
        assertEquals("CHARBUF", entry("- rule: r\n  condition: proc.na|" + TAIL, "proc.name").detail());
        assertFalse(labels("- rule: r\n  source: k8s_audit\n  condition: proc.|" + TAIL).contains("proc.name"));
        // a source written, or an override of an earlier rule, is no rule still being typed (QA round 26)
        assertFalse(labels("- rule: r\n  source: syscall\n  condition: ka.|" + TAIL).contains("ka.verb"));
        assertFalse(labels("- rule: r\n  condition: and ka.|\n  override:\n    condition: append\n").contains("ka.verb"));
    }

    @Test
    void fieldNeedingAnArgumentGetsASnippet() {
        CompletionEntry cg = entry("- rule: r\n  condition: thread.cgr|" + TAIL, "thread.cgroup");
        assertEquals("thread.cgroup.${1}", cg.insertText());
        assertTrue(cg.snippet());
        CompletionEntry aname = entry("- rule: r\n  condition: proc.ana|" + TAIL, "proc.aname");
        assertEquals("proc.aname", aname.insertText());
    }

    @Test
    void macrosVisibleAtThatPoint() {
        String text = "- macro: first\n  condition: proc.name = a\n- macro: second\n  condition: |\n"
                + "- macro: third\n  condition: proc.name = c\n";
        List<String> inMacro = labels(text);
        assertTrue(inMacro.contains("first"));
        assertFalse(inMacro.contains("third"), "a macro sees only earlier macros");
        List<String> inRule = labels("- rule: r\n  condition: |" + TAIL + "- macro: later\n  condition: a\n");
        assertTrue(inRule.contains("later"), "a rule sees every macro");
        assertTrue(inRule.contains("not"));
    }

    /**
     * A macro the official rules do not use is most likely the user's own: at a check's start it
     * ranks among the first proposals, not behind 600 fields that a 150-item answer cuts off (QA round 18).
     */
    @Test
    void theUsersOwnMacroRanksAmongTheFirstProposals() {
        List<String> sorted = ServiceAssert.complete("- macro: shell_spawned\n  condition: proc.name = bash\n"
                        + "- rule: r\n  condition: |\n", ServiceAssert.EN).stream()
                .sorted(java.util.Comparator.comparing(CompletionEntry::sortText)).map(CompletionEntry::label).toList();
        int own = sorted.indexOf("shell_spawned");
        assertTrue(own >= 0 && own < 60, own + " " + sorted.subList(0, 60));
        assertTrue(own < sorted.indexOf("fd.sip.name"), sorted.toString());
    }

    @Test
    void macroFromABaseFileThatIsNotOpen() {
        RulesDocument base = RulesDocument.parse("file:///etc/falco/falco_rules.yaml",
                "- macro: spawned_process\n  condition: evt.type = execve\n");
        List<String> got = ServiceAssert.complete("- rule: r\n  condition: spawn|" + TAIL, ServiceAssert.EN, base)
                .stream().map(CompletionEntry::label).toList();
        assertEquals(List.of("spawned_process"), got);
    }

    @Test
    void operatorsValidForTheField() {
        List<String> ops = labels("- rule: r\n  condition: proc.name |" + TAIL);
        assertTrue(ops.containsAll(List.of("=", "startswith", "in", "glob", "exists")), ops.toString());
        assertFalse(ops.contains("<"), "a string field is no number: " + ops);
        List<String> numeric = labels("- rule: r\n  condition: proc.pid |" + TAIL);
        assertTrue(numeric.contains("<"));
        assertFalse(numeric.contains("startswith"));
        assertEquals(List.of("startswith"), labels("- rule: r\n  condition: proc.name star|" + TAIL));
        // a plugin's field before source: is typed: its own type's operators, not all 18 (QA round 25)
        List<String> verb = labels("- rule: r\n  condition: ka.verb |" + TAIL);
        assertTrue(verb.contains("startswith") && !verb.contains("<"), verb.toString());
    }

    /** The operators after a transformer are those of what it makes, as the checks judge them. */
    @Test
    void operatorsAfterATransformerAreThoseOfItsOutput() {
        List<String> length = labels("- rule: r\n  condition: len(proc.name) |" + TAIL);
        assertTrue(length.containsAll(List.of("<", ">=", "=")), length.toString());
        assertFalse(length.contains("contains"), length.toString());
        List<String> lower = labels("- rule: r\n  condition: tolower(proc.name) |" + TAIL);
        assertTrue(lower.containsAll(List.of("contains", "startswith", "glob")), lower.toString());
        assertFalse(lower.contains("bcontains"), lower.toString());
        // a call the checks refuse (len of a number): every operator, as after an unknown field
        assertTrue(labels("- rule: r\n  condition: len(proc.pid) |" + TAIL).contains("bcontains"));
    }

    @Test
    void valuesAndModifiers() {
        List<String> types = labels("- rule: r\n  condition: evt.type = exe|" + TAIL);
        assertTrue(types.contains("execve"), types.toString());
        assertTrue(types.stream().allMatch(t -> t.startsWith("exe")));
        assertTrue(labels("- rule: r\n  condition: proc.name startswith |" + TAIL).contains("oneof"));
        assertTrue(labels("- rule: r\n  condition: evt.type in (open, |" + TAIL).contains("execve"));
        // a plugin source has no evt.type: no syscall names to offer
        assertFalse(labels("- rule: r\n  source: k8s_audit\n  condition: evt.type = |" + TAIL).contains("execve"));
    }

    /** A macro whose fields (through the macros it uses) are of another source would be an error in the rule. */
    @Test
    void aRuleIsOfferedTheMacrosOfItsSource() {
        String macros = """
                - macro: kcreate
                  condition: ka.verb = create
                - macro: kcreate_pod
                  condition: kcreate and ka.target.resource = pods
                - macro: spawned
                  condition: evt.type = execve
                - macro: loop_a
                  condition: loop_b
                - macro: loop_b
                  condition: loop_a or proc.name = x
                - macro: broken
                  condition: (proc.name =
                """;
        List<String> syscall = labels(macros + "- rule: r\n  condition: spawned and |" + TAIL);
        assertTrue(syscall.containsAll(List.of("spawned", "loop_a", "loop_b", "broken")), syscall.toString());
        assertFalse(syscall.contains("kcreate"), syscall.toString());
        assertFalse(syscall.contains("kcreate_pod"), "nor a macro that uses one");
        List<String> k8s = labels(macros + "- rule: r\n  source: k8s_audit\n  condition: |" + TAIL);
        assertTrue(k8s.containsAll(List.of("kcreate", "kcreate_pod")), k8s.toString());
        assertFalse(k8s.contains("spawned"), k8s.toString());
        // an empty condition, read from the line, and a macro's condition (macros serve every source)
        assertFalse(labels(macros + "- rule: r\n  condition: |").contains("kcreate"));
        assertTrue(labels(macros + "- macro: m\n  condition: |").contains("kcreate"));
        // a rule that does not parse: its source read from the line, quotes and all (QA)
        for (String quoted : List.of("\"k8s_audit\"", "'k8s_audit'")) {
            List<String> broken = labels(macros + "- rule: r\n  desc: [oops\n  source: " + quoted + "\n  condition: k|");
            assertTrue(broken.contains("kcreate") && !broken.contains("spawned"), broken.toString());
        }
    }

    /** An entry that appends to or overrides a rule has the rule's source, though it names none (QA). */
    @Test
    void anAppendOrOverrideEntryHasItsRulesSource() {
        String base = """
                - macro: kcreate
                  condition: ka.verb = create
                - macro: spawned
                  condition: evt.type = execve
                - rule: R
                  desc: d
                  condition: kcreate
                  output: o
                  priority: INFO
                  source: k8s_audit
                """;
        for (String entry : List.of("- rule: R\n  condition: and |\n  override:\n    condition: append\n",
                "- rule: R\n  condition: and |\n  append: true\n",
                "- rule: R\n  condition: |\n  override:\n    condition: replace\n")) {
            List<String> offered = labels(base + entry);
            assertTrue(offered.contains("kcreate") && offered.contains("ka.verb"), entry + offered);
            assertFalse(offered.contains("spawned") || offered.contains("proc.name"), entry + offered);
        }
        // a plain redefinition is a rule of its own: syscall unless it says otherwise
        List<String> redefined = labels(base + "- rule: R\n  desc: d\n  condition: |\n  output: o\n  priority: INFO\n");
        assertTrue(redefined.contains("spawned") && !redefined.contains("kcreate"), redefined.toString());
    }

    @Test
    void listNamesAfterIn() {
        String lists = "- list: shell_binaries\n  items: [bash]\n";
        assertTrue(labels(lists + "- rule: r\n  condition: proc.name in (|" + TAIL).contains("shell_binaries"));
        assertTrue(labels(lists + "- rule: r\n  condition: proc.name in |" + TAIL).contains("shell_binaries"));
    }

    @Test
    void connectorsAfterACompleteCheck() {
        assertEquals(List.of("and", "or"), labels("- rule: r\n  condition: proc.name = bash |" + TAIL));
        assertEquals(List.of("and"), labels("- rule: r\n  condition: proc.name = bash an|" + TAIL));
        assertEquals(List.of("and", "or"), labels("- rule: r\n  condition: (proc.name in (a, b)) |" + TAIL));
    }

    @Test
    void completionSurvivesAnErrorInAnEarlierClause() {
        for (String broken : List.of("proc.name in [bash] and ", "x = bash) and ", "proc.name == = bash and ",
                "(proc.name = = x) or not ", "evt.type = = x and (proc.pid = 1 or ")) {
            List<String> fields = labels("- rule: r\n  condition: " + broken + "proc.|" + TAIL);
            assertTrue(fields.contains("proc.name"), broken + " -> " + fields);
            assertTrue(fields.stream().allMatch(f -> f.startsWith("proc.")), fields.toString());
        }
        List<String> term = labels("- rule: r\n  condition: proc.name in [bash] and |" + TAIL);
        assertTrue(term.containsAll(List.of("not", "proc.name")), term.toString());
        assertFalse(term.contains("( … )"), term.toString());
        List<String> ops = labels("- rule: r\n  condition: proc.name == = bash and proc.pid |" + TAIL);
        assertTrue(ops.contains("<") && !ops.contains("startswith"), ops.toString());
        List<String> inList = labels("- rule: r\n  condition: x = bash) and evt.type in (open, |" + TAIL);
        assertTrue(inList.contains("execve"), inList.toString());
    }

    @Test
    void clauseStartSkipsListsCallsAndQuotes() {
        assertEquals(0, ClauseStart.of("proc.name in (a, "));
        assertEquals(17, ClauseStart.of("a = \"x and y\" and "));
        assertEquals(1, ClauseStart.of("(proc.name startswith oneof (a, "));
        assertEquals(19, ClauseStart.of("tolower(x) = a or (b"));
        assertEquals(13, ClauseStart.of("(a = b) and (c"));
    }

    /** Labels in the order an editor shows them: by sort text. */
    private static List<String> ranked(String marked, RulesDocument... others) {
        return ServiceAssert.complete(marked, ServiceAssert.EN, others).stream()
                .sorted(java.util.Comparator.comparing(CompletionEntry::sortText)).map(CompletionEntry::label).toList();
    }

    @Test
    void proposalsAreRankedByUseInTheOfficialRules() {
        List<String> proc = ranked("- rule: r\n  condition: proc.|" + TAIL);
        assertTrue(proc.indexOf("proc.name") < 3, proc.subList(0, 5).toString());
        assertTrue(proc.indexOf("proc.cmdline") < 5, proc.subList(0, 5).toString());
        assertTrue(proc.indexOf("proc.name") < proc.indexOf("proc.aargs"));

        RulesDocument base = RulesDocument.parse("file:///etc/falco/falco_rules.yaml",
                "- macro: spawned_process\n  condition: evt.type = execve\n- macro: my_rare_macro\n  condition: evt.num = 0\n");
        List<String> term = ranked("- rule: r\n  condition: |" + TAIL, base);
        assertTrue(term.indexOf("not") < 5, term.subList(0, 10).toString());
        assertTrue(term.indexOf("spawned_process") < 15, term.subList(0, 15).toString());
        assertTrue(term.indexOf("proc.name") < 20, term.subList(0, 20).toString());
        assertTrue(term.indexOf("spawned_process") < term.indexOf("my_rare_macro"));
        assertTrue(term.indexOf("evt.latency") > term.size() - 50, "deprecated fields come last");

        List<String> types = ranked("- rule: r\n  condition: evt.type = |" + TAIL);
        assertFalse(types.get(0).startsWith("_"), types.subList(0, 5).toString());
        assertTrue(types.indexOf("execve") < 10 && types.indexOf("open") < 20, types.subList(0, 10).toString());

        List<String> ops = ranked("- rule: r\n  condition: proc.name |" + TAIL);
        assertEquals("=", ops.get(0), ops.toString());
        assertTrue(ops.indexOf("in") < 4 && ops.indexOf("exists") > ops.indexOf("contains"), ops.toString());
        assertEquals(List.of("and", "or"), ranked("- rule: r\n  condition: proc.name = bash |" + TAIL));
    }

    @Test
    void completionInsideAMultiLineCondition() {
        List<String> ops = labels("- rule: r\n  condition: >\n    evt.type = execve and\n    proc.name |" + TAIL);
        assertTrue(ops.contains("startswith"), ops.toString());
    }

    @Test
    void outputPlaceholders() {
        List<String> fields = labels("- rule: r\n  condition: proc.name = x\n  output: shell %proc.cm|\n  priority: info\n");
        assertTrue(fields.contains("proc.cmdline"), fields.toString());
        assertTrue(labels("- rule: r\n  condition: proc.name = x\n  output: shell %|\n").size() > 100);
        assertTrue(labels("- rule: r\n  condition: proc.name = x\n  output: shell pro|\n").isEmpty());
        // before source: is typed, a plugin's fields in the output too, saying which source they need
        CompletionEntry user = entry("- rule: r\n  condition: ct.name = x\n  output: by %ct.us|\n", "ct.user");
        assertEquals("a field of source aws_cloudtrail: add 'source: aws_cloudtrail'", user.detail());
    }

    /** After the joining word of an appended condition comes a new term, as after any "or". */
    @Test
    void anAppendedConditionCompletesAsAContinuation() {
        String base = "- macro: other\n  condition: fd.num > 0\n- macro: trusted\n  condition: proc.name = sshd\n";
        List<String> override = labels(base + "- macro: trusted\n  override:\n    condition: append\n  condition: or |\n");
        assertTrue(override.containsAll(List.of("not", "proc.name", "other")), override.size() + " proposals");
        List<String> legacy = labels(base + "- macro: trusted\n  append: true\n  condition: and fd.na|\n");
        assertTrue(legacy.contains("fd.name"), legacy.toString());
    }

    @Test
    void exceptionFieldsAndComps() {
        String head = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n";
        assertTrue(labels(head + "      fields: [proc.name, fd.na|\n").contains("fd.name"));
        // a field with brackets is quoted in a flow sequence, whose own brackets they would break
        assertEquals("\"evt.arg[${1}]\"", entry(head + "      fields: [evt.ar|\n", "evt.arg").insertText());
        assertEquals("evt.arg[${1}]", entry(head + "      fields: evt.ar|\n", "evt.arg").insertText());
        List<String> comps = labels(head + "      fields: [proc.name]\n      comps: [|\n");
        assertTrue(comps.containsAll(List.of("=", "startswith", "in")), comps.toString());
    }

    /** A comp pairs with the field at its place: an address takes no startswith, a number no glob. */
    @Test
    void exceptionCompsAreTheOperatorsOfTheFieldAtTheirPlace() {
        String head = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n";
        String fields = "      fields: [proc.name, fd.sip, proc.pid, fd.name]\n";
        List<String> forName = labels(head + fields + "      comps: [|\n");
        assertTrue(forName.containsAll(List.of("=", "startswith", "glob", "in")), forName.toString());
        List<String> forAddress = labels(head + fields + "      comps: [=, |\n");
        assertTrue(forAddress.containsAll(List.of("=", "in")), forAddress.toString());
        assertFalse(forAddress.contains("startswith"), forAddress.toString());
        List<String> forPid = labels(head + fields + "      comps: [=, =, |]\n");
        assertTrue(forPid.contains(">"), forPid.toString());
        assertFalse(forPid.contains("glob"), forPid.toString());
        assertTrue(labels(head + fields + "      comps: [=, =, >, st|]\n").contains("startswith"));
        // fields after comps, one field and one comp, and a field with an argument
        assertFalse(labels(head + "      comps: [=, |]\n      fields: [proc.name, proc.pid]\n").contains("glob"));
        assertFalse(labels(head + "      fields: proc.pid\n      comps: |\n").contains("glob"));
        assertTrue(labels(head + "      fields: [proc.aname[2], proc.pid]\n      comps: [|\n").contains("glob"));
        // a field past the list's end, or not known: every operator
        assertTrue(labels(head + "      fields: [proc.pid]\n      comps: [=, |\n").contains("glob"));
        assertTrue(labels(head + "      fields: [proc.nmae]\n      comps: [|\n").contains("glob"));
        // one field but comps written as a list: nothing pairs them, every operator
        assertTrue(labels(head + "      fields: proc.pid\n      comps: [|\n").contains("glob"));
    }

    /** fields and comps written as block sequences get their completion too (QA round 19). */
    @Test
    void exceptionFieldsAndCompsAsBlockSequences() {
        String head = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n";
        assertTrue(labels(head + "      fields:\n        - proc.na|\n").contains("proc.name"));
        List<String> comps = labels(head + "      fields: [proc.name, fd.sip]\n      comps:\n        - =\n        - |\n");
        assertTrue(comps.contains("in") && !comps.contains("startswith"), comps.toString()); // fd.sip, the second
        assertTrue(labels(head + "      comps:\n        - st|\n").contains("startswith"));
        // an exception item's own keys are still keys
        assertTrue(labels(head + "    - |\n").contains("name"), labels(head + "    - |\n").toString());
    }

    /**
     * A comp starting with a YAML indicator is quoted ({@code [>=]} begins a folded scalar,
     * {@code !=} a tag); the common comparisons come first, the orderings last, and with one
     * field the list operators lead (QA round 18).
     */
    @Test
    void exceptionCompsAreWrittenSoTheYamlStillReadsAndTheCommonOnesComeFirst() {
        String head = "- rule: r\n  condition: proc.name = x\n  exceptions:\n    - name: e\n";
        assertEquals("\">=\"", entry(head + "      fields: [user.uid]\n      comps: [|]\n", ">=").insertText());
        assertEquals("\"!=\"", entry(head + "      fields: [user.uid]\n      comps: [|]\n", "!=").insertText());
        assertEquals("<", entry(head + "      fields: [user.uid]\n      comps: [|]\n", "<").insertText());
        List<String> sorted = ServiceAssert.complete(head + "      fields: [user.uid]\n      comps: [|]\n", ServiceAssert.EN).stream()
                .sorted(java.util.Comparator.comparing(CompletionEntry::sortText)).map(CompletionEntry::label).toList();
        assertEquals(List.of("=", "in", "!="), sorted.subList(0, 3));
        assertTrue(sorted.indexOf(">") > sorted.indexOf("intersects"), sorted.toString());
        List<String> single = ServiceAssert.complete(head + "      fields: proc.name\n      comps: |\n", ServiceAssert.EN).stream()
                .sorted(java.util.Comparator.comparing(CompletionEntry::sortText)).map(CompletionEntry::label).toList();
        assertEquals(List.of("in", "pmatch", "intersects"), single.subList(0, 3));
    }

    @Test
    void resolveAddsTheFullDocumentation() {
        CompletionEntry e = entry("- rule: r\n  condition: proc.na|" + TAIL, "proc.name");
        CompletionEntry resolved = ServiceAssert.SERVICE.resolve(e, ServiceAssert.workspace(ServiceAssert.Cursor.of(ServiceAssert.URI, "|")), ServiceAssert.EN);
        assertTrue(resolved.documentation().contains("`CHARBUF`"), resolved.documentation());
        CompletionEntry op = entry("- rule: r\n  condition: proc.name star|" + TAIL, "startswith");
        assertTrue(ServiceAssert.SERVICE.resolve(op, ServiceAssert.workspace(ServiceAssert.Cursor.of(ServiceAssert.URI, "|")), ServiceAssert.EN).documentation()
                .contains("Starts with"));
    }
}

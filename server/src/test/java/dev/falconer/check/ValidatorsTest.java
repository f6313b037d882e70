package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One concern per test: the code, and the exact text under the diagnostic. */
class ValidatorsTest {
    private static final String SPAWN = """
            - macro: spawned_process
              condition: evt.type in (execve, execveat)
            """;

    /** The single diagnostic of {@code code} in the last file, asserting its culprit text. */
    private static Diagnostic one(DiagnosticCode code, String culprit, String... files) {
        List<Diagnostic> ds = Checks.last(files).stream().filter(d -> d.code() == code).toList();
        assertEquals(1, ds.size(), Checks.describe(Checks.last(files)));
        assertEquals(culprit, Checks.culprit(files[files.length - 1], ds.get(0)));
        return ds.get(0);
    }

    /** A rule without the spawned_process macro (for rules that do not use it). */
    private static String ruleOnly(String condition, String output) {
        return rule(condition, output).substring(SPAWN.length());
    }

    private static String rule(String condition, String output) {
        return SPAWN + """
                - rule: r
                  desc: d
                  condition: %s
                  output: "%s"
                  priority: WARNING
                """.formatted(condition, output);
    }

    @Test
    void cleanRuleHasNoDiagnostics() {
        assertEquals(List.of(), Checks.last(rule("spawned_process and proc.name = bash", "%proc.name %user.name")));
    }

    @Test
    void yamlSyntaxAndShapes() {
        Diagnostic y = one(DiagnosticCode.YAML_SYNTAX, ":", "- rule: x\n  output: a: b\n");
        assertEquals(1, y.range().start().line());
        assertEquals(DiagnosticCode.STRUCTURE, Checks.last("rule: x\n").get(0).code());
        one(DiagnosticCode.STRUCTURE, "just text", "- just text\n");
        one(DiagnosticCode.UNKNOWN_ITEM, "rules", "- rules: x\n");
    }

    @Test
    void keysTypesAndRequiredKeys() {
        one(DiagnosticCode.MISSING_KEY, "x", "- rule: x\n  desc: d\n  condition: evt.type = open\n  priority: INFO\n");
        one(DiagnosticCode.MISSING_KEY, "l", "- list: l\n");
        // yaml-cpp reads ~, null and an empty element as null nodes, and a null tags as no sequence (QA round 18)
        one(DiagnosticCode.KEY_TYPE, "~", "- list: l\n  items: [a, ~]\n");
        one(DiagnosticCode.KEY_TYPE, "a: b", "- list: l\n  items: [a: b]\n"); // not the list's ']'
        one(DiagnosticCode.KEY_TYPE, "{a: b}", "- list: l\n  items: [x, {a: b}]\n");
        one(DiagnosticCode.KEY_TYPE, "null", "- list: l\n  items: [a, null, \"~\"]\n");
        one(DiagnosticCode.KEY_TYPE, "tags", rule("spawned_process", "x") + "  tags:\n");
        one(DiagnosticCode.KEY_TYPE, "~", rule("spawned_process", "x") + "  tags: [x, ~]\n");
        // a new rule of only a name: Falco stops at the missing 'enabled'; nothing about the rule
        // it would switch, and the message says what a new rule needs (QA round 18)
        Diagnostic named = one(DiagnosticCode.MISSING_KEY, "Shell in container", "- rule: Shell in container\n  \n");
        assertEquals(List.of(DiagnosticCode.MISSING_KEY), Checks.last("- rule: Shell in container\n").stream()
                .map(Diagnostic::code).toList());
        assertTrue(named.message(java.util.Locale.ENGLISH).contains("A new rule needs those four keys"),
                named.message(java.util.Locale.ENGLISH));
        one(DiagnosticCode.ENABLED_MISSING, "t", "- rule: t\n  enabled: false\n");
        one(DiagnosticCode.KEY_TYPE, "maybe", rule("spawned_process", "x") + "  enabled: maybe\n");
        one(DiagnosticCode.KEY_TYPE, "soon", rule("spawned_process", "x") + "  capture_duration: soon\n");
        one(DiagnosticCode.KEY_TYPE, "rule", "- rule:\n  desc: d\n");
        // near a key the entry has: said so, and no fix that would make a duplicate (QA round 19)
        Diagnostic near = one(DiagnosticCode.UNKNOWN_KEY, "condtion", rule("spawned_process", "x") + "  condtion: proc.name = x\n");
        assertTrue(near.suggestions().isEmpty(), near.suggestions().toString());
        assertTrue(near.message(java.util.Locale.ENGLISH).contains("already has"), near.message(java.util.Locale.ENGLISH));
        one(DiagnosticCode.UNKNOWN_KEY, "priority", "- list: l\n  items: [a]\n  priority: INFO\n"
                + "- rule: r\n  desc: d\n  condition: evt.type = open and proc.name in (l)\n  output: x\n  priority: INFO\n");
    }

    @Test
    void prioritiesAsFalcoReadsThem() {
        for (String ok : List.of("Warning", "info", "INFORMATIONAL", "critical")) {
            assertEquals(List.of(), Checks.last(rule("spawned_process", "x").replace("WARNING", ok)), ok);
        }
        Diagnostic d = one(DiagnosticCode.INVALID_PRIORITY, "WARN", rule("spawned_process", "x").replace("WARNING", "WARN"));
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("WARNING"));
    }

    @Test
    void sourcesAndNames() {
        one(DiagnosticCode.UNKNOWN_SOURCE, "k8saudit", ruleOnly("ka.verb = get", "x") + "  source: k8saudit\n");
        assertEquals(List.of(), Checks.last(ruleOnly("ka.verb = get", "%ka.user.name") + "  source: k8s_audit\n"));
        Diagnostic m = one(DiagnosticCode.INVALID_NAME, "my-macro", "- macro: my-macro\n  condition: evt.type = open\n"
                + "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: x\n  priority: INFO\n");
        assertEquals(FalcoCode.LOAD_INVALID_MACRO_NAME, m.falcoCode());
    }

    @Test
    void aRuleOfAnUnknownSourceIsNotCompiled() {
        // Falco skips the rule before parsing it: a broken condition, an undefined macro and an
        // unknown output field stay silent, only the source is reported
        String text = ruleOnly("ka.verb = = create and (undefined_macro", "%ka.nope") + "  source: k8saudit\n";
        assertEquals(List.of("unknown-source"), Checks.codes(Checks.last(text)));
    }

    @Test
    void aBlankConditionIsASyntaxError() {
        // blank is not empty: Falco's parser gets "   " and expects a '(' or a check
        Diagnostic d = one(DiagnosticCode.CONDITION_SYNTAX, "   ", ruleOnly("'   '", "x"));
        assertEquals(FalcoCode.LOAD_ERR_COMPILE_CONDITION, d.falcoCode());
        one(DiagnosticCode.CONDITION_SYNTAX, "  ", "- macro: m\n  condition: \"  \"\n" + ruleOnly("m", "x"));
        // an empty one is the key's error alone (Falco: "Value must be non-empty")
        assertEquals(List.of("key-type"), Checks.codes(Checks.last(ruleOnly("''", "x"))));
    }

    @Test
    void conditionSyntaxInsideAFoldedBlock() {
        String text = SPAWN + """
                - rule: r
                  desc: d
                  condition: >
                    spawned_process and
                    proc.name =
                  output: x
                  priority: INFO
                """;
        // the condition ends too early: the diagnostic covers the last token written
        Diagnostic d = one(DiagnosticCode.CONDITION_SYNTAX, "=", text);
        assertEquals(6, d.range().start().line());
        assertEquals("    proc.name ".length(), d.range().start().character());
    }

    @Test
    void fieldsArgumentsOperatorsValues() {
        one(DiagnosticCode.UNKNOWN_FIELD, "ka.verb", rule("spawned_process and ka.verb = get", "x"));
        one(DiagnosticCode.FIELD_ARGUMENT, "x", rule("spawned_process and proc.aname[x] = bash", "x"));
        one(DiagnosticCode.FIELD_ARGUMENT, "thread.cgroup", rule("spawned_process and thread.cgroup = x", "x"));
        one(DiagnosticCode.OPERATOR_TYPE, "contains", rule("spawned_process and proc.pid contains 1", "x"));
        one(DiagnosticCode.OPERATOR_TYPE, "startswith", rule("spawned_process and fd.types startswith x", "x"));
        one(DiagnosticCode.VALUE_TYPE, "abc", rule("spawned_process and proc.pid = abc", "x"));
        one(DiagnosticCode.VALUE_TYPE, "10.0.0.300", rule("spawned_process and fd.sip = 10.0.0.300", "x"));
        one(DiagnosticCode.VALUE_TYPE, "10.0.0.0", rule("spawned_process and fd.snet = 10.0.0.0", "x"));
        one(DiagnosticCode.UNKNOWN_EVTTYPE, "exceve", rule("evt.type in (exceve, open)", "x"));
    }

    @Test
    void transformersAndVal() {
        assertEquals(List.of(), Checks.last(rule("spawned_process and tolower(proc.name) = bash", "x")));
        one(DiagnosticCode.TRANSFORMER, "tolower", rule("spawned_process and tolower(proc.pid) = 1", "x"));
        one(DiagnosticCode.VAL_MISUSE, "val(proc.pname)", rule("spawned_process and proc.name regex val(proc.pname)", "x"));
        assertEquals(List.of(), Checks.last(rule("spawned_process and proc.name = val(proc.pname)", "x")));
    }

    @Test
    void compilerWarnings() {
        Diagnostic asValue = one(DiagnosticCode.FIELD_AS_VALUE, "proc.pname", rule("spawned_process and proc.name = proc.pname", "x"));
        assertEquals(List.of("val(proc.pname)"), asValue.suggestions(), "the quick fix the message names");
        // inside a list val() is not allowed: the warning stays, without a fix
        Diagnostic inList = one(DiagnosticCode.FIELD_AS_VALUE, "proc.pname",
                rule("spawned_process and proc.name in (bash, proc.pname)", "x"));
        assertEquals(List.of(), inList.suggestions());
        assertTrue(inList.message(java.util.Locale.ENGLISH).contains("not allowed in it"), inList.message(java.util.Locale.ENGLISH));
        one(DiagnosticCode.REGEX_SIMPLER, "\"^bash$\"", rule("spawned_process and proc.name regex \"^bash$\"", "x"));
        assertEquals(List.of(), Checks.last(rule("spawned_process and proc.name regex \"^ba(sh|zsh)$\"", "x")));
        one(DiagnosticCode.UNSAFE_NA, "<NA>", ruleOnly("ka.user.name = <NA>", "x") + "  source: k8s_audit\n");
    }

    @Test
    void macrosVisibilityAndLoops() {
        String early = """
                - macro: a
                  condition: b
                - macro: b
                  condition: evt.type = open
                - rule: r
                  desc: d
                  condition: a
                  output: x
                  priority: INFO
                """;
        Diagnostic d = one(DiagnosticCode.UNKNOWN_MACRO, "b", early);
        assertEquals(1, d.related().size());
        String loop = """
                - macro: a
                  condition: evt.type = open
                - macro: b
                  condition: a
                - macro: a
                  condition: b
                - rule: r
                  desc: d
                  condition: a
                  output: x
                  priority: INFO
                """;
        assertTrue(Checks.codes(Checks.last(loop)).contains("macro-loop"), Checks.describe(Checks.last(loop)));
        one(DiagnosticCode.UNKNOWN_MACRO, "spawned_proces", rule("spawned_proces", "x"));
    }

    @Test
    void listsWithoutParenthesesAndNearMisses() {
        String lists = "- list: shells\n  items: [bash, sh]\n- list: one\n  items: [bash]\n";
        one(DiagnosticCode.LIST_NOT_PARENTHESIZED, "shells", lists + rule("spawned_process and proc.name in shells", "x"));
        Diagnostic hint = one(DiagnosticCode.LIST_NOT_PARENTHESIZED, "one",
                lists + rule("spawned_process and proc.name in one and proc.name in (shells)", "x"));
        assertEquals(Severity.HINT, hint.severity());
        String near = "- list: shell_binaries\n  items: [bash, sh]\n";
        one(DiagnosticCode.UNKNOWN_LIST, "shell_binaris",
                near + rule("spawned_process and proc.name in (shell_binaris, shell_binaries)", "x"));
    }

    /**
     * A condition an alias shares between a rule that skips unknown fields and one that does not:
     * one finding at the anchor, and an error, since Falco fails the load on the strict rule.
     */
    @Test
    void aFindingSharedThroughAnAliasKeepsItsMostSevereForm() {
        String text = """
                - rule: lenient
                  desc: d
                  condition: &c evt.type = execve and proc.nme = x
                  output: o
                  priority: INFO
                  skip-if-unknown-filter: true
                - rule: strict
                  desc: d
                  condition: *c
                  output: o
                  priority: INFO
                """;
        Diagnostic d = one(DiagnosticCode.UNKNOWN_FIELD, "proc.nme", text);
        assertEquals(Severity.ERROR, d.severity());
    }

    /** Falco substitutes a list named inside a string when blanks (or parentheses, commas, =) set it off. */
    @Test
    void aListNamedInsideAQuotedStringIsReportedWithTheStringFalcoCompares() {
        String lists = "- list: shells\n  items: [bash, sh]\n";
        Diagnostic d = one(DiagnosticCode.LIST_IN_STRING, "\"run shells now\"", lists,
                rule("spawned_process and proc.cmdline contains \"run shells now\"", "x"));
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("\"run bash, sh now\""), d.message(java.util.Locale.ENGLISH));
        assertTrue(d.message(java.util.Locale.JAPANESE).contains("\"run bash, sh now\""), d.message(java.util.Locale.JAPANESE));
        one(DiagnosticCode.LIST_IN_STRING, "\"a shells b\"", lists,
                rule("spawned_process and proc.pname in (\"a shells b\", zsh)", "x"));
        // read as written, before escapes: "\\n" is no blank, "\\ " ends with one; a leading blank stays
        one(DiagnosticCode.LIST_IN_STRING, "\"a\\ shells b\"", lists,
                rule("spawned_process and proc.cmdline contains \"a\\nshells b\" or proc.cmdline contains \"a\\ shells b\"", "x"));
        Diagnostic lead = one(DiagnosticCode.LIST_IN_STRING, "\" shells y\"", lists,
                rule("spawned_process and proc.cmdline = \" shells y\"", "x"));
        assertTrue(lead.message(java.util.Locale.ENGLISH).contains("\" bash, sh y\""), lead.message(java.util.Locale.ENGLISH));
        // an exception value with a blank is written into the condition as a quoted string
        String excepted = lists + rule("spawned_process and proc.name = x", "x")
                + "  exceptions:\n    - name: e\n      fields: [proc.cmdline]\n      comps: [contains]\n"
                + "      values:\n        - [foo shells bar]\n        - [shells]\n";
        Diagnostic inValue = one(DiagnosticCode.LIST_IN_STRING, "foo shells bar", excepted);
        assertTrue(inValue.message(java.util.Locale.ENGLISH).contains("\"foo bash, sh bar\""), inValue.message(java.util.Locale.ENGLISH));
        // the quotes are no delimiters: at either end of the string the name stays as written
        for (String kept : List.of("\"shells\"", "\"run shells\"", "\"shells now\"", "\"run shells_x now\"")) {
            assertEquals(List.of(), Checks.last(lists, rule("spawned_process and proc.cmdline contains " + kept
                    + " and proc.name in (shells)", "x")), kept);
        }
    }

    @Test
    void listsPastedWhereTheirItemsDoNotFitAreReportedWhereTheyAreNamed() {
        // the list lives in another file: the error must still land on the rule that names it
        String lists = "- list: shells\n  items: [bash, sh]\n- list: one\n  items: [zsh]\n";
        Diagnostic eq = one(DiagnosticCode.LIST_NOT_PARENTHESIZED, "shells", lists,
                rule("spawned_process and proc.name = shells", "x"));
        assertTrue(eq.message(java.util.Locale.ENGLISH).contains("in (shells)"), eq.message(java.util.Locale.ENGLISH));
        one(DiagnosticCode.LIST_NOT_PARENTHESIZED, "shells", lists, rule("spawned_process and proc.cmdline contains shells", "x"));
        // a one-item list after "=" is a plain value to Falco
        assertEquals(List.of(), Checks.last(lists, rule("spawned_process and proc.name = one", "x")));
        // a list of one macro's name pastes a macro reference: valid
        assertEquals(List.of(), Checks.codes(Checks.last(lists + "- list: m\n  items: [spawned_process]\n" + SPAWN,
                rule("evt.type = open and m", "x"))).stream().filter(c -> !c.startsWith("unused")).toList());
        // a list of one field's name pastes a field: valid before an operator (QA), not as a condition
        String fld = "- list: fld\n  items: [proc.name]\n";
        assertEquals(List.of(), Checks.codes(Checks.last(fld, rule("evt.type = open and fld = bash and fld exists", "x")))
                .stream().filter(c -> !c.startsWith("unused")).toList());
        one(DiagnosticCode.CONDITION_SYNTAX, "fld", fld, rule("evt.type = open and fld", "x"));
        // where a condition goes, even a macro of the same name loses: lists are pasted first
        one(DiagnosticCode.CONDITION_SYNTAX, "shells", lists, rule("spawned_process and shells", "x"));
        one(DiagnosticCode.CONDITION_SYNTAX, "one", lists + "- macro: one\n  condition: proc.name = x\n",
                rule("spawned_process and one", "x"));
        // after a [..] list the rest is still checked, the bare list included
        List<Diagnostic> rest = Checks.last(lists, rule(
                "spawned_process and proc.name in [bash] and proc.pname in shells and proc.nmae = x", "x"));
        assertEquals(List.of("list-literal", "list-not-parenthesized", "unknown-field"), Checks.codes(rest));
    }

    @Test
    void listItemProblemsLandOnTheListItem() {
        String text = "- list: syscalls\n  items: [open, opne]\n" + rule("evt.type in (syscalls)", "x");
        Diagnostic d = one(DiagnosticCode.UNKNOWN_EVTTYPE, "opne", text);
        assertEquals(List.of("open"), d.suggestions(), "a near event type is offered as the quick fix");
    }

    @Test
    void outputs() {
        one(DiagnosticCode.OUTPUT_FIELD, "% ", rule("spawned_process", "50% done"));
        one(DiagnosticCode.OUTPUT_FIELD, "%", rule("spawned_process", "end %"));
        assertEquals(List.of(), Checks.last(rule("spawned_process", "%proc.nameand %proc.aname[2] %toupper(user.name)")));
        one(DiagnosticCode.OUTPUT_FIELD, "ka.verb", rule("spawned_process", "%ka.verb"));
        one(DiagnosticCode.DEPRECATED_FIELD, "evt.latency", rule("spawned_process", "%evt.latency"));
        one(DiagnosticCode.DEPRECATED_FIELD, "container.info", rule("spawned_process", "%container.info"));
        // Falco searches the output's text for its deprecated names: one warning per name found
        one(DiagnosticCode.DEPRECATED_FIELD, "evt.dir", rule("spawned_process", "see evt.dir here"));
        List<Diagnostic> latency = Checks.last(rule("spawned_process", "x %evt.latency.human"));
        assertEquals(List.of("evt.latency", "evt.latency.human"), latency.stream()
                .filter(d -> d.code() == DiagnosticCode.DEPRECATED_FIELD).map(d -> d.args().get(0)).sorted().toList());
        // a macro no rule uses is read for every source: its unknown field names none (QA round 20)
        assertEquals("Unknown field 'nosuch.field': no event source has it.", one(DiagnosticCode.UNKNOWN_FIELD,
                "nosuch.field", "- macro: m\n  condition: nosuch.field = y\n").message(java.util.Locale.ENGLISH));
        // a plugin's own deprecated field is a hint, in a macro no rule uses too (QA round 20)
        assertEquals(Severity.HINT, one(DiagnosticCode.DEPRECATED_FIELD, "jevt.value",
                "- macro: m\n  condition: jevt.value[/x] = y\n").severity());
    }

    @Test
    void exceptions() {
        String base = rule("spawned_process", "x");
        one(DiagnosticCode.EXCEPTION_LENGTH, "[a]", base + """
                  exceptions:
                    - name: e
                      fields: [proc.name, proc.pname]
                      values: [[a]]
                """);
        one(DiagnosticCode.EXCEPTION_LENGTH, "[=]", base + """
                  exceptions:
                    - name: e
                      fields: [proc.name, proc.pname]
                      comps: [=]
                """);
        one(DiagnosticCode.EXCEPTION_OPERATOR, "no-comp", base + """
                  exceptions:
                    - name: e
                      fields: [proc.name]
                      comps: [no-comp]
                """);
        one(DiagnosticCode.EXCEPTION_OPERATOR, "=", base + """
                  exceptions:
                    - name: e
                      fields: proc.name
                      comps: =
                """);
        // with values, Falco stops at the comp before it builds "proc.name = (a)": one defect, one error
        assertEquals(List.of("exception-operator"), Checks.codes(Checks.last(base + """
                  exceptions:
                    - name: e
                      fields: proc.name
                      comps: "="
                      values: [a]
                """)));
        // a field that lacks its argument is one error, on what it lacks (not "no such field" besides)
        assertEquals(List.of("field-argument"), Checks.codes(Checks.last(base + """
                  exceptions:
                    - name: e
                      fields: [evt.arg]
                      values: [[a]]
                """)));
        Diagnostic f = one(DiagnosticCode.EXCEPTION_FIELD, "not.exist", base + """
                  exceptions:
                    - name: e
                      fields: [not.exist]
                      values: [[a]]
                """);
        assertEquals(FalcoCode.LOAD_ERR_VALIDATE, f.falcoCode());
        one(DiagnosticCode.EXCEPTION_DUPLICATE, "e", base + """
                  exceptions:
                    - name: e
                      fields: [proc.name]
                    - name: e
                      fields: [proc.pname]
                """);
        assertEquals(List.of(), Checks.last(base + """
                  exceptions:
                    - name: e
                      fields: [proc.name, tolower(proc.pname)]
                      comps: [in, "startswith oneof"]
                      values: [[[bash, sh], x]]
                """));
        one(DiagnosticCode.EXCEPTION_SHAPE, "e", base + """
                  exceptions:
                    - name: e
                """);
        // a bare "values:" is given and null: Falco's "Rule exception values must be a sequence"
        Diagnostic nullValues = Checks.last(base + """
                  exceptions:
                    - name: e
                      fields: [proc.name]
                      values:
                """).get(0);
        assertEquals(DiagnosticCode.EXCEPTION_SHAPE, nullValues.code());
        assertEquals(FalcoCode.LOAD_ERR_YAML_VALIDATE, nullValues.falcoCode());
        // an empty value is Falco's "Value must be non-empty", on the value, and nothing else
        for (String values : List.of("[[\"\"]]", "[[x, \"\"]]", "[[x, [a, '']]]")) {
            String fields = values.startsWith("[[x") ? "[proc.name, proc.pname]" : "[proc.name]";
            List<Diagnostic> empty = Checks.last(base + """
                      exceptions:
                        - name: e
                          fields: %s
                          values: %s
                    """.formatted(fields, values));
            assertEquals(List.of("exception-shape"), Checks.codes(empty), values);
            assertEquals(FalcoCode.LOAD_ERR_YAML_VALIDATE, empty.get(0).falcoCode());
        }
        one(DiagnosticCode.EXCEPTION_SHAPE, "\"\"", base + """
                  exceptions:
                    - name: e
                      fields: proc.name
                      values: [a, ""]
                """);
        // a list of two items as the value of '=': reported at its name in the values, not inside the list
        List<Diagnostic> pasted = Checks.last("- list: pkg_bins\n  items: [apt, dpkg]\n" + base + """
                  exceptions:
                    - name: e
                      fields: [proc.name, fd.name]
                      comps: [=, startswith]
                      values:
                        - [pkg_bins, /var]
                """);
        assertEquals(List.of("list-not-parenthesized"), Checks.codes(pasted));
        assertEquals(14, pasted.get(0).range().start().line());
        // ~ and null are null nodes to yaml-cpp, as an empty item is (QA round 18)
        one(DiagnosticCode.EXCEPTION_SHAPE, "~", base + """
                  exceptions:
                    - name: e
                      fields: [proc.name, fd.name]
                      values: [[a, ~]]
                """);
        one(DiagnosticCode.EXCEPTION_SHAPE, "null", base + """
                  exceptions:
                    - name: e
                      fields: proc.name
                      values: [b, null]
                """);
        // replaced exceptions get no default comps (spec §2.10; QA round 18)
        Diagnostic replaced = one(DiagnosticCode.EXCEPTION_SHAPE, "mine", base, """
                - rule: r
                  exceptions:
                    - name: mine
                      fields: proc.name
                      values: [sh, bash]
                  override:
                    exceptions: replace
                """);
        assertEquals(FalcoCode.LOAD_ERR_COMPILE_CONDITION, replaced.falcoCode());
        // one field and nested values: Falco's compiler refuses them (LOAD_ERR_VALIDATE; QA round 18)
        Diagnostic nested = one(DiagnosticCode.EXCEPTION_SHAPE, "[bash, sh]", base + """
                  exceptions:
                    - name: e
                      fields: proc.name
                      values: [[bash, sh]]
                """);
        assertEquals(FalcoCode.LOAD_ERR_VALIDATE, nested.falcoCode());
    }

    @Test
    void aCallWhereACheckStartsIsOneErrorThatSaysWhatWasMeant() {
        // not "undefined macro 'val'" plus "unexpected text": one error on the name
        Diagnostic val = one(DiagnosticCode.CONDITION_SYNTAX, "val", ruleOnly("evt.type = open and val(proc.name) = x", "x"));
        assertTrue(val.message(java.util.Locale.ENGLISH).contains("right of a comparison"), val.message(java.util.Locale.ENGLISH));
        assertEquals(List.of("condition-syntax"),
                Checks.codes(Checks.last(ruleOnly("evt.type = open and tolower (proc.name) = x", "x"))));
        Diagnostic blank = Checks.last(ruleOnly("evt.type = open and tolower (proc.name) = x", "x")).get(0);
        assertTrue(blank.message(java.util.Locale.ENGLISH).startsWith("Write '(' right after tolower"));
        // inside parentheses too, and a blank after val on the right is the blank's fault
        one(DiagnosticCode.CONDITION_SYNTAX, "val", ruleOnly("evt.type = open and (val(proc.name) = x)", "x"));
        one(DiagnosticCode.CONDITION_SYNTAX, "tolower",
                ruleOnly("evt.type = open and not (proc.pname = y or tolower (proc.name) = x)", "x"));
        Diagnostic rhs = one(DiagnosticCode.CONDITION_SYNTAX, "val", ruleOnly("evt.type = open and proc.name = val (proc.pname)", "x"));
        assertTrue(rhs.message(java.util.Locale.ENGLISH).startsWith("Write '(' right after val"), rhs.message(java.util.Locale.ENGLISH));
        // in a value list a call is the plain syntax error (spec §1.6), not one about a check's left side
        for (String inList : List.of("proc.name in (a, toupper(proc.pname))", "proc.name in (val(proc.pname))",
                "proc.name pmatch (b64(proc.pname))")) {
            Diagnostic d = Checks.last(ruleOnly("evt.type = open and " + inList, "x")).get(0);
            assertTrue(d.message(java.util.Locale.ENGLISH).startsWith("Expected ')'"), d.message(java.util.Locale.ENGLISH));
        }
        // a val() whose argument is broken is that one syntax error, not an arity error besides it
        for (String broken : List.of("proc.name = val()", "proc.name = val(tolower(proc.pname))")) {
            assertEquals(List.of("condition-syntax"),
                    Checks.codes(Checks.last(ruleOnly("evt.type = open and " + broken, "x"))), broken);
        }
    }

    /** {@code in ((a, b))}, and what a single-field exception with {@code values: [(a, b)]} makes of it (QA). */
    @Test
    void aListInsideAListSaysToDropItsParentheses() {
        Diagnostic inCondition = one(DiagnosticCode.CONDITION_SYNTAX, "(",
                ruleOnly("evt.type = open and proc.name in ((a, b))", "x"));
        assertTrue(inCondition.message(java.util.Locale.ENGLISH).startsWith("A list's items cannot be lists"),
                inCondition.message(java.util.Locale.ENGLISH));
        Diagnostic inException = one(DiagnosticCode.CONDITION_SYNTAX, "(", ruleOnly("evt.type = open", "x") + """
                  exceptions:
                    - name: e
                      fields: proc.name
                      values: [(a, b)]
                """);
        assertTrue(inException.message(java.util.Locale.ENGLISH).contains("values: [a, b]"),
                inException.message(java.util.Locale.ENGLISH));
        // parentheses around a condition nest freely: no such error
        assertEquals(List.of(), Checks.last(ruleOnly("evt.type = open and ((proc.name = a))", "x")));
        // nor is it said where the parentheses open no list: val((x)), nesting too deep (QA)
        assertFalse(Checks.last(ruleOnly("evt.type = open and proc.name = val((proc.pname))", "x")).stream()
                .anyMatch(d -> d.key().equals("syntax.listInList")));
        assertFalse(Checks.last(ruleOnly("evt.type = open and " + "(".repeat(300) + "proc.name = a" + ")".repeat(300), "x"))
                .stream().anyMatch(d -> d.key().equals("syntax.listInList")));
        assertTrue(ConditionValidator.listInList("proc.name startswith oneof ((a, b))", 28));
        one(DiagnosticCode.CONDITION_SYNTAX, "(", ruleOnly("evt.type = open and proc.name in (a, (b))", "x"));
    }

    @Test
    void aRuleMayNotNameAMacroOfALaterFile() {
        // Falco compiles after each file: f0's rule fails before f1 brings the macro
        String rule = ruleOnly("evt.type = open and later and same_file", "x")
                + "- macro: same_file\n  condition: proc.name = y\n";
        String later = "- macro: later\n  condition: proc.name = x\n";
        Diagnostic d = Checks.DIAGNOSER.diagnose(Checks.snapshot(rule, later), Checks.uri(0), CheckSettings.defaults())
                .get(0);
        assertEquals(DiagnosticCode.UNKNOWN_MACRO, d.code());
        assertEquals("later", Checks.culprit(rule, d));
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("f1.yaml"), d.message(java.util.Locale.ENGLISH));
        // in the other order, or when the order is a guess (files found in a folder), nothing to say
        assertEquals(List.of(), Checks.last(later, rule));
        assertEquals(List.of(), Checks.DIAGNOSER.diagnose(Checks.snapshot(rule, later), Checks.uri(0),
                CheckSettings.defaults().withLoadOrderKnown(false)));
        // the later file's own append may name it
        assertEquals(List.of(), Checks.DIAGNOSER.diagnose(Checks.snapshot(ruleOnly("evt.type = open", "x"),
                later + "- rule: r\n  condition: and later\n  override:\n    condition: append\n"),
                Checks.uri(0), CheckSettings.defaults()));
    }

    @Test
    void aKeptResultOfTheLaterFileCheckFollowsTheOrderAndTheSetting() {
        // one caching diagnoser, as the server keeps: the same texts under another order or setting
        Diagnoser cached = new Diagnoser(dev.falconer.catalog.FieldCatalog.defaults());
        String a = ruleOnly("evt.type = open and later", "x");
        String b = "- macro: later\n  condition: proc.name = x\n";
        java.util.function.BiFunction<String[], String[], dev.falconer.workspace.WorkspaceSnapshot> load = (uris, texts) -> {
            dev.falconer.workspace.RulesWorkspace ws = new dev.falconer.workspace.RulesWorkspace(
                    dev.falconer.condition.ConditionParser::parse);
            // listed in this order, as rules_files are (buffers outside a list load by path)
            ws.setRulesFiles(java.util.Arrays.stream(uris).map(dev.falconer.workspace.RulesWorkspace::pathOf).toList());
            for (int i = 0; i < uris.length; i++) {
                ws.open(uris[i], 1, texts[i]);
            }
            return ws.snapshot();
        };
        String ua = "file:///test/a.yaml";
        String ub = "file:///test/b.yaml";
        CheckSettings known = CheckSettings.defaults();
        assertEquals(List.of("unknown-macro"), Checks.codes(cached.diagnose(
                load.apply(new String[] {ua, ub}, new String[] {a, b}), ua, known)));
        assertEquals(List.of(), cached.diagnose(load.apply(new String[] {ub, ua}, new String[] {b, a}), ua, known));
        assertEquals(List.of("unknown-macro"), Checks.codes(cached.diagnose(
                load.apply(new String[] {ua, ub}, new String[] {a, b}), ua, known)));
        assertEquals(List.of(), cached.diagnose(load.apply(new String[] {ua, ub}, new String[] {a, b}), ua,
                known.withLoadOrderKnown(false)));
    }

    @Test
    void aLegacyRuleAppendIsReadForItsConditionAndExceptionsOnly() {
        String base = rule("spawned_process", "x");
        String append = """
                - rule: r
                  condition: and proc.name = bash
                  priority: BOGUS
                  desc: ""
                  enabled: maybe
                  append: true
                """;
        // Falco never reads the other keys: no error for their values, a warning that they do nothing
        List<Diagnostic> ds = Checks.last(base, append);
        assertEquals(List.of("ignored-key", "ignored-key", "ignored-key", "deprecated-append"), Checks.codes(ds));
        assertEquals("priority", Checks.culprit(append, ds.get(0)));
        // with override, priority is read (and checked) as a replacement
        one(DiagnosticCode.INVALID_PRIORITY, "BOGUS", base, "- rule: r\n  priority: BOGUS\n  override:\n    priority: replace\n");
    }

    @Test
    void exceptionAppendsNeedValuesWhenNew() {
        String base = rule("spawned_process", "x") + """
                  exceptions:
                    - name: known
                      fields: [proc.name]
                      values: [[bash]]
                """;
        // a new exception without values is Falco's load error; an existing one without values a warning
        one(DiagnosticCode.EXCEPTION_APPEND, "name: newex", base, """
                - rule: r
                  exceptions:
                    - name: newex
                      fields: [fd.directory]
                  override:
                    exceptions: append
                """);
        one(DiagnosticCode.EXCEPTION_NO_VALUES, "name: known", base, """
                - rule: r
                  exceptions:
                    - name: known
                  append: true
                """);
    }

    /** Falco pastes list items as written, quoting only those with a blank: "a,b" is two values (QA round 18). */
    @Test
    void aListItemWithACommaIsSeveralValues() {
        Diagnostic d = one(DiagnosticCode.LIST_ITEM_SPLIT, "\"a,b\"",
                "- list: l\n  items: [bash, \"a,b\", \"my shell, x\", '\"c,d\"']\n"
                        + rule("spawned_process and proc.name in (l)", "x"));
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("becomes the values a, b"), d.message(java.util.Locale.ENGLISH));
        // an empty value between commas is the condition's syntax error where the list is used (QA round 19)
        assertTrue(Checks.last("- list: l\n  items: [bash, \"a,\"]\n" + rule("spawned_process and proc.name in (l)", "x"))
                .stream().noneMatch(x -> x.code() == DiagnosticCode.LIST_ITEM_SPLIT));
    }

    /**
     * Exception values of the scalar form and of an inline list are pasted as list items are: "a,b"
     * is two values. A single value after a list comp is pasted as written in parentheses, quoted
     * or not, and stays the user's own text.
     */
    @Test
    void anExceptionValueWithACommaIsSeveralValues() {
        String scalar = rule("spawned_process and proc.name = sh", "x") + """
                  exceptions:
                    - name: e
                      fields: proc.pname
                      comps: in
                      values: [bash, "a,b", "my shell, x"]
                """;
        Diagnostic d = one(DiagnosticCode.LIST_ITEM_SPLIT, "\"a,b\"", scalar);
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("exception values") && d.message(java.util.Locale.ENGLISH)
                .contains("becomes the values a, b"), d.message(java.util.Locale.ENGLISH));
        String inline = rule("spawned_process and proc.name = sh", "x") + """
                  exceptions:
                    - name: e
                      fields: [proc.pname, proc.cmdline]
                      comps: [in, contains]
                      values:
                        - [[bash, "c,d"], "x,y"]
                """;
        one(DiagnosticCode.LIST_ITEM_SPLIT, "\"c,d\"", inline);
    }

    /**
     * An append's fragment written as a definition (no override): one syntax error that says what
     * is missing, and no 'Undefined macro or' (QA round 25: Falco's parser fails before any lookup).
     */
    @Test
    void aConditionStartingWithAndOrIsAnAppendWithoutOverride() {
        String base = "- macro: m\n  condition: proc.name = a\n";
        String local = "- macro: m\n  condition: or proc.name = foo\n";
        Diagnostic d = one(DiagnosticCode.CONDITION_SYNTAX, "or", base, local);
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("override with condition: append"),
                d.message(java.util.Locale.ENGLISH));
        assertTrue(Checks.last(base, local).stream().noneMatch(x -> x.code() == DiagnosticCode.UNKNOWN_MACRO));
        one(DiagnosticCode.CONDITION_SYNTAX, "and", base, "- macro: m\n  condition: and (proc.name = foo)\n");
        // a condition that parses looks its last word up: 'not' there is an undefined macro (spec §1, QA round 26)
        one(DiagnosticCode.UNKNOWN_MACRO, "not", "- macro: m\n  condition: evt.type = execve and not\n");
        one(DiagnosticCode.UNKNOWN_MACRO, "not", "- macro: m\n  condition: not\n");
    }

    /**
     * A plugin rule naming a syscall macro: Falco refuses the rule; the reference says so where the
     * rule is written, the macro's own line says which field (QA round 25).
     */
    @Test
    void aPluginRuleUsingAMacroOfAnotherSourceIsRefusedAtItsReference() {
        String macros = "- macro: spawned\n  condition: evt.type = execve\n- macro: outer\n  condition: spawned\n"
                + "- macro: kcreate\n  condition: ka.verb = create\n";
        String rule = "- rule: F\n  desc: d\n  condition: kcreate and outer\n  output: o\n  priority: WARNING\n"
                + "  source: k8s_audit\n";
        Diagnostic d = one(DiagnosticCode.UNKNOWN_FIELD, "outer", macros, rule);
        assertTrue(d.message(java.util.Locale.ENGLISH).contains("uses evt.type, which source k8s_audit does not have"),
                d.message(java.util.Locale.ENGLISH));
        // its own source's macros are fine; a rule that skips unknown fields gets Falco's warning (QA round 27)
        assertEquals(List.of(), Checks.last(macros, rule.replace("kcreate and outer", "kcreate")));
        Diagnostic skipped = one(DiagnosticCode.UNKNOWN_FIELD, "outer", macros, rule + "  skip-if-unknown-filter: true\n");
        assertEquals(Severity.WARNING, skipped.severity());
        assertTrue(skipped.message(java.util.Locale.ENGLISH).contains("Falco skips this rule"));
        // past three fields the message says there are more (QA round 27)
        String four = "- macro: f4\n  condition: evt.type = execve and proc.name = a and proc.pname = b and fd.name = c\n";
        Diagnostic more = one(DiagnosticCode.UNKNOWN_FIELD, "f4", four,
                rule.replace("kcreate and outer", "ka.verb = create and f4"));
        assertTrue(more.message(java.util.Locale.ENGLISH).contains("uses evt.type, proc.name, proc.pname and more fields"),
                more.message(java.util.Locale.ENGLISH));
    }

    /** An entry or exception without a name has that error, and no follow-on naming 'null' (QA round 18). */
    @Test
    void aMissingNameIsNotCalledNull() {
        String base = rule("spawned_process", "x");
        for (String entry : List.of("- rule:\n  enabled: false\n",
                "- rule: r\n  exceptions:\n    - fields: [fd.name]\n      values: [[x]]\n  override:\n    exceptions: append\n")) {
            List<Diagnostic> ds = Checks.last(base, entry);
            assertFalse(ds.isEmpty(), entry);
            for (Diagnostic d : ds) {
                assertFalse(d.message(java.util.Locale.ENGLISH).contains("'null'"), d.message(java.util.Locale.ENGLISH));
            }
        }
    }

    @Test
    void mergeProblems() {
        one(DiagnosticCode.APPEND_MISSING, "nope", "- list: nope\n  items: [a]\n  override:\n    items: append\n");
        one(DiagnosticCode.ENABLED_MISSING, "nope", "- rule: nope\n  enabled: false\n");
        String base = rule("spawned_process", "x");
        one(DiagnosticCode.SOURCE_MISMATCH, "k8s_audit", base, "- rule: r\n  desc: d\n  condition: ka.verb = get\n"
                + "  output: x\n  priority: INFO\n  source: k8s_audit\n");
        one(DiagnosticCode.OVERRIDE, "priority", base, "- rule: r\n  priority: INFO\n  override:\n    priority: append\n");
        // a key that cannot be replaced at all has that one error, not also "this entry has no 'source'" (QA round 25)
        one(DiagnosticCode.OVERRIDE, "source", base,
                "- rule: r\n  condition: and proc.name = x\n  override: {condition: append, source: replace}\n");
        // an empty override map names no append and no replace: Falco reads a plain entry (QA round 18)
        one(DiagnosticCode.MISSING_KEY, "r", base, "- rule: r\n  override: {}\n");
        one(DiagnosticCode.DEPRECATED_ENABLED, "enabled: false", base, "- rule: r\n  enabled: false\n  override: {}\n");
        assertEquals(List.of(), Checks.last(base, "- rule: r\n  enabled: false\n  override: {}\n").stream()
                .filter(d -> d.severity() == Severity.ERROR).toList());
        // a key twice in an override: yaml-cpp keeps both, Falco applies both (QA round 18)
        Diagnostic twice = one(DiagnosticCode.DUPLICATE_KEY, "condition", base,
                "- rule: r\n  condition: and proc.name = x\n  override: {condition: append, condition: replace}\n");
        assertEquals(2, twice.range().start().line());
        assertTrue(twice.message(java.util.Locale.ENGLISH).contains("this override"));
        // a key whose operation is not typed yet: missing, not "'null'" (QA round 18)
        String empty = "- rule: r\n  condition: and proc.name = x\n  override:\n    condition: \n";
        List<Diagnostic> ds = Checks.last(base, empty).stream().filter(d -> d.code() == DiagnosticCode.OVERRIDE).toList();
        assertEquals(1, ds.size(), Checks.describe(Checks.last(base, empty)));
        assertEquals("No override operation for 'condition': write append or replace.",
                ds.get(0).message(java.util.Locale.ENGLISH));
        one(DiagnosticCode.DEPRECATED_APPEND, "append: true", base,
                "- rule: r\n  condition: and proc.name = sh\n  append: true\n");
        one(DiagnosticCode.DEPRECATED_ENABLED, "enabled: false", base, "- rule: r\n  enabled: false\n");
        one(DiagnosticCode.UNUSED_MACRO, "unused", "- macro: unused\n  condition: evt.type = open\n");
    }

    @Test
    void engineAndPluginRequirements() {
        one(DiagnosticCode.ENGINE_VERSION, "seven", "- required_engine_version: seven\n");
        one(DiagnosticCode.ENGINE_VERSION, "0.99.0", "- required_engine_version: 0.99.0\n");
        assertEquals("'required_engine_version' has no value.", one(DiagnosticCode.ENGINE_VERSION,
                "required_engine_version", "- required_engine_version:\n").message(java.util.Locale.ENGLISH));
        assertTrue(one(DiagnosticCode.ENGINE_VERSION, "[1]", "- required_engine_version: [1]\n")
                .message(java.util.Locale.ENGLISH).contains("must be a single value"));
        assertEquals(List.of(), Checks.last("- required_engine_version: 26\n"));
        one(DiagnosticCode.NEWER_FEATURE, "regex", "- required_engine_version: 0.26.0\n"
                + rule("spawned_process and proc.name regex \"b.*h\"", "x"));
        one(DiagnosticCode.PLUGIN_VERSIONS, "latest", "- required_plugin_versions:\n  - name: json\n    version: latest\n");
        one(DiagnosticCode.PLUGIN_VERSIONS, "json", "- required_plugin_versions:\n  - name: json\n    version: 0.1.0\n"
                + "    alternatives:\n      - name: json\n        version: 0.2.0\n");
    }

    @Test
    void eventTypeRestriction() {
        String text = "- rule: r\n  desc: d\n  condition: proc.name = cat\n  output: x\n  priority: INFO\n";
        one(DiagnosticCode.EVTTYPE_RESTRICTION, "condition", text);
        assertEquals(List.of(), Checks.last(text + "  warn_evttypes: false\n"));
        one(DiagnosticCode.EVTTYPE_RESTRICTION, "condition", rule("not spawned_process", "x"));
        assertEquals(List.of(), Checks.last(ruleOnly("evt.type = open and not proc.name = cat", "x")));
        // a macro name being typed is unknown-macro, and no question of event types (QA round 18)
        assertEquals(List.of("unknown-macro"), Checks.codes(Checks.last(
                "- rule: r\n  desc: d\n  condition: shell_\n  output: x\n  priority: INFO\n")));
        // a plugin's field without source: fails first; no advice to restrict evt.type (QA round 25)
        assertEquals(List.of("unknown-field"), Checks.codes(Checks.last(
                "- rule: r\n  desc: d\n  condition: ct.name = ConsoleLogin\n  output: x\n  priority: INFO\n")));
    }

    @Test
    void skipIfUnknownFilterDowngradesToFalcosWarning() {
        Diagnostic d = one(DiagnosticCode.UNKNOWN_FIELD, "proc.nobody",
                rule("spawned_process and proc.nobody = x", "x") + "  skip-if-unknown-filter: true\n");
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(FalcoCode.LOAD_UNKNOWN_FILTER, d.falcoCode());
    }

    @Test
    void severitiesAreConfigurablePerCode() {
        String text = "- macro: unused\n  condition: evt.type = open\n";
        assertEquals(List.of(), Checks.DIAGNOSER.diagnose(Checks.snapshot(text), Checks.uri(0),
                CheckSettings.of(Map.of("unused-macro", "off"))));
        assertEquals(Severity.ERROR, Checks.DIAGNOSER.diagnose(Checks.snapshot(text), Checks.uri(0),
                CheckSettings.of(Map.of("UNUSED-MACRO", "error", "nonsense", "x"))).get(0).severity());
    }

    @Test
    void everyCodeHasTextsInBothLanguages() {
        for (DiagnosticCode c : DiagnosticCode.values()) {
            for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.JAPANESE)) {
                String t = CheckMessages.format(c.descriptionKey(), List.of(), l);
                assertTrue(!t.equals(c.descriptionKey()) && !t.isBlank(), c + " " + l);
            }
        }
    }

    /** SARIF's helpUri ends in #code: each code's row in docs/diagnostics.md carries that anchor. */
    @Test
    void everyCodeHasItsAnchorInTheDocs() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/diagnostics.md"));
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertTrue(doc.contains("<a id=\"" + c.id() + "\"></a>`" + c.id() + "`"), c.id());
        }
    }

    /** Falco skips rules of sources it has not loaded, and they mark nothing used (spec §2.12). */
    @Test
    void whatOnlySkippedRulesUseIsUnused() {
        String text = """
                - macro: kcreate
                  condition: ka.verb = create
                - list: kverbs
                  items: [create]
                - macro: shared
                  condition: ka.verb in (kverbs)
                - rule: k
                  desc: d
                  condition: kcreate and shared
                  output: o
                  priority: WARNING
                  source: k8s_audit
                """;
        List<Diagnostic> syscallOnly = Checks.DIAGNOSER.diagnose(Checks.snapshot(text), Checks.uri(0),
                CheckSettings.defaults().withSources(List.of("syscall")));
        // kcreate and shared only serve the skipped rule; kverbs is used by a macro, which Falco compiles
        assertEquals(List.of("kcreate", "shared"), syscallOnly.stream()
                .filter(d -> d.code() == DiagnosticCode.UNUSED_MACRO || d.code() == DiagnosticCode.UNUSED_LIST)
                .map(d -> d.args().get(0)).toList());
        assertEquals(List.of(), Checks.DIAGNOSER.diagnose(Checks.snapshot(text), Checks.uri(0), CheckSettings.defaults())
                .stream().filter(d -> d.code() == DiagnosticCode.UNUSED_MACRO).toList());
    }
}

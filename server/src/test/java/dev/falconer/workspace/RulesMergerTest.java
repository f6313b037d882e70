package dev.falconer.workspace;

import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.MergeProblem.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesMergerTest {

    static String resource(String name) {
        try (InputStream in = RulesMergerTest.class.getResourceAsStream("/rules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MergedRules merge(String... uriAndText) {
        List<RulesDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < uriAndText.length; i += 2) {
            docs.add(RulesDocument.parse(uriAndText[i], uriAndText[i + 1]));
        }
        return RulesMerger.merge(docs);
    }

    static List<Kind> kinds(MergedRules m) {
        return m.problems().stream().map(MergeProblem::kind).toList();
    }

    @Test
    void baseAndLocalOverridesMergeAsFalcoDoes() {
        MergedRules m = merge("file:///base.yaml", resource("base.yaml"), "file:///local.yaml", resource("local.yaml"));
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("bash", "sh", "zsh"),
                m.lists().get("shell_binaries").items().stream().map(SourcedValue::text).toList());
        assertEquals("proc.name in (shell_binaries) or proc.name = fish",
                m.macros().get("shell_procs").condition().text());
        EffectiveRule r = m.rules().get("Shell in container");
        assertEquals("spawned_process and shell_procs and not proc.pname = sshd", r.condition().text());
        assertEquals("tuned locally", r.desc().text());
        assertFalse(r.enabled());
        assertEquals(2, r.exceptions().size());
        assertEquals(List.of("cron", "systemd"), r.exceptions().get(0).values().stream()
                .map(v -> v.items().get(0).text()).toList());
        assertEquals(List.of(Definition.Role.DEFINE, Definition.Role.OVERRIDE, Definition.Role.APPEND,
                Definition.Role.ENABLE), r.contributions().stream().map(Definition::role).toList());
        // the appended condition keeps its file
        int at = r.condition().text().indexOf("sshd");
        assertEquals("file:///local.yaml", r.condition().locateFirst(at, at + 4).uri());
        assertEquals("file:///base.yaml", r.condition().locateFirst(0, 5).uri());
    }

    @Test
    void visibilityAndIndexFollowFalcosCounter() {
        MergedRules m = merge("u", "- macro: a\n  condition: x\n- macro: b\n  condition: a\n"
                + "- macro: a\n  condition: b\n");
        EffectiveMacro a = m.macros().get("a");
        EffectiveMacro b = m.macros().get("b");
        assertEquals(0, a.index());
        assertEquals(2, a.visibility(), "redefinition in place keeps the index, moves visibility");
        assertEquals(1, b.index());
        assertEquals(List.of("a", "b"), List.copyOf(m.macros().keySet()), "collection order");
    }

    @Test
    void overrideReplaceDefinesEvenWithoutEarlierItem() {
        MergedRules m = merge("u", "- macro: m\n  condition: a\n  override:\n    condition: replace\n"
                + "- macro: m\n  condition: b\n");
        assertEquals(List.of(), m.problems());
        assertEquals("b", m.macros().get("m").condition().text());
    }

    @Test
    void missingTargetsAreReported() {
        MergedRules m = merge("u", """
                - list: l
                  items: [a]
                  append: true
                - macro: m
                  condition: or x
                  override:
                    condition: append
                - rule: r
                  condition: and x
                  append: true
                - rule: s
                  priority: INFO
                  override:
                    priority: replace
                - rule: t
                  enabled: false
                """);
        assertEquals(List.of(Kind.LIST_APPEND_WITHOUT_LIST, Kind.MACRO_APPEND_WITHOUT_MACRO,
                Kind.RULE_APPEND_WITHOUT_RULE, Kind.RULE_REPLACE_WITHOUT_RULE, Kind.ENABLE_WITHOUT_RULE), kinds(m));
        MergeProblem first = m.problems().get(0);
        assertEquals(List.of("l"), first.args());
        assertTrue(m.lists().isEmpty() && m.macros().isEmpty() && m.rules().isEmpty());
        assertTrue(m.definitions().stream().allMatch(d -> d.role() == Definition.Role.REJECTED));
    }

    @Test
    void overrideMistakesAreReportedAtTheirKeys() {
        String text = """
                - rule: r
                  desc: d
                  condition: c
                  output: o
                  priority: INFO
                - rule: r
                  priority: ERROR
                  desc: more
                  condition: x
                  append: true
                  override:
                    priority: append
                    desc: append
                    output: replace
                    tags: merge
                    enabled: replace
                """;
        MergedRules m = merge("u", text);
        assertEquals(List.of(Kind.OVERRIDE_WITH_LEGACY_APPEND, Kind.KEY_NOT_APPENDABLE, Kind.INVALID_OVERRIDE_OPERATION,
                Kind.OVERRIDE_KEY_NOT_DEFINED, Kind.OVERRIDE_KEY_NOT_DEFINED, Kind.KEY_WITHOUT_OVERRIDE), kinds(m));
        assertEquals("append: true", m.problems().get(0).span().textOf(text));
        assertEquals("merge", m.problems().get(2).span().textOf(text));
        assertEquals(List.of("tags", "merge"), m.problems().get(2).args());
        assertEquals("priority", m.problems().get(1).span().textOf(text));
        assertEquals(List.of("replace", "output"), m.problems().get(3).args());
        assertEquals("condition", m.problems().get(5).span().textOf(text));
    }

    @Test
    void sourceMismatchOnRedefinitionAndAppend() {
        String text = """
                - rule: r
                  desc: d
                  condition: c
                  output: o
                  priority: INFO
                - rule: r
                  condition: and x
                  source: k8s_audit
                  append: true
                - rule: r
                  condition: and y
                  source: ""
                  append: true
                - rule: r
                  desc: d
                  condition: c
                  output: o
                  priority: INFO
                  source: aws_cloudtrail
                """;
        MergedRules m = merge("u", text);
        assertEquals(List.of(Kind.SOURCE_MISMATCH, Kind.SOURCE_MISMATCH), kinds(m));
        assertEquals(List.of("k8s_audit", "syscall"), m.problems().get(0).args());
        assertEquals("k8s_audit", m.problems().get(0).span().textOf(text));
    }

    @Test
    void exceptionAppendRules() {
        String text = """
                - rule: r
                  desc: d
                  condition: c
                  output: o
                  priority: INFO
                  exceptions:
                    - name: e
                      fields: [proc.name]
                - rule: r
                  exceptions:
                    - name: e
                      fields: [proc.pname]
                      values: [[x]]
                    - name: n
                  override:
                    exceptions: append
                - rule: r
                  append: true
                - rule: r
                  exceptions:
                    - name: e
                    - name: empty
                      fields: [fd.name]
                      values: []
                  override:
                    exceptions: append
                """;
        MergedRules m = merge("u", text);
        // Falco: a new name needs fields and at least one value (errors); an existing name without
        // values adds nothing (the reader's warning)
        assertEquals(List.of(Kind.EXCEPTION_APPEND_REDEFINES, Kind.EXCEPTION_APPEND_WITHOUT_FIELDS,
                Kind.EXCEPTION_APPEND_WITHOUT_VALUES, Kind.APPEND_WITHOUT_CONDITION_OR_EXCEPTIONS,
                Kind.EXCEPTION_APPEND_NO_VALUES, Kind.EXCEPTION_APPEND_WITHOUT_VALUES), kinds(m));
        assertEquals(Set.of("e", "n", "empty"), Set.copyOf(m.rules().get("r").exceptions().stream()
                .map(EffectiveException::name).toList()));
    }

    @Test
    void legacyRuleAppendTakesOnlyConditionAndExceptions() {
        MergedRules m = merge("u", """
                - rule: r
                  desc: d
                  condition: c
                  output: o
                  priority: INFO
                  enabled: false
                - rule: r
                  condition: and x
                  enabled: true
                  output: ignored
                  append: true
                """);
        EffectiveRule r = m.rules().get("r");
        assertEquals("c and x", r.condition().text());
        assertEquals("o", r.output().text());
        assertFalse(r.enabled(), "test rule_enabled_is_ignored_by_append");
    }
}

package dev.falconer.workspace;

import dev.falconer.rules.RulesDocument;
import dev.falconer.support.Corpus;
import dev.falconer.workspace.MergeProblem.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Falco's own append/override fixtures, loaded in the order of their expectation files
 * ({@code falco@0.35.1/test/falco_tests.yaml}, {@code testing/tests/data/rules}).
 */
class FalcoFixturesMergeTest {
    private static final String RULES = "falcosecurity/falco@0.35.1/test/rules/";

    private static MergedRules load(String... files) {
        List<RulesDocument> docs = new ArrayList<>();
        for (String f : files) {
            Path p = Corpus.file(f.contains("/") ? f : RULES + f);
            docs.add(RulesDocument.parse(p.toUri().toString(), Corpus.read(p)));
        }
        return RulesMerger.merge(docs);
    }

    private static FalcoConditions falco(MergedRules m) {
        return new FalcoConditions(m);
    }

    @Test
    void overridingARuleReplacesIt() {
        MergedRules m = load("single_rule.yaml", "override_rule.yaml");
        assertEquals(List.of(), m.problems());
        assertEquals("evt.type=open and proc.name=not-cat", m.rules().get("open_from_cat").condition().text());
        assertEquals(2, m.rules().get("open_from_cat").contributions().size());
    }

    @Test
    void overridingAMacroReplacesIt() {
        MergedRules m = load("single_rule.yaml", "override_macro.yaml");
        assertEquals("proc.name in (not-cat)", m.macros().get("is_cat").condition().text());
    }

    @Test
    void overridingListsIncludingANestedOne() {
        MergedRules list = load("single_rule.yaml", "override_list.yaml");
        assertEquals("proc.name in ( not-cat )", falco(list).macroCondition("is_cat").text().text());
        MergedRules nested = load("single_rule.yaml", "override_nested_list.yaml");
        // the redefined cat_binaries keeps its index, so it stays visible to cat_capable_binaries
        assertEquals(List.of("not-cat"), falco(nested).compiledItems("cat_capable_binaries").stream()
                .map(SourcedText::text).toList());
        assertEquals("proc.name in ( not-cat )", falco(nested).macroCondition("is_cat").text().text());
    }

    @Test
    void appendsConcatenate() {
        assertEquals("proc.name=not-cat or proc.name=cat",
                load("macro_append.yaml").macros().get("my_macro").condition().text());
        assertEquals("(evt.type=open and fd.name=not-a-real-file) or (evt.type=open and fd.name=/dev/null)",
                load("rule_append.yaml").rules().get("my_rule").condition().text());
        MergedRules list = load("list_append.yaml");
        assertEquals("evt.type=open and proc.name in ( not-cat, cat )",
                falco(list).ruleCondition("Open From Cat").text().text());
    }

    @Test
    void appendFalseIsAPlainRedefinition() {
        MergedRules m = load("macro_append_false.yaml");
        assertEquals(List.of(), m.problems());
        assertEquals(1, m.macros().size());
    }

    @Test
    void danglingAppendsAreErrors() {
        assertEquals(List.of(Kind.MACRO_APPEND_WITHOUT_MACRO), kinds(load("invalid_append_macro_dangling.yaml")));
        assertEquals(List.of(Kind.LIST_APPEND_WITHOUT_LIST), kinds(load("list_append_failure.yaml")));
        assertEquals(List.of(Kind.RULE_APPEND_WITHOUT_RULE), kinds(load("rule_append_failure.yaml")));
        assertEquals(List.of(Kind.APPEND_WITHOUT_CONDITION_OR_EXCEPTIONS),
                kinds(load("invalid_append_rule_without_condition.yaml")));
    }

    @Test
    void multipleDocumentsShareOneCollection() {
        MergedRules m = load("invalid_overwrite_macro_multiple_docs.yaml");
        assertEquals(1, m.macros().size());
        assertEquals("foo", m.macros().values().iterator().next().condition().text());
    }

    @Test
    void enabledOnlyEntriesOfTheTestingSuite() {
        String dir = "falcosecurity/testing/tests/data/rules/falco/";
        MergedRules disabled = load(dir + "DisabledRuleUsingEnabledFlagOnly/disabled_rule_using_enabled_flag_only.yaml");
        assertTrue(disabled.rules().values().stream().anyMatch(r -> !r.enabled()));
        assertTrue(disabled.definitions().stream().anyMatch(d -> d.role() == Definition.Role.ENABLE));
        assertEquals(List.of(), disabled.problems());
    }

    private static List<Kind> kinds(MergedRules m) {
        return m.problems().stream().map(MergeProblem::kind).toList();
    }
}

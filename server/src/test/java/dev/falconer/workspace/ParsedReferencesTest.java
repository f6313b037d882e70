package dev.falconer.workspace;

import dev.falconer.rules.RulesDocument;
import dev.falconer.support.Corpus;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.MergeProblem.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name resolution with the real condition parser, on Falco's rules and fixtures. */
class ParsedReferencesTest {
    private static final Set<Kind> NAME_ERRORS = Set.of(Kind.UNDEFINED_MACRO, Kind.MACRO_NOT_VISIBLE,
            Kind.MACRO_REFERENCE_LOOP);

    private static RulesDocument corpus(String relative) {
        Path p = Corpus.file(relative);
        return RulesDocument.parse(p.toUri().toString(), Corpus.read(p));
    }

    @Test
    void falcoRulesWithOurLocalFileHaveNoUnknownMacro() {
        RulesDocument falco = corpus("falcosecurity/rules/rules/falco_rules.yaml");
        String localText = RulesMergerTest.resource("falco_rules.local.yaml");
        RulesDocument local = RulesDocument.parse("file:///falco_rules.local.yaml", localText);
        WorkspaceSnapshot s = new WorkspaceAnalyzer().analyze(List.of(falco, local));

        assertEquals(List.of(), s.problems().stream().filter(p -> NAME_ERRORS.contains(p.kind())).toList());
        assertTrue(s.merged().problems().isEmpty(), () -> s.merged().problems().toString());
        // every reference range holds the referenced name, in whichever file it lives
        for (SymbolReference r : s.symbols().allReferences().values().stream().flatMap(List::stream).toList()) {
            String text = r.location().uri().equals(local.uri()) ? localText : falco.text();
            assertEquals(r.target().name(), r.location().span().textOf(text), r::toString);
        }
        // a name on the second line of a folded condition lands on its exact line and column
        SymbolReference ref = s.symbols().references(SymbolKey.macro("our_admin_activity")).stream()
                .filter(x -> x.from() != null && x.from().name().equals("Our admin shell")).findFirst().orElseThrow();
        assertEquals(TextPosition.of(23, 4), LineIndex.of(localText).position(ref.location().span().start()));
        // spawned_process is used in falco_rules.yaml, and our append extends it
        assertTrue(s.merged().macros().get("spawned_process").condition().text().endsWith(" and proc.name exists"));
        assertTrue(s.symbols().references(SymbolKey.macro("spawned_process")).size() >= 10);
        assertTrue(s.dependencies().filesAffectedBy(List.of(SymbolKey.list("our_admin_tools")))
                .contains(local.uri()));
        // the override replaced the macro; the earlier macro sees it as visible (defined in falco_rules.yaml)
        assertTrue(s.problems().stream().noneMatch(p -> p.args().contains("user_known_system_user_login")
                && p.kind() != Kind.UNUSED_MACRO));
    }

    @Test
    void everyConditionInTheCorpusYieldsReferencesOnTheirNames() {
        List<String> files = List.of("falcosecurity/rules/rules/falco-incubating_rules.yaml",
                "falcosecurity/rules/rules/falco-sandbox_rules.yaml");
        List<RulesDocument> docs = new ArrayList<>();
        docs.add(corpus("falcosecurity/rules/rules/falco_rules.yaml"));
        files.forEach(f -> docs.add(corpus(f)));
        WorkspaceSnapshot s = new WorkspaceAnalyzer().analyze(docs);
        assertEquals(List.of(), s.problems().stream().filter(p -> NAME_ERRORS.contains(p.kind())).toList());
    }

    @Test
    void macroLoopFixture() {
        WorkspaceSnapshot s = new WorkspaceAnalyzer().analyze(List.of(
                corpus("falcosecurity/falco@0.35.1/test/rules/invalid_macro_loop.yaml")));
        MergeProblem first = s.problems().stream().filter(p -> p.kind() == Kind.MACRO_REFERENCE_LOOP)
                .findFirst().orElseThrow();
        assertEquals("macro_a", first.args().get(0));
    }

    @Test
    void overwrittenMacroWithUndefinedReference() {
        WorkspaceSnapshot s = new WorkspaceAnalyzer().analyze(List.of(
                corpus("falcosecurity/falco@0.35.1/test/rules/invalid_base_macro.yaml"),
                corpus("falcosecurity/falco@0.35.1/test/rules/invalid_overwrite_macro.yaml")));
        assertEquals(List.of(Kind.UNDEFINED_MACRO, Kind.UNUSED_MACRO), s.problems().stream().map(MergeProblem::kind).toList());
        assertEquals(List.of("foo"), s.problems().get(0).args());
        assertTrue(s.problems().get(0).uri().endsWith("invalid_overwrite_macro.yaml"));
    }

    @Test
    void forwardReferencesWithTheRealParser() {
        String text = """
                - macro: early
                  condition: late and evt.type in (open_calls)
                - list: open_calls
                  items: [open, openat]
                - rule: r
                  desc: d
                  condition: late and not early
                  output: o
                  priority: INFO
                - macro: late
                  condition: evt.dir = <
                """;
        WorkspaceSnapshot s = new WorkspaceAnalyzer().analyze(List.of(RulesDocument.parse("u", text)));
        assertEquals(List.of(Kind.MACRO_NOT_VISIBLE), s.problems().stream().map(MergeProblem::kind).toList());
        SymbolReference listRef = s.symbols().references(SymbolKey.list("open_calls")).get(0);
        assertEquals("open_calls", listRef.location().span().textOf(text));
    }
}

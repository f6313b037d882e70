package dev.falconer.workspace;

import dev.falconer.condition.And;
import dev.falconer.condition.Span;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.MergeProblem.Kind;
import dev.falconer.workspace.SymbolReference.Site;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.falconer.workspace.HandAsts.in;
import static dev.falconer.workspace.HandAsts.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceAnalyzerTest {
    private static final String BASE = "file:///base.yaml";
    private static final String LOCAL = "file:///local.yaml";

    private static WorkspaceSnapshot analyze(HandAsts asts, String... uriAndText) {
        List<RulesDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < uriAndText.length; i += 2) {
            docs.add(RulesDocument.parse(uriAndText[i], uriAndText[i + 1]));
        }
        return new WorkspaceAnalyzer(asts).analyze(docs);
    }

    private static List<Kind> kinds(WorkspaceSnapshot s) {
        return s.problems().stream().map(MergeProblem::kind).toList();
    }

    @Test
    void rulesSeeLaterMacrosButMacrosDoNot() {
        String text = """
                - macro: early
                  condition: late
                - rule: r
                  desc: d
                  condition: late and early
                  output: o
                  priority: INFO
                - macro: late
                  condition: evt.type = open
                """;
        HandAsts asts = new HandAsts().macros("late").macros("late and early", "late", "early");
        WorkspaceSnapshot s = analyze(asts, BASE, text);
        assertEquals(List.of(Kind.MACRO_NOT_VISIBLE), kinds(s));
        MergeProblem p = s.problems().get(0);
        assertEquals(List.of("late", BASE), p.args());
        assertEquals(TextSpan(text, "late", 0), p.span());
        assertEquals("early", p.item().name());
    }

    private static dev.falconer.text.TextSpan TextSpan(String text, String word, int occurrence) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.indexOf(word, at + 1);
        }
        return dev.falconer.text.TextSpan.of(at, at + word.length());
    }

    @Test
    void macroLoopLikeFalcosFixture() {
        String text = """
                - macro: macro_a
                  condition: evt.type=open
                - macro: macro_b
                  condition: macro_a
                - macro: macro_a
                  condition: macro_b
                """;
        WorkspaceSnapshot s = analyze(new HandAsts().macros("macro_a").macros("macro_b"), BASE, text);
        List<MergeProblem> loops = s.problems().stream().filter(p -> p.kind() == Kind.MACRO_REFERENCE_LOOP).toList();
        assertEquals(2, loops.size());
        assertEquals(List.of("macro_a", "macro_a", "macro_b", "macro_a"), loops.get(0).args());
        assertTrue(s.problems().stream().noneMatch(p -> p.kind() == Kind.UNDEFINED_MACRO));
    }

    @Test
    void undefinedAndUnusedLikeInvalidOverwriteMacro() {
        String base = "- macro: some macro\n  condition: evt.type=execve\n";
        String overwrite = "- macro: some macro\n  condition: foo\n  append: false\n";
        WorkspaceSnapshot s = analyze(new HandAsts().macros("foo"), BASE, base, LOCAL, overwrite);
        assertEquals(List.of(Kind.UNDEFINED_MACRO, Kind.UNUSED_MACRO), kinds(s));
        MergeProblem undefined = s.problems().get(0);
        assertEquals(LOCAL, undefined.uri());
        assertEquals("foo", undefined.span().textOf(overwrite));
        assertEquals(List.of("foo"), undefined.args());
    }

    @Test
    void unusedListsFollowTextualSubstitution() {
        String text = """
                - list: used_in_quotes
                  items: [a]
                - list: used_by_list
                  items: [b]
                - list: wrapper
                  items: [used_by_list]
                - list: unused
                  items: [c]
                - rule: r
                  desc: d
                  condition: proc.cmdline contains "x used_in_quotes y" and proc.name in (wrapper)
                  output: o
                  priority: INFO
                """;
        WorkspaceSnapshot s = analyze(new HandAsts(), BASE, text);
        assertEquals(List.of(Kind.UNUSED_LIST), kinds(s));
        assertEquals(List.of("unused"), s.problems().get(0).args());
        assertEquals("unused", s.problems().get(0).span().textOf(text));
        assertEquals("proc.cmdline contains \"x a y\" and proc.name in ( b )",
                s.falco().ruleCondition("r").text().text());
    }

    @Test
    void referencesAcrossFilesWithExactRangesAndDependencies() {
        String base = RulesMergerTest.resource("base.yaml");
        String local = RulesMergerTest.resource("local.yaml");
        String ruleCond = "spawned_process and shell_procs and not proc.pname = sshd";
        String macroCond = "proc.name in (shell_binaries) or proc.name = fish";
        HandAsts asts = new HandAsts()
                .with(ruleCond, new And(List.of(ref(ruleCond, "spawned_process"), ref(ruleCond, "shell_procs")),
                        new Span(0, ruleCond.length())))
                .with(macroCond, in(macroCond, "proc.name", "shell_binaries"));
        WorkspaceSnapshot s = analyze(asts, BASE, base, LOCAL, local);
        assertEquals(List.of(), s.problems());
        SymbolTable t = s.symbols();

        List<SymbolReference> macroRefs = t.references(SymbolKey.macro("shell_procs"));
        assertEquals(2, macroRefs.size());
        SymbolReference inRule = macroRefs.stream().filter(r -> r.site() == Site.CONDITION).findFirst().orElseThrow();
        assertEquals(BASE, inRule.location().uri());
        assertEquals("shell_procs", inRule.location().span().textOf(base));
        assertEquals(SymbolKey.rule("Shell in container"), inRule.from());
        assertTrue(macroRefs.stream().anyMatch(r -> r.site() == Site.REDEFINITION && r.location().uri().equals(LOCAL)));

        SymbolReference listRef = t.references(SymbolKey.list("shell_binaries")).stream()
                .filter(r -> r.site() == Site.CONDITION).findFirst().orElseThrow();
        assertEquals("shell_binaries", listRef.location().span().textOf(base));
        SymbolReference exceptionRef = t.references(SymbolKey.list("editors")).get(0);
        assertEquals(Site.EXCEPTION_VALUE, exceptionRef.site());
        assertEquals(LOCAL, exceptionRef.location().uri());
        assertEquals("editors", exceptionRef.location().span().textOf(local));
        assertEquals(4, t.definitions(SymbolKey.rule("Shell in container")).size());
        assertEquals(List.of("shell_binaries", "editors"), t.names(ItemKind.LIST));

        int cursor = base.indexOf("shell_procs\n  output") + 3;
        assertEquals(SymbolKey.macro("shell_procs"), t.referenceAt(BASE, cursor).orElseThrow().target());
        assertEquals(SymbolKey.list("editors"), t.definitionAt(BASE, base.indexOf("editors") + 1).orElseThrow().key());

        Dependencies deps = s.dependencies();
        assertEquals(Set.of(SymbolKey.list("shell_binaries"), SymbolKey.macro("shell_procs"),
                SymbolKey.rule("Shell in container")), deps.affectedBy(List.of(SymbolKey.list("shell_binaries"))));
        assertEquals(Set.of(BASE, LOCAL), deps.filesAffectedBy(List.of(SymbolKey.macro("spawned_process"))));
        assertTrue(deps.usesTransitively(SymbolKey.rule("Shell in container")).containsAll(Set.of(
                SymbolKey.macro("shell_procs"), SymbolKey.list("shell_binaries"), SymbolKey.list("editors"))));
        assertEquals(Set.of(SymbolKey.macro("spawned_process")), deps.affectedBy(List.of(SymbolKey.macro("spawned_process")))
                .stream().filter(k -> k.kind() == ItemKind.MACRO).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void listsInsideListsExpandOneLevelOnlyWhenVisible() {
        String text = """
                - list: c
                  items: [x]
                - list: b
                  items: [c, later]
                - list: a
                  items: [b]
                - list: later
                  items: [y]
                - macro: m
                  condition: proc.name in (a)
                """;
        WorkspaceSnapshot s = analyze(new HandAsts(), BASE, text);
        assertEquals(List.of("x", "later"), s.falco().compiledItems("b").stream().map(SourcedText::text).toList());
        assertEquals(List.of("c", "later"), s.falco().compiledItems("a").stream().map(SourcedText::text).toList());
        // one substitution pass in collection order: c's turn is over when a brings "c" back, so it
        // stays literal (spec §2.12); "later" is substituted by its own, later pass
        assertEquals("proc.name in ( c, y )", s.falco().macroCondition("m").text().text());
    }
}

package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RulesDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falco compiles after each file and stops at the first failure (spec §2.11): errors of earlier steps count. */
class LoadStepsTest {
    private static final String RULE = "- rule: R\n  desc: d\n  condition: %s\n  output: o\n  priority: INFO\n";

    private static List<String> codes(String... texts) {
        List<RulesDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            docs.add(RulesDocument.parse("file:///f" + i + ".yaml", texts[i]));
        }
        dev.falconer.workspace.RulesWorkspace ws = new dev.falconer.workspace.RulesWorkspace(
                dev.falconer.condition.ConditionParser::parse);
        docs.forEach(ws::open);
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        Map<String, List<Diagnostic>> found = diagnoser.diagnoseAll(ws.snapshot(), CheckSettings.defaults());
        new LoadSteps(diagnoser, CheckSettings.defaults()).addIntermediateErrors(docs, found, dev.falconer.workspace.RulesWorkspace::fileNameOf);
        return found.values().stream().flatMap(List::stream)
                .map(d -> d.uri().substring(8) + " " + d.code().id() + d.related().stream()
                        .filter(r -> r.key().equals("related.loadStep")).map(r -> " (step" + (r.args().get(0)
                                .equals(d.uri().substring(8)) ? "" : " " + r.args().get(0)) + ")").findFirst().orElse(""))
                .toList();
    }

    @Test
    void aRuleBrokenInOneFileAndRedefinedInTheNextFailsTheLoad() {
        assertEquals(List.of("f0.yaml unknown-field (step)"),
                codes(RULE.formatted("evt.type = open and proc.nmae = x"), RULE.formatted("evt.type = open and proc.name = x")));
        // the other way round the broken definition is the final one: reported once, without a step
        assertEquals(List.of("f1.yaml unknown-field"),
                codes(RULE.formatted("evt.type = open and proc.name = x"), RULE.formatted("evt.type = open and proc.nmae = x")));
    }

    @Test
    void aListFirstDefinedInALaterFileIsALiteralUntilThen() {
        assertEquals(List.of("f0.yaml unknown-evttype (step)"), codes(RULE.formatted("evt.type in (my_evts)"),
                "- list: my_evts\n  items: [open, openat]\n"));
        // a literal where it compiles is no error: Falco loads it, and so do we
        assertEquals(List.of(), codes(RULE.formatted("evt.type = open and proc.name in (my_procs)"),
                "- list: my_procs\n  items: [a, b]\n"));
    }

    @Test
    void filesThatDoNotTouchEachOtherAddNothing() {
        assertEquals(List.of(), codes(RULE.formatted("evt.type = open"), RULE.replace("R", "S").formatted("evt.type = close")));
    }

    /** Each step is analysed from scratch: past a bound the steps are left unchecked, and the caller is told after which file. */
    @Test
    void manyFilesThatChangeEachOtherAreBounded() {
        List<RulesDocument> same = new java.util.ArrayList<>();
        for (int i = 0; i < LoadSteps.MAX_STEPS + 3; i++) {
            same.add(RulesDocument.parse("file:///f" + i + ".yaml", RULE.formatted("evt.type = open and proc.name = x" + i)));
        }
        // eleven equal files, each changing the one before: 8 steps (1 + ... + 8 files of the 4 x 11 the budget allows)
        assertEquals(LoadSteps.MAX_STEPS, LoadSteps.plan(same).steps().size());
        assertEquals("file:///f8.yaml", LoadSteps.plan(same).stopped().uri());
        assertEquals(null, LoadSteps.plan(same.subList(0, 3)).stopped());
        // a large first file: its steps read it again each time, until the budget is spent
        List<RulesDocument> large = new java.util.ArrayList<>();
        String padding = "#" + "x".repeat(RULE.length() * 20) + "\n";
        large.add(RulesDocument.parse("file:///f0.yaml", RULE.formatted("evt.type = open and proc.name = x0") + padding));
        for (int i = 1; i < 6; i++) {
            large.add(RulesDocument.parse("file:///f" + i + ".yaml", RULE.formatted("evt.type = open and proc.name = x" + i)));
        }
        assertEquals(List.of(0, 1, 2, 3), LoadSteps.plan(large).steps());
        assertEquals("file:///f4.yaml", LoadSteps.plan(large).stopped().uri());
    }

    /**
     * The official files, then a local file using a list and a second one defining it: Falco fails
     * at the first local file, a step past 80 % of all the text (QA: left unchecked when the steps
     * could read the text of all files only once).
     */
    @Test
    void aLocalFileAfterLargeOnesIsStillStepped() {
        String large = "#" + "x".repeat(80_000) + "\n- macro: m0\n  condition: evt.type = open\n";
        String larger = "#" + "x".repeat(60_000) + "\n- macro: m0\n  condition: evt.type = close\n";
        assertEquals(List.of("f1.yaml unused-macro", "f2.yaml unknown-evttype (step)"), codes(large, larger,
                RULE.formatted("evt.type in (my_evts)"), "- list: my_evts\n  items: [open, openat]\n"));
    }

    /**
     * A step's error is one finding with the final one at its place, whatever the wording; a final
     * warning of the same place and code gives way to it.
     */
    @Test
    void aStepErrorIsOneWithTheFinalErrorAtItsPlace() {
        // the final result downgrades it to a warning (the macro is no longer used): the step's error stands alone
        assertEquals(List.of("f0.yaml unused-macro", "f0.yaml unknown-field (step)"),
                codes("- macro: m\n  condition: proc.nmae = bash\n" + RULE.formatted("evt.type = execve and m"),
                        "- rule: R\n  condition: evt.type = execve\n  override:\n    condition: replace\n"));
        // the list's item count differs between the step and the end: still one error
        assertEquals(List.of("f0.yaml list-not-parenthesized"), codes("- list: L\n  items: [bash, sh]\n"
                + RULE.formatted("evt.type = open and proc.name = L"), "- list: L\n  items: [zsh]\n  override:\n    items: append\n"));
        // the later-file wording of an undefined macro and the step's plain one: one error
        assertEquals(List.of("f0.yaml unknown-macro"), codes(RULE.formatted("evt.type = open and my_macro"),
                "- macro: my_macro\n  condition: proc.name = x\n"));
    }

    /** A list name with characters Falco does not take as delimiters (':') is still seen as used before its file. */
    @Test
    void aListNameWithPunctuationIsSeen() {
        assertEquals(List.of("f0.yaml unknown-evttype (step)"), codes(RULE.formatted("evt.type in (my:evts)"),
                "- list: my:evts\n  items: [open]\n"));
    }

    /** A step skipped because the next file only adds keeps its errors: they are noted at their own file's step. */
    @Test
    void anErrorIsNotedAtTheFirstStepThatHasIt() {
        assertEquals(List.of("f0.yaml unknown-evttype (step)", "f1.yaml unknown-evttype (step)"),
                codes(RULE.formatted("evt.type in (l1)"), RULE.replace("R", "S").formatted("evt.type in (l2)"),
                        "- list: l1\n  items: [open]\n- list: l2\n  items: [open]\n"));
    }
}

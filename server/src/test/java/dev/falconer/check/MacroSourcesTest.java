package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.falconer.condition.ConditionParser;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import dev.falconer.support.Corpus;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The sources of a macro's rules, worked out once per macro and shared along the users, are
 * those of the closure of its users, rule by rule: through chains, diamonds, loops, rules of
 * several sources, and a source that is not checked.
 */
class MacroSourcesTest {
    private static final Predicate<String> ALL_BUT_K8S = s -> !s.equals("k8s_audit");

    @Test
    void sharedAnswersAreThoseOfTheClosure() {
        String text = """
                - macro: base
                  condition: proc.name = a
                - macro: left
                  condition: base and fd.name = x
                - macro: right
                  condition: base or fd.name = y
                - macro: top
                  condition: left and right
                - macro: loop_a
                  condition: loop_b and base
                - macro: loop_b
                  condition: loop_a
                - macro: unused
                  condition: proc.name = b
                - rule: r1
                  desc: d
                  condition: top
                  output: o
                  priority: INFO
                  source: k8s_audit
                - rule: r2
                  desc: d
                  condition: right
                  output: o
                  priority: INFO
                - rule: r3
                  desc: d
                  condition: loop_a
                  output: o
                  priority: INFO
                  source: aws_cloudtrail
                - rule: r4
                  desc: d
                  condition: left
                  output: o
                  priority: INFO
                  source: aws_cloudtrail
                """;
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.open("file:///m.yaml", 1, text);
        assertSameAsClosure(ws.snapshot());
        assertEquals(List.of("syscall", "aws_cloudtrail"), new MacroSources(ws.snapshot()).of("base", ALL_BUT_K8S));
    }

    @Test
    void theOfficialRulesetsAnswerAsTheClosure() {
        String rules = "falcosecurity/rules/rules/";
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        ws.setRulesFiles(List.of(Corpus.file(rules + "falco_rules.yaml"), Corpus.file(rules + "falco-incubating_rules.yaml"),
                Corpus.file(rules + "falco-sandbox_rules.yaml")));
        WorkspaceSnapshot s = ws.snapshot();
        assertFalse(s.merged().macros().isEmpty());
        assertSameAsClosure(s);
    }

    /** Every macro, asked in turn of one instance (so that later ones find the earlier answers). */
    private static void assertSameAsClosure(WorkspaceSnapshot s) {
        MacroSources shared = new MacroSources(s);
        for (String macro : s.merged().macros().keySet()) {
            for (Predicate<String> checks : List.<Predicate<String>>of(x -> true, ALL_BUT_K8S)) {
                assertEquals(s.sourcesOfRulesUsing(macro, checks), shared.of(macro, checks), macro);
            }
        }
    }
}

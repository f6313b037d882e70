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
        Map<String, List<Diagnostic>> found = new Diagnoser(FieldCatalog.defaults())
                .diagnoseAll(ws.snapshot(), CheckSettings.defaults());
        new LoadSteps(FieldCatalog.defaults(), CheckSettings.defaults()).addIntermediateErrors(docs, found);
        return found.values().stream().flatMap(List::stream)
                .map(d -> d.uri().substring(8) + " " + d.code().id()
                        + (d.related().stream().anyMatch(r -> r.key().equals("related.loadStep")) ? " (step)" : ""))
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
}

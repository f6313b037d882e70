package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.LoadSteps;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A step that loads the very same documents with the same settings is not checked again. */
class RememberedStepsTest {
    private final RulesWorkspace workspace = new RulesWorkspace(ConditionParser::parse);

    private List<RulesDocument> open(String a, String b) {
        workspace.open("file:///w/a.yaml", 1, a);
        workspace.open("file:///w/b.yaml", 1, b);
        return workspace.snapshot().documents();
    }

    @Test
    void aStepOfTheSameDocumentsIsRemembered() {
        RememberedSteps remembered = new RememberedSteps();
        Diagnoser diagnoser = new Diagnoser(FieldCatalog.defaults());
        FalconerSettings settings = FalconerSettings.defaults();
        LoadSteps.StepCheck steps = remembered.with(diagnoser, CheckSettings.defaults(), settings);
        String rule = "- rule: r\n  desc: d\n  condition: evt.type in (my_evts)\n  output: o\n  priority: INFO\n";
        List<RulesDocument> first = open(rule, "- list: my_evts\n  items: [open]\n");
        var found = steps.check(first.subList(0, 1));
        assertEquals(List.of("unknown-evttype"), found.get("file:///w/a.yaml").stream().map(d -> d.code().id()).toList());

        // the later file typed in: the step before it loads the same document
        workspace.change("file:///w/b.yaml", 2, List.of(dev.falconer.text.ContentChange.replace(0, 0, 0, 0, "# x\n")));
        List<RulesDocument> second = workspace.snapshot().documents();
        assertSame(found, steps.check(second.subList(0, 1)));
        assertSame(found, remembered.with(diagnoser, CheckSettings.defaults(), settings).check(second.subList(0, 1)));
        // other settings (the language here), or the step's own file typed in: checked again
        assertNotSame(found, remembered.with(diagnoser, CheckSettings.defaults(), settings.withLocale(Locale.JAPANESE))
                .check(second.subList(0, 1)));
        // a document closed: every step goes, with the texts it holds
        remembered.clear();
        assertNotSame(found, steps.check(second.subList(0, 1)));
        workspace.change("file:///w/a.yaml", 2, List.of(dev.falconer.text.ContentChange.replace(0, 0, 0, 0, "# x\n")));
        assertNotSame(found, steps.check(workspace.snapshot().documents().subList(0, 1)));
    }
}

package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Plugin async event names, the test plugins' sources, and operators of the pre-0.32 era. */
class PluginEventsAndSourcesTest {
    private static String rule(String condition, String source) {
        return """
                - rule: r
                  desc: d
                  condition: %s
                  output: "x"
                  priority: INFO
                  source: %s
                """.formatted(condition, source);
    }

    @Test
    void aPluginAsyncEventIsAValidEventTypeWithThePluginHint() {
        String text = rule("evt.type = krsi_open", "syscall");
        List<Diagnostic> ds = Checks.last(text);
        assertEquals(List.of("plugin-field"), Checks.codes(ds), Checks.describe(ds));
        assertEquals(Severity.HINT, ds.get(0).severity());
        assertEquals("krsi_open", Checks.culprit(text, ds.get(0)));
    }

    @Test
    void aPluginAsyncEventIsNoEventWhereThePluginsFieldsAreNot() {
        List<Diagnostic> ds = Checks.last(rule("evt.type = krsi_nope", "syscall"));
        assertEquals(List.of("unknown-evttype"), Checks.codes(ds), Checks.describe(ds));
    }

    @Test
    void theDummyTestPluginsPortsHaveTheirOwnSources() {
        assertEquals(List.of(), Checks.last(rule("dummy.value > 1", "dummy_c")));
        assertEquals(List.of(), Checks.last(rule("dummy.value > 1", "dummy_rs")));
    }

    @Test
    void operatorsOfTheNewParserAreNotClaimedNewerThanAnOldEngine() {
        String text = "- required_engine_version: 0.31.0\n" + rule("evt.type = open and proc.name == x", "syscall");
        assertEquals(List.of(), Checks.last(text), Checks.describe(Checks.last(text)));
    }
}

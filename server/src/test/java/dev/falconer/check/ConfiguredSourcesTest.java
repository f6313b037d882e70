package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** falconer.sources / --source: rules of a source Falco is not configured for are skipped, with Falco's warning. */
class ConfiguredSourcesTest {
    private static final String TEXT = """
            - rule: k8s
              desc: d
              condition: ka.nosuchfield = x
              output: "%ka.nosuchfield"
              priority: INFO
              source: k8s_audit
            - rule: sys
              desc: d
              condition: evt.type = open and proc.nmae = x
              output: "x"
              priority: INFO
            """;

    private static List<String> found(CheckSettings settings) {
        List<Diagnostic> ds = Checks.DIAGNOSER.diagnose(Checks.snapshot(TEXT), Checks.uri(0), settings);
        return ds.stream().map(d -> d.code().id() + ":" + Checks.culprit(TEXT, d)).toList();
    }

    @Test
    void aRuleOfAnUnconfiguredSourceIsSkippedWithFalcosWarning() {
        List<String> ds = found(CheckSettings.defaults().withSources(List.of("syscall")));
        assertEquals(List.of("unknown-source:k8s_audit", "unknown-field:proc.nmae"), ds);
        Diagnostic d = Checks.DIAGNOSER.diagnose(Checks.snapshot(TEXT), Checks.uri(0),
                CheckSettings.defaults().withSources(List.of("syscall"))).get(0);
        assertEquals(FalcoCode.LOAD_UNKNOWN_SOURCE, d.falcoCode());
        assertEquals(Severity.WARNING, d.severity());
    }

    @Test
    void noConfiguredSourcesMeansEveryKnownSource() {
        assertEquals(List.of("unknown-field:ka.nosuchfield", "output-field:ka.nosuchfield", "unknown-field:proc.nmae"),
                found(CheckSettings.defaults().withSources(List.of())));
    }
}

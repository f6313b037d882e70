package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Macros' event type sets are kept from one run to the next (see {@link EventTypeSets.Kept}):
 * after edits of the macros a rule reaches, directly or through others, the caching diagnoser
 * must report exactly what a fresh one does, including for chains of macros deep enough to reach
 * the expansion's depth limit from one rule and not from another.
 */
class KeptEventTypeSetsTest {
    private static final FieldCatalog CATALOG = FieldCatalog.defaults();
    private static final String URI = "file:///kept/evt.yaml";

    @Test
    void aNestedMacroEditedReachesTheRuleUsingItsOuterMacro() {
        String base = """
                - macro: inner
                  condition: evt.type = open

                - macro: outer
                  condition: inner and proc.name = x

                - rule: Uses outer
                  desc: d
                  condition: outer and proc.pname = y
                  output: "%proc.name"
                  priority: INFO
                """;
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, base);
        Diagnoser cached = new Diagnoser(CATALOG);
        assertEquals(0, tooMany(check(ws, cached)));
        // inner now matches every event: the rule's count goes above the limit through outer
        ws.open(URI, 2, base.replace("condition: evt.type = open", "condition: proc.name = z"));
        assertEquals(1, tooMany(check(ws, cached)));
        ws.open(URI, 3, base);
        assertEquals(0, tooMany(check(ws, cached)));
        long[] counts = cached.unitCounts();
        assertTrue(counts[1] > 0, "nothing computed");
    }

    @Test
    void deepChainsAgreeWithAFreshDiagnoserWhateverTheOrder() {
        Random random = new Random(20261128L);
        RulesWorkspace ws = new RulesWorkspace();
        Diagnoser cached = new Diagnoser(CATALOG);
        Diagnoser verifying = Diagnoser.verifyingLineage(CATALOG);
        int version = 1;
        for (int round = 0; round < 12; round++) {
            int depth = 150 + random.nextInt(120);
            int entry = random.nextInt(depth);
            ws.open(URI, version++, chain(depth, entry, random.nextBoolean(), random.nextBoolean()));
            check(ws, cached);
            check(ws, verifying);
            // then the last macro of the chain changes, as when typing in it
            String leaf = random.nextBoolean() ? "evt.type in (open, close)" : "proc.name = w";
            ws.open(URI, version++, chain(depth, entry, random.nextBoolean(), random.nextBoolean())
                    .replace("condition: evt.type = open", "condition: " + leaf));
            check(ws, cached);
            check(ws, verifying);
        }
    }

    /**
     * Macros {@code m0 .. m<depth>}, each using the next, the last matching {@code open}; one rule
     * uses {@code m0} (deep), another {@code m<entry>} (shallower), in either order.
     */
    private static String chain(int depth, int entry, boolean deepFirst, boolean negate) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("- macro: m").append(i).append("\n  condition: ").append(negate && i % 7 == 0 ? "not " : "")
                    .append("m").append(i + 1).append("\n\n");
        }
        out.append("- macro: m").append(depth).append("\n  condition: evt.type = open\n\n");
        List<String> rules = new ArrayList<>(List.of(rule("Deep", 0), rule("Shallow", entry)));
        if (!deepFirst) {
            java.util.Collections.reverse(rules);
        }
        rules.forEach(out::append);
        return out.toString();
    }

    private static String rule(String name, int macro) {
        return "- rule: " + name + "\n  desc: d\n  condition: m" + macro + " and proc.name = x\n"
                + "  output: \"%proc.name\"\n  priority: INFO\n\n";
    }

    /** The caching diagnoser's diagnostics, checked against a fresh one's. */
    private static List<Diagnostic> check(RulesWorkspace ws, Diagnoser cached) {
        WorkspaceSnapshot s = ws.snapshot();
        List<Diagnostic> fresh = Diagnoser.uncached(CATALOG).diagnose(s, URI, CheckSettings.defaults());
        List<Diagnostic> got = cached.diagnose(s, URI, CheckSettings.defaults());
        assertEquals(fresh, got);
        return got;
    }

    private static long tooMany(List<Diagnostic> found) {
        return found.stream().filter(d -> d.code() == DiagnosticCode.EVTTYPE_RESTRICTION).count();
    }
}

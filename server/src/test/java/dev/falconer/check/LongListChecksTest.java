package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.ContentChange;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long list (a threat feed) substituted into rules: while the rules around it are edited, the
 * caching diagnoser (which takes the list's value checks over from run to run, and whose
 * workspace takes the parsed values over) finds exactly what a diagnoser checking everything
 * afresh finds, whatever the field, operator or items become.
 */
class LongListChecksTest {
    private static final FieldCatalog CATALOG = FieldCatalog.defaults();
    private static final String FEED_URI = "file:///feed/iocs.yaml";
    private static final String RULES_URI = "file:///feed/rules.yaml";
    /** Items that some field types refuse: an address out of range, a field name, a port, a hex number. */
    private static final String[] ODD = {"999.1.1.1", "proc.name", "10.0.0", "spawned_process", "0x1F", "80",
        "\"a b\""};

    private static String feed(Random r, int n) {
        StringBuilder sb = new StringBuilder("- list: feed\n  items: [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ");
            if (i % 997 == 3) {
                sb.append(ODD[i / 997 % ODD.length]);
            } else if (r.nextInt(400) == 0) {
                sb.append(ODD[r.nextInt(ODD.length)]);
            } else {
                sb.append("10.").append(i / 256 % 256).append('.').append(i % 256).append(".9");
            }
        }
        return sb.append("]\n").toString();
    }

    private static final String RULES = """
            - macro: outbound
              condition: evt.type = connect and evt.dir = <

            - rule: Feed address
              desc: a connection to a listed address
              condition: outbound and fd.sip in (feed)
              output: "%proc.name %fd.sip"
              priority: WARNING

            - rule: Feed names
              desc: a process named like an item
              condition: evt.type = execve and proc.name pmatch (feed)
              output: "%proc.name"
              priority: NOTICE
            """;

    private static final String[] FIELDS = {"fd.sip", "fd.cip", "proc.name", "fd.sport", "fd.net", "evt.type",
        "ka.verb", "fd.sip.name"};
    private static final String[] OPERATORS = {"in", "pmatch", "intersects", "in", "in"};

    /** What stands before and after the list's test in the edited rule: as if typed a little at a time. */
    private static final String[] BEFORE = {"outbound and ", "outbound  and ", "outbound and\n    ",
        "(outbound) and ", "not proc.name = x and outbound and ", "outbound and evt.dir = < and "};
    private static final String[] AFTER = {"", " ", " and proc.name != y", " or fd.name = z", " and not  proc.pname = w"};

    @Test
    void cachedEqualsFreshWhileTheRulesAroundTheListChange() {
        Random r = new Random(2026_11_29L);
        String feed = feed(r, 4000);
        String[] parts = {BEFORE[0], "fd.sip", "in", AFTER[0]};
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(FEED_URI, 1, feed);
        ws.open(RULES_URI, 1, rules(parts));
        Diagnoser cached = new Diagnoser(CATALOG);
        for (int step = 0; step < 150; step++) {
            int version = step + 2;
            int kind = r.nextInt(10);
            if (kind < 6) {
                // typing before or after the list's test: the same values in the same context
                parts[kind % 2 == 0 ? 0 : 3] = kind % 2 == 0 ? BEFORE[r.nextInt(BEFORE.length)] : AFTER[r.nextInt(AFTER.length)];
            } else if (kind < 8) {
                // another field or operator in front of the list: another context for its values
                parts[1] = FIELDS[r.nextInt(FIELDS.length)];
                parts[2] = OPERATORS[r.nextInt(OPERATORS.length)];
            } else {
                // the feed changes: items come and go, odd ones among them
                feed = feed(new Random(r.nextInt(3)), 4000);
                ws.change(FEED_URI, version, List.of(ContentChange.full(feed)));
            }
            ws.change(RULES_URI, version, List.of(ContentChange.full(rules(parts))));
            WorkspaceSnapshot s = ws.snapshot();
            int at = step;
            for (String uri : List.of(RULES_URI, FEED_URI)) {
                List<Diagnostic> fresh = Diagnoser.uncached(CATALOG).diagnose(s, uri, CheckSettings.defaults());
                assertEquals(fresh, cached.diagnose(s, uri, CheckSettings.defaults()),
                        () -> "step " + at + " in " + uri + ": " + String.join("|", parts));
            }
        }
        assertTrue(cached.longListHits() > 30, "lists taken over: " + cached.longListHits());
    }

    private static String rules(String[] parts) {
        return RULES.replace("outbound and fd.sip in (feed)", parts[0] + parts[1] + " " + parts[2] + " (feed)" + parts[3]);
    }

    @Test
    void anOddItemIsReportedOnceItsFieldCaresAboutIt() {
        Random r = new Random(5);
        String feed = feed(r, 3000);
        assertTrue(feed.contains("999.1.1.1"), "the fixture needs an address out of range");
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(FEED_URI, 1, feed);
        ws.open(RULES_URI, 1, RULES.replace("fd.sip in", "proc.name in"));
        Diagnoser cached = new Diagnoser(CATALOG);
        // proc.name takes any string: the address is no problem there
        assertFalse(messages(cached, ws.snapshot()).contains("999.1.1.1"));
        ws.change(RULES_URI, 2, List.of(ContentChange.full(RULES)));
        // fd.sip does not: the lenient run must not hide it
        assertTrue(messages(cached, ws.snapshot()).contains("999.1.1.1"));
    }

    private static String messages(Diagnoser d, WorkspaceSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (String uri : List.of(RULES_URI, FEED_URI)) {
            d.diagnose(s, uri, CheckSettings.defaults()).forEach(x -> sb.append(x).append('\n'));
        }
        return sb.toString();
    }
}

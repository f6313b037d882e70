package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kept new-term proposals ({@link NewTermProposals}), prepared ahead or not, are what a service
 * that never completed before builds, and offer a macro's cursor only the macros defined above it: at cursors (several per context) of rules of two sources and of macros (which see fewer macros), in
 * both languages, in an order that makes the contexts evict each other, and after the workspace
 * gained a macro.
 */
class NewTermProposalsTest {
    private static final String URI = "file:///w/test_rules.yaml";
    private static final String TEXT = """
            - macro: first
              condition: evt.type = execve and |proc.name = sh
            - macro: second
              condition: first and (|fd.name startswith /tmp)
            - rule: Shell
              desc: d
              condition: second and not |user.name = root or (|proc.name = sh)
              output: o
              priority: INFO
            - rule: Audit
              desc: d
              condition: ka.verb = create and |ka.user.name = admin and not |ka.target.name = x
              output: o
              priority: INFO
              source: k8s_audit
            - macro: third
              condition: proc.pid = 1 and |
            """;

    /**
     * Read off the text: in a macro, the macros defined above it; in a rule, every macro, except
     * in the k8s_audit rule: every macro here uses syscall fields.
     */
    private static List<String> visibleMacros(String text, int cursor) {
        List<String> above = new ArrayList<>();
        List<String> all = new ArrayList<>();
        boolean inRule = false;
        boolean auditRule = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("- macro: ")) {
                all.add(line.substring(9).strip());
            }
        }
        int at = 0;
        for (String line : text.split("\n")) {
            if (at > cursor) {
                break;
            }
            if (line.startsWith("- macro: ")) {
                inRule = false;
                above.add(line.substring(9).strip());
            } else if (line.startsWith("- rule: ")) {
                inRule = true;
                auditRule = line.equals("- rule: Audit");
            }
            at += line.length() + 1;
        }
        List<String> out = new ArrayList<>(inRule ? (auditRule ? List.of() : all) : above.subList(0, above.size() - 1));
        out.sort(null);
        return out;
    }

    @Test
    void keptProposalsEqualFreshOnes() {
        List<Integer> cursors = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < TEXT.length(); i++) {
            if (TEXT.charAt(i) == '|') {
                cursors.add(text.length());
            } else {
                text.append(TEXT.charAt(i));
            }
        }
        FalconerService kept = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
        List<FalconerSettings> languages = List.of(FalconerSettings.defaults(),
                FalconerSettings.defaults().withLocale(java.util.Locale.JAPANESE));
        for (String extra : List.of("", "- macro: added\n  condition: proc.vpid = 1\n")) {
            RulesWorkspace files = new RulesWorkspace();
            files.open(URI, 1, extra + text);
            WorkspaceSnapshot ws = files.snapshot();
            // the background preparation: English macro contexts are then taken from its widest one
            kept.prepare(ws, FalconerSettings.defaults().locale());
            for (int round = 0; round < 3; round++) {
                for (FalconerSettings settings : languages) {
                    for (int cursor : cursors) {
                        TextPosition at = ws.document(URI).lineIndex().position(extra.length() + cursor);
                        List<CompletionEntry> fresh = new FalconerService(FieldCatalog.defaults(),
                                DiagnosticsProvider.none()).complete(ws, URI, at, settings);
                        assertTrue(fresh.size() > 50, "a new term: macros and fields");
                        assertEquals(visibleMacros(extra + text, extra.length() + cursor),
                                fresh.stream().filter(e -> e.kind() == CompletionEntry.Kind.MACRO)
                                        .map(CompletionEntry::label).sorted().toList(), "macros at " + at);
                        assertEquals(fresh, kept.complete(ws, URI, at, settings), "at " + at + " round " + round);
                    }
                }
            }
        }
    }
}

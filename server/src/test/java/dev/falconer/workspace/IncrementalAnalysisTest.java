package dev.falconer.workspace;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlEntry;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random edits to an open buffer: the snapshot the workspace computes incrementally must equal
 * the one a fresh analyzer computes from scratch for the same documents (merge, problems,
 * references, dependencies, Falco's texts). Bounded in edits and in time.
 */
class IncrementalAnalysisTest {
    private static final Path OFFICIAL = Path.of(System.getProperty("falconer.shared", "../shared"),
            "corpus/falcosecurity/rules/rules");
    private static final String[] TYPED = {"a", " ", "x", "_", "(", ")", "\"", ":", ",", "\n", "\n  ", "-", " and ",
        " or ", "not ", "=", "'", "#"};

    @TempDir
    Path dir;

    @Test
    void ownFixturesStayEqualUnderRandomEdits() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                - list: shells
                  items: [bash, sh, zsh]
                - list: more_shells
                  items: [shells, fish]
                - list: unused_list
                  items: [a, b]
                - macro: spawned
                  condition: evt.type in (execve, execveat)
                - macro: shell_procs
                  condition: proc.name in (more_shells) and spawned
                - macro: looping
                  condition: loop_back or spawned
                - macro: loop_back
                  condition: looping
                - macro: unused_macro
                  condition: fd.name = x
                - macro: early
                  condition: later_macro
                - macro: later_macro
                  condition: proc.pid = 1
                - rule: Shell spawned
                  desc: a shell
                  condition: shell_procs and not undefined_one
                  output: shell %proc.name
                  priority: WARNING
                  exceptions:
                    - name: known
                      fields: [proc.name, fd.name]
                      values:
                        - [bash, /tmp]
                        - [shells, /etc]
                - rule: Plain
                  desc: plain
                  condition: spawned and proc.name = ls
                  output: plain
                  priority: INFO
                - list: dual
                  items: [execve]
                - macro: dual
                  condition: proc.name = z
                - rule: Dual
                  desc: a list and a macro of one name, and a list named inside an exception value
                  condition: evt.type in (dual) and dual
                  output: o
                  priority: INFO
                  exceptions:
                    - name: quoted
                      fields: [proc.cmdline, fd.name]
                      values:
                        - [run shells now, /x]
                """);
        Files.writeString(dir.resolve("b.yaml"), """
                - macro: spawned
                  condition: and proc.pid > 0
                  append: true
                - rule: Shell spawned
                  condition: and not proc.name = fish
                  append: true
                - rule: Plain
                  enabled: false
                - rule: Plain
                  desc: redefined plain
                  condition: spawned and proc.name in (shells)
                  output: plain again
                  priority: INFO
                - rule: Override me
                  desc: o
                  condition: shell_procs
                  output: o
                  priority: INFO
                - rule: Override me
                  condition: and fd.num > 0
                  override:
                    condition: append
                - macro: spawned_late
                  condition: spawned or shell_procs
                - rule: Missing base
                  condition: x
                  append: true
                """);
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")));
        String a = RulesWorkspace.uriOf(dir.resolve("a.yaml"));
        String b = RulesWorkspace.uriOf(dir.resolve("b.yaml"));
        ws.open(a, 1, ws.document(a).text());
        ws.open(b, 1, ws.document(b).text());
        fuzz(ws, List.of(a, b), new Random(7), 600, 8_000);
    }

    @Test
    void officialRulesStayEqualUnderRandomEdits() {
        Assumptions.assumeTrue(Files.isDirectory(OFFICIAL), "official rules not available");
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(OFFICIAL));
        List<String> uris = new ArrayList<>();
        for (String f : List.of("falco_rules.yaml", "falco-sandbox_rules.yaml")) {
            String uri = RulesWorkspace.uriOf(OFFICIAL.resolve(f));
            ws.open(uri, 1, ws.document(uri).text());
            uris.add(uri);
        }
        fuzz(ws, uris, new Random(11), 150, 12_000);
    }

    private static void fuzz(RulesWorkspace ws, List<String> uris, Random random, int edits, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        Map<String, String> original = new java.util.HashMap<>();
        uris.forEach(u -> original.put(u, ws.document(u).text()));
        int version = 2;
        int done = 0;
        for (int i = 0; i < edits && System.currentTimeMillis() < deadline; i++) {
            String uri = uris.get(random.nextInt(uris.size()));
            RulesDocument doc = ws.document(uri);
            if (random.nextInt(40) == 0) {
                ws.change(uri, version++, List.of(ContentChange.full(original.get(uri))));
            } else {
                ws.change(uri, version++, List.of(randomEdit(doc, random)));
            }
            WorkspaceSnapshot incremental = ws.snapshot();
            // what the server asks on every edit, so the next snapshot patches the reverse index
            incremental.dependencies().filesAffectedBy(Set.of(SymbolKey.macro("spawned")));
            if (random.nextInt(3) == 0) {
                WorkspaceSnapshot fresh = new WorkspaceAnalyzer().analyze(incremental.documents());
                assertSameSnapshot(fresh, incremental, "after edit " + i);
                done++;
            }
        }
        assertTrue(done > 0);
        assertTrue(ws.analyzer().incrementalSnapshots() > done / 2, "the incremental path ran: "
                + ws.analyzer().incrementalSnapshots() + " of " + done);
    }

    /** Mostly one character in a condition; sometimes anywhere, in a name, or a few characters removed. */
    private static ContentChange randomEdit(RulesDocument doc, Random random) {
        String text = doc.text();
        List<YamlEntry> conditions = new ArrayList<>();
        List<YamlEntry> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (NamedItem item : doc.itemsOf(NamedItem.class)) {
            names.add(item.nameEntry());
            if (item.name() != null) {
                words.add(item.name());
            }
            YamlEntry c = item instanceof RuleItem r ? r.condition() : item instanceof MacroItem m ? m.condition() : null;
            if (c != null) {
                conditions.add(c);
            }
        }
        int at;
        int pick = random.nextInt(20);
        if (pick < 15 && !conditions.isEmpty()) {
            YamlEntry c = conditions.get(random.nextInt(conditions.size()));
            at = c.valueSpan().start() + random.nextInt(c.valueSpan().length() + 1);
        } else if (pick < 17 && !names.isEmpty()) {
            YamlEntry n = names.get(random.nextInt(names.size()));
            at = n.valueSpan().start() + random.nextInt(n.valueSpan().length() + 1);
        } else {
            at = random.nextInt(text.length() + 1);
        }
        TextPosition from = doc.lineIndex().position(at);
        if (random.nextInt(4) == 0 && at < text.length()) {
            int end = Math.min(text.length(), at + 1 + random.nextInt(4));
            TextPosition to = doc.lineIndex().position(end);
            return ContentChange.replace(from.line(), from.character(), to.line(), to.character(), "");
        }
        String typed = random.nextInt(5) == 0 && !words.isEmpty() ? " " + words.get(random.nextInt(words.size())) + " "
                : TYPED[random.nextInt(TYPED.length)];
        return ContentChange.replace(from.line(), from.character(), from.line(), from.character(), typed);
    }

    static void assertSameSnapshot(WorkspaceSnapshot expected, WorkspaceSnapshot actual, String when) {
        assertEquals(expected.documents(), actual.documents(), when);
        MergedRules e = expected.merged();
        MergedRules a = actual.merged();
        assertEquals(e.definitions(), a.definitions(), when);
        assertEquals(e.problems(), a.problems(), when);
        assertEquals(new ArrayList<>(e.lists().entrySet()), new ArrayList<>(a.lists().entrySet()), when);
        assertEquals(List.copyOf(e.macros().keySet()), List.copyOf(a.macros().keySet()), when);
        for (EffectiveMacro m : e.macros().values()) {
            EffectiveMacro n = a.macros().get(m.name());
            assertEquals(List.of(m.index(), m.visibility()), List.of(n.index(), n.visibility()), when);
            assertEquals(m.contributions(), n.contributions(), when);
            assertSameText(m.condition(), n.condition(), when);
            assertSameText(expected.falco().macroCondition(m.name()).text(),
                    actual.falco().macroCondition(m.name()).text(), when);
        }
        assertEquals(List.copyOf(e.rules().keySet()), List.copyOf(a.rules().keySet()), when);
        for (EffectiveRule r : e.rules().values()) {
            EffectiveRule n = a.rules().get(r.name());
            assertEquals(List.of(r.index(), r.source(), r.enabled(), r.tags(), r.exceptions(), r.contributions()),
                    List.of(n.index(), n.source(), n.enabled(), n.tags(), n.exceptions(), n.contributions()), when);
            assertEquals(r.priority(), n.priority(), when);
            assertSameText(r.condition(), n.condition(), when);
            assertSameText(r.output(), n.output(), when);
            assertSameText(r.desc(), n.desc(), when);
            FalcoConditions.Substituted fe = expected.falco().ruleCondition(r.name());
            FalcoConditions.Substituted fa = actual.falco().ruleCondition(r.name());
            assertEquals(fe == null, fa == null, when);
            if (fe != null) {
                assertSameText(fe.text(), fa.text(), when);
                assertEquals(fe.usedLists(), fa.usedLists(), when);
            }
        }
        assertEquals(expected.falco().usedLists(), actual.falco().usedLists(), when);
        assertEquals(expected.falco().listUsage(), actual.falco().listUsage(), when);
        assertEquals(expected.problems(), actual.problems(), when);

        SymbolTable se = expected.symbols();
        SymbolTable sa = actual.symbols();
        for (SymbolKey key : se.allDefinitions().keySet()) {
            // asked before anything else builds the incremental table's indexes
            assertEquals(se.definitions(key), sa.definitions(key), when);
        }
        for (ItemKind kind : ItemKind.values()) {
            assertEquals(se.names(kind), sa.names(kind), when);
            assertEquals(se.sortedNames(kind), sa.sortedNames(kind), when);
        }
        assertEquals(new ArrayList<>(se.allDefinitions().entrySet()), new ArrayList<>(sa.allDefinitions().entrySet()), when);
        assertEquals(new ArrayList<>(se.allReferences().entrySet()), new ArrayList<>(sa.allReferences().entrySet()), when);
        for (RulesDocument d : expected.documents()) {
            assertEquals(se.referencesIn(d.uri()), sa.referencesIn(d.uri()), when);
        }
        Set<SymbolKey> keys = new LinkedHashSet<>(se.allDefinitions().keySet());
        keys.addAll(se.allReferences().keySet());
        for (SymbolKey key : keys) {
            assertEquals(expected.dependencies().uses(key), actual.dependencies().uses(key), when);
            assertEquals(expected.dependencies().usersOf(key), actual.dependencies().usersOf(key), when);
            assertEquals(expected.dependencies().filesAffectedBy(Set.of(key)),
                    actual.dependencies().filesAffectedBy(Set.of(key)), when);
        }
    }

    private static void assertSameText(SourcedText e, SourcedText a, String when) {
        assertEquals(e == null, a == null, when);
        if (e != null) {
            assertEquals(e.text(), a.text(), when);
            assertEquals(e.origins(), a.origins(), when);
            assertTrue(e.sameShape(a), when);
        }
    }
}

package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The diagnoser reuses per-item results across snapshots; after any sequence of edits its
 * diagnostics must be exactly those of a diagnoser that recomputes everything and visits every
 * item of the workspace. Random edits (characters, deletions, renames, new appends and
 * overrides, broken YAML, reverts) on our fixtures and on the official rules; bounded in steps
 * and time. The files are not all checked after every edit, so that units are taken as valid
 * through several snapshots of the lineage; one caching diagnoser compares every unit it takes so
 * as well, another one (as the server runs) does not.
 */
class CachedDiagnosticsEquivalenceTest {
    private static final FieldCatalog CATALOG = FieldCatalog.defaults();
    private static final long BUDGET_NANOS = 20_000_000_000L;

    private static final String BASE = """
            - required_engine_version: 0.26.0

            - list: shells
              items: [bash, sh, zsh]

            - list: all_shells
              items: [shells, fish]

            - list: one_item
              items: [only]

            - macro: spawned
              condition: evt.type in (execve, execveat) and evt.dir = <

            - macro: shell_proc
              condition: spawned and proc.name in (all_shells)

            - macro: uses_later
              condition: later_macro or proc.pname = bash

            - macro: later_macro
              condition: fd.name startswith /etc

            - macro: loop_a
              condition: loop_b and proc.name = a

            - macro: loop_b
              condition: loop_a or proc.name = b

            - rule: Shell spawned
              desc: a shell
              condition: shell_proc and proc.name in [bash, sh] and not proc.nam = x
              output: shell %proc.name %proc.nme %fd.name %toupper(proc.name)
              priority: WARNING
              exceptions:
                - name: known
                  fields: [proc.name, proc.pname]
                  comps: [=, in]
                  values:
                    - [bash, shells]

            - rule: Bare list
              desc: bare
              condition: proc.name in one_item or proc.name in shells or proc.name in (shels)
              output: bare %proc.name
              priority: NOTICE

            - rule: No evttype
              desc: matches everything
              condition: proc.name = x and container.id != host
              output: "%evt.time %undefined.field"
              priority: INFO
              skip-if-unknown-filter: true
            """;

    private static final String SECOND = """
            - list: shells
              items: [ksh]
              override:
                items: append

            - macro: spawned
              condition: and proc.name != init
              override:
                condition: append

            - rule: Shell spawned
              exceptions:
                - name: known
                  values:
                    - [sh, all_shells]
              override:
                exceptions: append

            - rule: Uses loop
              desc: loop
              condition: loop_a and undefined_macro and spawnd
              output: "%proc.name"
              priority: ERROR
              source: syscall

            - rule: Other source
              desc: k8s
              condition: ka.verb = create and ka.target.resource = <NA>
              output: "%ka.user.name"
              priority: NOTICE
              source: k8s_audit
            """;

    private static final String THIRD = """
            - macro: late_user
              condition: shell_proc and proc.pname exists

            - rule: Late rule
              desc: late
              condition: late_user and evt.type = open and proc.name regex "ab.*"
              output: "%proc.name %evt.type"
              priority: critical
              enabled: false

            - rule: Bare list
              enabled: true
            """;

    /** Snippets inserted at random places: characters that break or repair YAML and conditions, names. */
    private static final String[] SNIPPETS = {" ", "x", "(", ")", ":", "\n", "  ", "- ", " and ", " not ", "[", "]",
        "\"", "'", "|", ">", "%proc.name ", "evt.type in (open) and ", "shells", "all_shells", "spawned",
        "shell_proc", "proc.", "fd.nam", ",", "#", "\t", "0.45.0"};

    /** Whole entries inserted at the start of a line: appends, overrides, new names. */
    private static final String[] ENTRIES = {
        "- list: shells\n  items: [csh]\n  override:\n    items: append\n\n",
        "- list: shells\n  items: [dash]\n\n",
        "- list: shels\n  items: [x]\n\n",
        "- macro: spawned\n  condition: proc.name = y\n  override:\n    condition: replace\n\n",
        "- macro: shell_proc\n  condition: or proc.pname in (shells)\n  override:\n    condition: append\n\n",
        "- macro: undefined_macro\n  condition: proc.name = u\n\n",
        "- macro: later_macro\n  condition: evt.type = close\n\n",
        "- rule: Shell spawned\n  condition: and fd.name = /tmp\n  override:\n    condition: append\n\n",
        "- rule: Shell spawned\n  output: new %proc.exe\n  override:\n    output: replace\n\n",
        "- rule: Late rule\n  enabled: true\n\n",
        "- rule: New rule\n  desc: n\n  condition: spawned and proc.name in (all_shells, shells)\n"
            + "  output: \"%proc.name\"\n  priority: INFO\n\n",
        "- required_engine_version: 0.50.0\n\n",
        "- rule: Broken\n  condition: (proc.name = x\n  desc: [unclosed\n\n",
    };

    private static final Pattern NAME = Pattern.compile(
            "\\b(shells|all_shells|one_item|spawned|shell_proc|later_macro|loop_a|late_user|Shell spawned|Bare list)\\b");
    private static final String[] RENAMES = {"shells", "all_shells", "spawned", "shell_proc", "later_macro",
        "late_user", "shells2", "spawned2", "Bare list", "Late rule"};

    @Test
    void cachedEqualsFreshOnFixtures() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("file:///eq/a.yaml", BASE);
        files.put("file:///eq/b.yaml", SECOND);
        files.put("file:///eq/c.yaml", THIRD);
        int steps = run(files, new Random(20261127L), 600, false);
        assertTrue(steps > 50, "too few steps ran: " + steps);
    }

    @Test
    void cachedEqualsFreshOnOfficialRules() throws IOException {
        Path dir = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus/falcosecurity/rules/rules");
        Assumptions.assumeTrue(Files.isDirectory(dir), "official rules not available");
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("falco_rules.yaml", "falco-sandbox_rules.yaml", "falco-incubating_rules.yaml")) {
            Path p = dir.resolve(name);
            Assumptions.assumeTrue(Files.isRegularFile(p), name + " not available");
            files.put(RulesWorkspace.uriOf(p), Files.readString(p));
        }
        int steps = run(files, new Random(42L), 120, true);
        assertTrue(steps > 5, "too few steps ran: " + steps);
    }

    /** Random edits; after each, every file (or, for big files, the edited one and one other) is compared. */
    private static int run(Map<String, String> initial, Random random, int maxSteps, boolean big) {
        RulesWorkspace ws = new RulesWorkspace();
        Map<String, String> texts = new LinkedHashMap<>(initial);
        Map<String, Integer> versions = new LinkedHashMap<>();
        texts.forEach((uri, text) -> {
            ws.open(uri, 1, text);
            versions.put(uri, 1);
        });
        List<String> uris = new ArrayList<>(texts.keySet());
        Diagnoser verifying = Diagnoser.verifyingLineage(CATALOG);
        Diagnoser cached = new Diagnoser(CATALOG);
        CheckSettings syscallOnly = CheckSettings.defaults().withSources(List.of("syscall"));
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int step = 0;
        while (step < maxSteps && System.nanoTime() < deadline) {
            step++;
            String uri = uris.get(random.nextInt(uris.size()));
            String before = texts.get(uri);
            String after = edit(before, random, big);
            if (random.nextInt(12) == 0) {
                after = initial.get(uri);
            }
            apply(ws, uri, before, after, versions);
            texts.put(uri, after);
            assertEquals(after, ws.document(uri).text());
            WorkspaceSnapshot s = ws.snapshot();
            CheckSettings settings = random.nextInt(10) == 0 ? syscallOnly : CheckSettings.defaults();
            List<String> checked = big ? List.of(uri, uris.get(random.nextInt(uris.size())))
                    : random.nextInt(3) == 0 ? List.of(uri) : uris;
            for (String u : checked) {
                List<Diagnostic> fresh = Diagnoser.uncached(CATALOG).diagnose(s, u, settings);
                int at = step;
                assertEquals(fresh, verifying.diagnose(s, u, settings),
                        () -> "step " + at + " differs in " + u + " after editing " + uri + " (verifying)");
                assertEquals(fresh, cached.diagnose(s, u, settings),
                        () -> "step " + at + " differs in " + u + " after editing " + uri);
            }
            if (!big && step % 10 == 0) {
                assertEquals(Diagnoser.uncached(CATALOG).diagnoseAll(s, settings), cached.diagnoseAll(s, settings));
                assertEquals(Diagnoser.uncached(CATALOG).diagnose(s, texts.keySet(), settings),
                        cached.diagnose(s, texts.keySet(), settings));
            }
        }
        // the comparison means something only if results were actually reused, also through the lineage
        for (Diagnoser d : List.of(verifying, cached)) {
            long[] counts = d.unitCounts();
            assertTrue(counts[0] > counts[1], "reused " + counts[0] + ", computed " + counts[1]);
            assertTrue(counts[2] > counts[0] / 4, "reused " + counts[0] + ", through the lineage " + counts[2]);
        }
        return step;
    }

    private static String edit(String text, Random random, boolean big) {
        int kind = random.nextInt(big ? 6 : 10);
        if (text.isEmpty() || kind == 0) {
            String snippet = SNIPPETS[random.nextInt(SNIPPETS.length)];
            int at = big ? conditionOffset(text, random) : random.nextInt(text.length() + 1);
            return text.substring(0, at) + snippet + text.substring(at);
        }
        switch (kind) {
            case 1, 2, 3 -> {
                // one character typed or deleted in a condition (or an output, a description), as when typing
                int at = valueOffset(text, random, kind == 3 ? OTHER_VALUE : CONDITION);
                return random.nextBoolean() ? text.substring(0, at) + "x" + text.substring(at)
                        : text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
            }
            case 4 -> {
                int at = random.nextInt(text.length());
                int len = 1 + random.nextInt(big ? 40 : 20);
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + len));
            }
            case 5 -> {
                int at = lineStart(text, random);
                return text.substring(0, at) + ENTRIES[random.nextInt(ENTRIES.length)] + text.substring(at);
            }
            case 6, 7 -> {
                Matcher m = NAME.matcher(text);
                List<int[]> hits = new ArrayList<>();
                while (m.find()) {
                    hits.add(new int[] {m.start(), m.end()});
                }
                if (hits.isEmpty()) {
                    return text + "\n";
                }
                int[] h = hits.get(random.nextInt(hits.size()));
                return text.substring(0, h[0]) + RENAMES[random.nextInt(RENAMES.length)] + text.substring(h[1]);
            }
            case 8 -> {
                // the entry moves: everything below it is re-based
                int at = lineStart(text, random);
                return text.substring(0, at) + "\n# moved\n" + text.substring(at);
            }
            default -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
        }
    }

    private static final Pattern CONDITION = Pattern.compile("condition: ");
    private static final Pattern OTHER_VALUE = Pattern.compile("(output|desc|priority): ");

    private static int conditionOffset(String text, Random random) {
        return valueOffset(text, random, CONDITION);
    }

    private static int valueOffset(String text, Random random, Pattern key) {
        Matcher m = key.matcher(text);
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
            at.add(m.end());
        }
        if (at.isEmpty()) {
            return random.nextInt(text.length() + 1);
        }
        int start = at.get(random.nextInt(at.size()));
        int lineEnd = text.indexOf('\n', start);
        int end = lineEnd < 0 ? text.length() : lineEnd;
        return start + random.nextInt(end - start + 1);
    }

    private static int lineStart(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        int nl = text.lastIndexOf('\n', Math.max(0, at - 1));
        return at == 0 || nl < 0 ? 0 : nl + 1;
    }

    /** Sends the difference as one ranged change, as an editor does. */
    private static void apply(RulesWorkspace ws, String uri, String before, String after, Map<String, Integer> versions) {
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        var index = ws.document(uri).lineIndex();
        TextPosition from = index.position(prefix);
        TextPosition to = index.position(before.length() - suffix);
        int v = versions.merge(uri, 1, Integer::sum);
        ws.change(uri, v, List.of(ContentChange.replace(from.line(), from.character(), to.line(), to.character(),
                after.substring(prefix, after.length() - suffix))));
    }
}

package dev.falconer.service;

import dev.falconer.support.Keystrokes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Explanations carried across snapshots ({@link KeptExplanations}) equal those of an
 * {@link Explanations} that sees each snapshot first: on random edits of a rules file (the
 * official folder loaded when the shared corpus is there) that also rename, remove and redefine
 * the macros and lists the explained items use, for every rule and macro of the edited file and
 * of a fixed sample of the others.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeptExplanationsTest {
    private static final Path OFFICIAL = Path.of(System.getProperty("falconer.shared", "../shared"),
            "corpus", "falcosecurity", "rules", "rules");
    private static final String URI = "file:///w/edited_rules.yaml";
    private static final String TEXT = """
            - list: shells
              items: [bash, sh]
            - list: more_shells
              items: [shells, zsh]
            - macro: spawned
              condition: evt.type = execve and proc.name in (more_shells)
            - macro: in_tmp
              condition: spawned and fd.name startswith /tmp
            - macro: in_tmp
              override:
                condition: append
              condition: or fd.name startswith /var/tmp
            - rule: Shell in tmp
              desc: a shell in tmp
              condition: in_tmp and not proc.pname in (shells) and open_write
              output: "%proc.name in %fd.name"
              priority: INFO
            - rule: Other
              desc: d
              condition: spawned and proc.name = shells
              output: o
              priority: INFO
              exceptions:
                - name: known
                  fields: [proc.name]
                  values: [[shells]]
            """;
    /** Edits that rename, remove and redefine names, beside random characters. */
    private static final List<String[]> REWRITES = List.of(
            new String[] {"- list: shells", "- list: shellz"}, new String[] {"- list: shellz", "- list: shells"},
            new String[] {"items: [bash, sh]", "items: [bash, sh, ash]"},
            new String[] {"- macro: spawned", "- macro: spawnd"}, new String[] {"- macro: spawnd", "- macro: spawned"},
            new String[] {"fd.name startswith /tmp", "fd.name startswith /tmp and shells"},
            new String[] {"desc: a shell in tmp", "desc: a shell below tmp"});
    private static final String TYPED = " sz_.()\n:-";

    @Test
    void keptExplanationsEqualFreshOnes() throws IOException {
        FieldCatalog catalog = FieldCatalog.defaults();
        RulesWorkspace ws = new RulesWorkspace();
        if (Files.isDirectory(OFFICIAL)) {
            try (Stream<Path> files = Files.list(OFFICIAL)) {
                ws.setRulesFiles(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
            }
        }
        Explanations keeping = new Explanations(catalog);
        Random random = new Random(13);
        StringBuilder text = new StringBuilder(TEXT);
        for (int version = 1; version <= 30; version++) {
            ws.open(URI, version, text.toString());
            WorkspaceSnapshot snapshot = ws.snapshot();
            Explanations fresh = new Explanations(catalog);
            List<SymbolKey> items = new ArrayList<>();
            for (ItemKind kind : List.of(ItemKind.RULE, ItemKind.MACRO)) {
                for (String name : snapshot.symbols().sortedNames(kind)) {
                    if (random.nextInt(20) == 0 || TEXT.contains(name)) {
                        items.add(new SymbolKey(kind, name));
                    }
                }
            }
            for (SymbolKey item : items) {
                Locale locale = random.nextBoolean() ? Locale.ENGLISH : Locale.JAPANESE;
                String where = "version " + version + ", " + item + "\n" + text;
                assertEquals(fresh.summary(snapshot, item, locale), keeping.summary(snapshot, item, locale), where);
                assertEquals(fresh.markdown(snapshot, item, locale), keeping.markdown(snapshot, item, locale), where);
                assertEquals(fresh.linkedMarkdown(snapshot, item, locale),
                        keeping.linkedMarkdown(snapshot, item, locale), where);
            }
            if (random.nextInt(4) == 0) {
                keeping.release(ws.snapshot()); // as after a publish: answers stay the same
            }
            if (random.nextInt(3) == 0) {
                String[] r = REWRITES.get(random.nextInt(REWRITES.size()));
                int at = text.indexOf(r[0]);
                if (at >= 0) {
                    text.replace(at, at + r[0].length(), r[1]);
                }
            } else {
                Keystrokes.type(text, random, TYPED);
            }
        }
    }

    @Test
    void releaseLetsGoOfAnEarlierSnapshotOnly() {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, TEXT);
        WorkspaceSnapshot first = ws.snapshot();
        Explanations explanations = new Explanations(FieldCatalog.defaults());
        SymbolKey rule = new SymbolKey(ItemKind.RULE, "Shell in tmp");
        String summary = explanations.summary(first, rule, Locale.ENGLISH).orElseThrow();
        explanations.release(first);
        assertEquals(true, explanations.holds(first));
        ws.open(URI, 2, TEXT.replace("desc: d", "desc: e"));
        WorkspaceSnapshot second = ws.snapshot();
        explanations.release(second);
        assertEquals(false, explanations.holds(first));
        assertEquals(summary, explanations.summary(second, rule, Locale.ENGLISH).orElseThrow());
    }

    @Test
    void keptWhileItsItemsAreTheSameObjects() {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, TEXT);
        WorkspaceSnapshot first = ws.snapshot();
        KeptExplanations kept = new KeptExplanations();
        KeptExplanations.Key rule = new KeptExplanations.Key(new SymbolKey(ItemKind.RULE, "Shell in tmp"), Locale.ENGLISH);
        KeptExplanations.Key other = new KeptExplanations.Key(new SymbolKey(ItemKind.RULE, "Other"), Locale.ENGLISH);
        KeptExplanations.Kept k = kept.keep(first, rule, java.util.Optional.empty());
        kept.keep(first, other, java.util.Optional.empty());
        assertSame(k, kept.get(first, rule));
        // the other rule's description changes: "Shell in tmp" relies on nothing of it
        ws.open(URI, 2, TEXT.replace("desc: d", "desc: e"));
        WorkspaceSnapshot second = ws.snapshot();
        assertSame(k, kept.get(second, rule));
        assertNull(kept.get(second, other));
        // a list it relies on through two macros changes
        ws.open(URI, 3, TEXT.replace("items: [bash, sh]", "items: [bash]"));
        assertNull(kept.get(ws.snapshot(), rule));
        // a macro it names appears
        ws.open(URI, 4, TEXT + "- macro: open_write\n  condition: evt.type = open\n");
        assertNull(kept.get(ws.snapshot(), rule));
    }
}

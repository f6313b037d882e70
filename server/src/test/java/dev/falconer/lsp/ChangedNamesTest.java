package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.text.TextDocument;
import dev.falconer.workspace.SymbolKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangedNamesTest {
    private static final String TEXT = """
            - list: shells
              items: [bash, sh]
            - macro: spawned
              condition: evt.type = execve
            - rule: r
              desc: d
              condition: spawned and proc.name in (shells)
              output: "%proc.name"
              priority: WARNING
            - macro: spawned
              condition: and proc.pid > 0
              append: true
            # a comment between entries
            - list: shells
              items: [zsh]
              append: true
            """;

    private static Set<SymbolKey> between(String before, String after) {
        RulesDocument a = before == null ? null : RulesDocument.parse("file:///t.yaml", before);
        if (a == null) {
            return ChangedNames.between(null, RulesDocument.parse("file:///t.yaml", after));
        }
        RulesDocument b = a.update(new TextDocument("file:///t.yaml", 2, after));
        return ChangedNames.between(a, b);
    }

    @Test
    void aKeystrokeInAConditionChangesThatNameOnly() {
        String after = TEXT.replace("evt.type = execve", "evt.type = execvex");
        assertEquals(Set.of(SymbolKey.macro("spawned")), between(TEXT, after));
        assertEquals(Set.of(SymbolKey.list("shells")), between(TEXT, TEXT.replace("[zsh]", "[zsh, ash]")));
        assertEquals(Set.of(), between(TEXT, TEXT.replace("a comment", "one comment")));
    }

    @Test
    void aRenameChangesTheOldNameAndTheNewOne() {
        assertEquals(Set.of(SymbolKey.rule("r"), SymbolKey.rule("rx")), between(TEXT, TEXT.replace("rule: r\n", "rule: rx\n")));
        // the other entry of the macro still defines it, with one entry less
        assertEquals(Set.of(SymbolKey.macro("spawned"), SymbolKey.macro("spawnedx")),
                between(TEXT, TEXT.replace("macro: spawned\n  condition: evt", "macro: spawnedx\n  condition: evt")));
    }

    @Test
    void anEntryAddedOrRemovedChangesItsNameOnly() {
        String added = TEXT.replace("- rule: r", "- macro: m2\n  condition: proc.pid > 1\n- rule: r");
        assertEquals(Set.of(SymbolKey.macro("m2")), between(TEXT, added));
        assertEquals(Set.of(SymbolKey.macro("m2")), between(added, TEXT));
        assertEquals(Set.of(SymbolKey.list("shells"), SymbolKey.macro("spawned"), SymbolKey.rule("r")), between(null, TEXT));
    }

    @Test
    void theInPlaceComparisonAgreesWithTheWholeTextOneOnRandomEdits() {
        Random random = new Random(42);
        String alphabet = "ab :-\n\"'[](),#|>";
        String text = TEXT;
        for (int i = 0; i < 3000; i++) {
            int at = random.nextInt(text.length() + 1);
            String edited = random.nextBoolean() && at < text.length()
                    ? text.substring(0, at) + text.substring(at + 1)
                    : text.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + text.substring(at);
            RulesDocument a = RulesDocument.parse("file:///t.yaml", text);
            RulesDocument b = a.update(new TextDocument("file:///t.yaml", i + 2, edited));
            // one edit: exactly the names whose entries differ (two distant edits may give more)
            assertEquals(byText(a, b), ChangedNames.between(a, b), "edit " + i + " at " + at);
            text = i % 50 == 49 ? TEXT : edited;
        }
    }

    /** The reference: each name's entries compared as whole texts. */
    private static Set<SymbolKey> byText(RulesDocument before, RulesDocument after) {
        Map<SymbolKey, String> a = entries(before);
        Map<SymbolKey, String> b = entries(after);
        Set<SymbolKey> changed = new HashSet<>();
        for (Map.Entry<SymbolKey, String> e : a.entrySet()) {
            if (!Objects.equals(e.getValue(), b.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (SymbolKey k : b.keySet()) {
            if (!a.containsKey(k)) {
                changed.add(k);
            }
        }
        return changed;
    }

    private static Map<SymbolKey, String> entries(RulesDocument doc) {
        Map<SymbolKey, String> out = new HashMap<>();
        for (RulesItem item : doc.items()) {
            if (item instanceof NamedItem n && n.name() != null) {
                out.merge(new SymbolKey(n.kind(), n.name()), item.span().textOf(doc.text()), (x, y) -> x + "\n" + y);
            }
        }
        return out;
    }
}

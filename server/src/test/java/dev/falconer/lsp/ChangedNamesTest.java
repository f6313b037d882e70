package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextDocument;
import dev.falconer.workspace.SymbolKey;
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
        RulesDocument a = RulesDocument.parse("file:///t.yaml", before);
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
    void theQuickComparisonAgreesWithTheWholeTextOneOnRandomEdits() {
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
            assertEquals(ChangedNames.byText(a, b), ChangedNames.between(a, b), "edit " + i + " at " + at);
            text = i % 50 == 49 ? TEXT : edited;
        }
    }
}

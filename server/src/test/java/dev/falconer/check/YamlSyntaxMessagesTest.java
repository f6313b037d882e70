package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.rules.ListItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlScalar;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** YAML errors read in the user's language and sit on their culprit. */
class YamlSyntaxMessagesTest {
    private static Diagnostic yaml(String text) {
        List<Diagnostic> ds = Checks.last(text).stream().filter(d -> d.code() == DiagnosticCode.YAML_SYNTAX).toList();
        assertEquals(1, ds.size(), Checks.describe(Checks.last(text)));
        return ds.get(0);
    }

    /** The one YAML error of {@code text}, with {@code key}, on {@code culprit}. */
    private static Diagnostic yaml(String text, String key, String culprit) {
        Diagnostic d = yaml(text);
        assertEquals(key, d.key());
        assertEquals(culprit, Checks.culprit(text, d));
        return d;
    }

    @Test
    void snakeYamlProblemsAreOurKeys() {
        assertEquals("yaml.expected", yaml("- rule: x\n  tags: [a, b\n  desc: d\n").key());
        assertEquals("yaml.mappingValues", yaml("- rule: x\n  output: a: b\n").key());
        assertEquals("yaml.badCharacter", yaml("- rule: x\n  desc: @d\n").key());
        assertEquals("yaml.undefinedTag", yaml("- rule: x\n  desc: !e!x d\n").key());
        assertEquals("yaml.couldNotFind", yaml("- rule: x\n  desc: d\n  output\n  priority: INFO\n").key());
    }

    @Test
    void snakeYamlTokensAreWordedInTheReadersLanguage() {
        Diagnostic unclosed = yaml("- list: l\n  items: [a, b\n");
        assertEquals("YAML syntax error: expected ',' or ']' here, but found the end of the file.",
                unclosed.message(Locale.ENGLISH));
        assertEquals("YAML の構文エラー: ここには ',' または ']' が必要ですが、ファイルの終わり があります。",
                unclosed.message(Locale.JAPANESE));
        // SnakeYAML's words for what it expected are worded too (QA round 18)
        Diagnostic open = yaml("- list: l\n  items: [");
        assertEquals("YAML syntax error: expected a value here, but found the end of the file.", open.message(Locale.ENGLISH));
        assertEquals("YAML の構文エラー: ここには 値 が必要ですが、ファイルの終わり があります。", open.message(Locale.JAPANESE));
        // a comment ends a plain value: the next line cannot continue it
        Diagnostic cut = yaml("- rule: r\n  condition: evt.type = open # c\n    and proc.name = x\n  output: o\n");
        assertEquals("yaml.notContinued", cut.key());
        assertTrue(cut.message(Locale.ENGLISH).contains("' #'"), cut.message(Locale.ENGLISH));
        assertFalse(cut.message(Locale.JAPANESE).contains("<"), cut.message(Locale.JAPANESE));
    }

    @Test
    void eachShapeOfMistakeGetsItsOwnMessage() {
        // text after a quoted value on the same line is not a line that fails to continue it
        assertEquals("yaml.afterValue", yaml("- rule: r\n  condition: 'proc.name' = x\n").key());
        assertEquals("yaml.tab", yaml("- rule: r\n\tdesc: x\n").key());
        Diagnostic at = yaml("- rule: r\n  desc: @x\n");
        assertEquals("yaml.badCharacter", at.key());
        assertFalse(at.message(Locale.ENGLISH).contains("tab"), at.message(Locale.ENGLISH));
        // SnakeYAML's context prefix ("while scanning a double-quoted scalar: ") is not the problem
        assertEquals("yaml.badEscape", yaml("- rule: r\n  desc: \"a\\qb\"\n").key());
        Diagnostic alias = yaml("- rule: r\n  desc: *anc\n");
        assertEquals("yaml.undefinedAlias", alias.key());
        assertFalse(alias.message(Locale.JAPANESE).contains("found"), alias.message(Locale.JAPANESE));
    }

    /** A bad escape is marked where it is written, across the lines of a folded string too, in either language. */
    @Test
    void aBadEscapeSitsOnTheEscape() {
        Diagnostic q = yaml("- rule: r\n  condition: \"evt.type = open and\n    proc.name = \\\"a\\\" and \\q\"\n",
                "yaml.badEscape", "\\q");
        assertTrue(q.message(Locale.ENGLISH).contains("\\q is not an escape"), q.message(Locale.ENGLISH));
        Diagnostic h = yaml("- rule: r\n  desc: \"ok \\x41 then \\u12G4\"\n", "yaml.badHexEscape", "\\u12");
        assertTrue(h.message(Locale.JAPANESE).contains("4 桁"), h.message(Locale.JAPANESE));
        // a backslash before the string (a comment, a plain or single-quoted value) is no escape (QA)
        yaml("- rule: r\n  desc: 'a \\q' # \\q\n  output: \"o \\z\"\n", "yaml.badEscape", "\\z");
        // a code point past Unicode: our words, on the escape, not Java's NumberFormatException
        yaml("- rule: r\n  desc: \"a \\UFFFFFFFF b\"\n", "yaml.badCodePoint", "\\UFFFFFFFF");
        yaml("- rule: r\n  desc: \"a \\U00110000 b\"\n", "yaml.badCodePoint", "\\U00110000");
        // the closing quote is not part of what was found after \x
        assertTrue(yaml("- rule: r\n  desc: \"a \\x4\"\n").message(Locale.ENGLISH).endsWith("(found: 4)."));
    }

    /**
     * yaml-cpp, Falco's reader, takes {@code \/}, {@code \'} and a backslash before a tab, which
     * YAML 1.1 does not have, and refuses a surrogate that YAML 1.1 lets through: Falconer reads
     * a file as Falco does.
     */
    @Test
    void escapesAreReadAsFalcosYamlReaderReadsThem() {
        String text = "- list: l\n  items: [\"a\\/b\", \"it\\'s\", \"x\\\ty\", \"\\U0001F600\"]\n";
        assertTrue(Checks.last(text).stream().noneMatch(d -> d.code() == DiagnosticCode.YAML_SYNTAX),
                Checks.describe(Checks.last(text)));
        ListItem list = assertInstanceOf(ListItem.class, RulesDocument.parse("file:///e.yaml", text).items().get(0));
        assertEquals(List.of("a/b", "it's", "x\ty", "\uD83D\uDE00"),
                list.itemScalars().stream().map(YamlScalar::value).toList());
        // half a character, alone or as one of a pair written as two escapes: yaml-cpp refuses each
        Diagnostic lone = yaml("- rule: r\n  desc: \"a \\\\ \\uD800 b\"\n", "yaml.badCodePoint", "\\uD800");
        assertEquals("YAML syntax error: the escape \\uD800 names no Unicode character.", lone.message(Locale.ENGLISH));
        assertTrue(lone.message(Locale.JAPANESE).contains("\\uD800"), lone.message(Locale.JAPANESE));
        yaml("- rule: r\n  desc: \"\uD83D\uDE00 \\U0000DE00\\u00e9\"\n", "yaml.badCodePoint", "\\U0000DE00");
        yaml("- rule: r\n  desc: 'ok \\uD800'\n  tags: [\"\\uD83D\\uDE00\"]\n", "yaml.badCodePoint", "\\uD83D");
        // the same escape written before in a single-quoted string is not the culprit
        Diagnostic second = yaml("- rule: r\n  desc: 'a \\uD800'\n  output: \"b \\uD800\"\n", "yaml.badCodePoint", "\\uD800");
        assertEquals(2, second.range().start().line());
    }

    @Test
    void japaneseMessagesCarryNoSnakeYamlSentence() {
        Diagnostic d = yaml("- rule: x\n  tags: [a, b\n  desc: d\n");
        String ja = d.message(Locale.JAPANESE);
        assertTrue(ja.startsWith("YAML の構文エラー: ここには "), ja);
        assertFalse(ja.contains("but got") || ja.contains("but found"), ja);
    }

    @Test
    void anUnclosedQuotePointsAtTheOpeningQuoteToTheLineEnd() {
        Diagnostic d = yaml("- rule: x\n  desc: \"unterminated\n  priority: INFO\n", "yaml.unclosedQuote", "\"unterminated");
        assertEquals("YAML の構文エラー: 引用符で始まる文字列が閉じられていません。", d.message(Locale.JAPANESE));
    }

    @Test
    void tooDeepANestingPointsWhereTheLimitIsPassed() {
        String text = "- rule: x\n  desc: d\n  tags: " + "[".repeat(60) + "]".repeat(60) + "\n";
        Diagnostic d = yaml(text);
        assertEquals("yaml.tooDeep", d.key());
        assertEquals(2, d.range().start().line());
        assertTrue(d.range().start().character() > 8, Checks.describe(List.of(d)));
        assertTrue(d.span().end() > d.span().start());
    }

    @Test
    void aliasesThatMultiplyPastTheBudgetSaySoInBothLanguages() {
        StringBuilder text = new StringBuilder("- list: l0\n  items: &a0 [a, b]\n");
        for (int i = 1; i <= 20; i++) {
            text.append("- list: l").append(i).append("\n  items: &a").append(i).append(" [*a").append(i - 1)
                    .append(", *a").append(i - 1).append("]\n");
        }
        Diagnostic d = Checks.last(text.toString()).stream().filter(x -> x.key().equals("yaml.aliasesTooLarge"))
                .findFirst().orElseThrow(() -> new AssertionError(Checks.describe(Checks.last(text.toString()))));
        assertTrue(d.message(Locale.ENGLISH).contains("more than 100000 values"), d.message(Locale.ENGLISH));
        assertTrue(d.message(Locale.JAPANESE).contains("100000 個を超える"), d.message(Locale.JAPANESE));
    }

    @Test
    void aConditionEndingInAnOperatorCoversThatToken() {
        String text = "- macro: spawned_process\n  condition: evt.type = execve\n"
                + "- rule: r\n  desc: d\n  condition: spawned_process and\n  output: x\n  priority: INFO\n";
        List<Diagnostic> ds = Checks.last(text).stream().filter(d -> d.code() == DiagnosticCode.CONDITION_SYNTAX).toList();
        assertEquals(1, ds.size(), Checks.describe(Checks.last(text)));
        assertEquals("and", Checks.culprit(text, ds.get(0)));
    }

    @Test
    void aKeyTwiceInOneItemIsAWarningOnTheSecond() {
        String text = "- macro: m\n  condition: evt.type = open\n  condition: evt.type = close\n";
        List<Diagnostic> ds = Checks.all(text).stream().filter(d -> d.code() == DiagnosticCode.DUPLICATE_KEY).toList();
        assertEquals(1, ds.size(), Checks.describe(Checks.all(text)));
        assertEquals(2, ds.get(0).range().start().line());
        assertEquals(Severity.WARNING, ds.get(0).severity());
        assertTrue(ds.get(0).message(Locale.ENGLISH).contains("Falco may read either"));
    }
}

package dev.falconer.rules;

import dev.falconer.text.TextPosition;
import dev.falconer.text.TextSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMapTest {

    /** Parses, checks every scalar's map, and returns the condition scalar. */
    private static YamlScalar condition(String text) {
        RulesDocument doc = RulesDocument.parse("file:///t.yaml", text);
        for (YamlScalar s : YamlFixtures.scalars(doc)) {
            assertConsistent(text, s);
        }
        return YamlFixtures.value(doc, "condition");
    }

    /** Every literally copied character maps onto itself; offsets never go backwards. */
    private static void assertConsistent(String text, YamlScalar s) {
        SourceMap map = s.sourceMap();
        assertTrue(map.exact(), () -> "not exact: " + s);
        assertEquals(s.value(), map.value());
        int last = -1;
        for (int i = 0; i < s.value().length(); i++) {
            TextSpan one = map.documentSpan(i, i + 1);
            assertTrue(one.start() >= last, "monotonic");
            assertTrue(s.span().contains(one.start()), () -> "inside scalar: " + s);
            last = one.start();
            char c = s.value().charAt(i);
            if (one.length() == 1 && c != ' ' && c != '\n') {
                assertEquals(c, text.charAt(one.start()), "char " + i + " of " + s.value());
            }
        }
    }

    private static void assertLandsOn(String text, YamlScalar s, String needle, int line, int character) {
        SourceMap map = s.sourceMap();
        int at = s.value().indexOf(needle);
        assertTrue(at >= 0, needle);
        TextSpan span = map.documentSpan(at, at + needle.length());
        assertEquals(needle, span.textOf(text));
        TextPosition p = dev.falconer.text.LineIndex.of(text).position(span.start());
        assertEquals(TextPosition.of(line, character), p);
        assertEquals(at, map.valueIndex(span.start()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void plainMultiLine(String nl) {
        String text = String.join(nl, "- macro: m", "  condition: evt.type = open", "    and  proc.name = cat  ",
                "", "    and\tfd.name = x", "");
        YamlScalar s = condition(text);
        assertEquals("evt.type = open and  proc.name = cat\nand\tfd.name = x", s.value());
        assertLandsOn(text, s, "proc.name", 2, 9);
        assertLandsOn(text, s, "fd.name", 4, 8);
        // the folded line break maps onto the break it replaces
        int fold = s.value().indexOf(" and  proc");
        assertEquals(TextSpan.of(text.indexOf("open") + 4, text.indexOf("open") + 4 + nl.length()),
                s.sourceMap().documentSpan(fold, fold + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void singleQuoted(String nl) {
        String text = String.join(nl, "- macro: m", "  condition: 'proc.name = ''it''s''", "     and", "",
                "     fd.name = x'", "");
        YamlScalar s = condition(text);
        assertEquals("proc.name = 'it's' and\nfd.name = x", s.value());
        assertLandsOn(text, s, "it", 1, 28);
        assertLandsOn(text, s, "fd.name", 4, 5);
        assertEquals(TextSpan.of(text.indexOf("''it"), text.indexOf("''it") + 2), s.sourceMap().documentSpan(12, 13));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void doubleQuotedWithEscapes(String nl) {
        String text = String.join(nl, "- macro: m",
                "  condition: \"a\\tb \\\"q\\\" \\u00e9\\x41\\U0001F600 c\\",
                "      d and", "   \tfd.name = x\"", "");
        YamlScalar s = condition(text);
        assertEquals("a\tb \"q\" éA😀 cd and fd.name = x", s.value());
        SourceMap map = s.sourceMap();
        int e = s.value().indexOf('é');
        assertEquals("\\u00e9", map.documentSpan(e, e + 1).textOf(text));
        int emoji = s.value().indexOf("😀");
        assertEquals("\\U0001F600", map.documentSpan(emoji, emoji + 2).textOf(text));
        assertLandsOn(text, s, "d and", 2, 6);
        assertLandsOn(text, s, "fd.name", 3, 4);
    }

    /** The escapes yaml-cpp takes beyond YAML 1.1 keep the map exact: what follows them lands on its place. */
    @Test
    void yamlCppEscapesMapOntoTheirTwoCharacters() {
        String text = "- macro: m\n  condition: \"proc.name = \\'a\\/b\\'\\\tand fd.name = x\"\n";
        YamlScalar s = condition(text);
        assertEquals("proc.name = 'a/b'\tand fd.name = x", s.value());
        assertConsistent(text, s);
        assertEquals("\\/", s.sourceMap().documentSpan(14, 15).textOf(text));
        assertLandsOn(text, s, "fd.name", 1, 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void folded(String nl) {
        String text = String.join(nl, "- macro: m", "  condition: >", "    evt.type = open and", "    proc.name = cat",
                "", "      indented stays", "    and fd.name = x", "", "- macro: n", "  condition: y", "");
        YamlScalar s = condition(text);
        assertEquals("evt.type = open and proc.name = cat\n\n  indented stays\nand fd.name = x\n", s.value());
        assertLandsOn(text, s, "proc.name", 3, 4);
        assertLandsOn(text, s, "indented", 5, 6);
        assertLandsOn(text, s, "fd.name", 6, 8);
    }

    @Test
    void literalWithChompingAndIndentationIndicators() {
        String keep = "- macro: m\n  condition: |+\n    a\n     b\n\n\n- macro: n\n  condition: x\n";
        YamlScalar s = condition(keep);
        assertEquals("a\n b\n\n\n", s.value());
        assertLandsOn(keep, s, "b", 3, 5);

        String strip = "- macro: m\n  condition: |-\n    a\n\n    b\n\n";
        assertEquals("a\n\nb", condition(strip).value());

        String explicit = "- macro: m\n  condition: |2\n     x\n    y\n";
        YamlScalar e = condition(explicit);
        assertEquals(" x\ny\n", e.value());
        assertLandsOn(explicit, e, "x", 2, 5);
        assertLandsOn(explicit, e, "y", 3, 4);

        String indicatorsSwapped = "- macro: m\n  condition: >-2 # comment\n      a\n    b\n    c\n";
        YamlScalar f = condition(indicatorsSwapped);
        assertEquals("  a\nb c", f.value());
        assertLandsOn(indicatorsSwapped, f, "c", 4, 4);
    }

    @Test
    void nonAsciiBeforeTheConditionOnEarlierLinesAndTheSameLine() {
        String text = "# 日本語のコメント 😀\n- rule: 検知 😀 ルール\n  desc: 説明 🦅\n"
                + "  condition: >\n    proc.name = 猫 and\n    fd.name = x\n  output: o\n  priority: INFO\n"
                + "- {macro: 鷹😀, condition: \"proc.name = 😀 and\n    evt.type = open\"}\n";
        RulesDocument doc = RulesDocument.parse("u", text);
        for (YamlScalar s : YamlFixtures.scalars(doc)) {
            assertConsistent(text, s);
        }
        YamlScalar rule = ((RuleItem) doc.items().get(0)).condition().scalar();
        assertLandsOn(text, rule, "fd.name", 5, 4);
        assertLandsOn(text, rule, "猫", 4, 16);
        YamlScalar macro = ((MacroItem) doc.items().get(1)).condition().scalar();
        assertLandsOn(text, macro, "😀 and", 8, 39);
        assertLandsOn(text, macro, "evt.type", 9, 4);
    }

    @Test
    void tagBeforeAPlainScalarIsNotPartOfTheValue() {
        String text = "- rule: r\n  desc: != after evt.type\n  condition: x\n";
        RulesDocument doc = RulesDocument.parse("u", text);
        YamlScalar desc = ((RuleItem) doc.items().get(0)).desc().scalar();
        assertEquals("after evt.type", desc.value());
        assertEquals("!=", desc.tag());
        assertLandsOn(text, desc, "evt.type", 1, 17);
    }

    @Test
    void emptyValuesMapToTheirPlace() {
        String text = "- macro: m\n  condition: \"\"\n";
        YamlScalar s = condition(text);
        SourceMap map = s.sourceMap();
        assertEquals(TextSpan.empty(text.indexOf("\"\"") + 1), map.documentSpan(0, 0));
        assertEquals(-1, map.valueIndex(0));
    }

    /** Maps kept as runs answer exactly as the per-character arrays they were made from. */
    @Test
    void runsAnswerAsArrays() {
        java.util.Random random = new java.util.Random(1128);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(40);
            int[] starts = new int[n];
            int[] ends = new int[n];
            int at = 100 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10);
                at += kind == 0 ? random.nextInt(6) : kind == 1 ? 0 : 1; // jumps, repeats (spread maps), steps
                starts[i] = at;
                ends[i] = at + (kind == 2 ? random.nextInt(7) : 1);
            }
            String value = "x".repeat(n);
            TextSpan span = new TextSpan(95, at + 8);
            SourceMap arrays = new SourceMap(value, starts, ends, span, at + 3, true, false);
            SourceMap runs = new SourceMap(value, starts, ends, span, at + 3, true, true);
            TextSpan moved = new TextSpan(1000, 1000 + span.length());
            for (SourceMap[] pair : new SourceMap[][] {{arrays, runs}, {arrays.placedAt(moved), runs.placedAt(moved)}}) {
                for (int i = -2; i <= n + 2; i++) {
                    assertEquals(pair[0].documentOffset(i), pair[1].documentOffset(i));
                    for (int j = i; j <= n + 2; j++) {
                        assertEquals(pair[0].documentSpan(i, j), pair[1].documentSpan(i, j));
                    }
                }
                for (int o = 80; o < at + 20; o++) {
                    int off = o + (pair[0] == arrays ? 0 : 1000);
                    assertEquals(pair[0].valueIndex(off), pair[1].valueIndex(off), "offset " + off);
                }
            }
        }
    }
}

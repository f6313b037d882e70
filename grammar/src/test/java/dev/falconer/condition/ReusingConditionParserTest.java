package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reusing parser gives exactly what a full parse gives (spans and errors included) for texts
 * edited around, beside and inside long value lists, and does take the values over when it can.
 */
class ReusingConditionParserTest {
    /** Small thresholds, so that many edits of small texts go through the reusing path. */
    private static ReusingConditionParser parser() {
        return new ReusingConditionParser(200, 40);
    }

    private static String list(Random r, int n) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : r.nextInt(5) == 0 ? " ,  " : ", ");
            switch (r.nextInt(6)) {
                case 0 -> sb.append('"').append("a b ").append(i).append('"');
                case 1 -> sb.append("0x").append(Integer.toHexString(i));
                case 2 -> sb.append(i);
                case 3 -> sb.append("/usr/bin/t").append(i);
                default -> sb.append("10.").append(i % 250).append(".0.").append(i % 7);
            }
        }
        return sb.append(')').toString();
    }

    private static final String[] EDITS = {" ", "", "a", "(", ")", ",", "\"", "=", "in ", "and ", "not ", "x.y ",
        "pmatch", " or fd.name in ", "\\", "[", "]", "'", "\n", "0x1F"};

    @Test
    void editsAnywhereGiveTheFullParse() {
        for (long seed = 1; seed <= 60; seed++) {
            Random r = new Random(seed);
            String text = condition(r, seed);
            ReusingConditionParser reusing = parser();
            assertEquals(ConditionParser.parse(text), reusing.apply(text), text);
            for (int i = 0; i < 40; i++) { // the edits pile up: most texts end up broken
                text = edited(r, text);
                assertEquals(ConditionParser.parse(text), reusing.apply(text), "seed " + seed + ": " + text);
            }
        }
    }

    @Test
    void typingAndUndoingTakesTheListsOver() {
        int reusedTotal = 0;
        int edits = 0;
        for (long seed = 100; seed <= 160; seed++) {
            Random r = new Random(seed);
            String base = condition(r, seed);
            ReusingConditionParser reusing = parser();
            reusing.apply(base);
            for (int i = 0; i < 40; i++) {
                String text = i % 2 == 0 ? edited(r, base) : base;
                assertEquals(ConditionParser.parse(text), reusing.apply(text), "seed " + seed + ": " + text);
                edits++;
            }
            reusedTotal += reusing.reusedCount();
        }
        // the edits that leave the lists readable (most of them) take the lists over
        assertTrue(reusedTotal > edits / 2, reusedTotal + " of " + edits);
    }

    private static String condition(Random r, long seed) {
        String before = ConditionPrinter.canonical(new RandomConditions(seed).condition());
        String after = ConditionPrinter.canonical(new RandomConditions(seed + 1000).condition());
        return switch (r.nextInt(4)) {
            case 0 -> before + " and fd.sip in " + list(r, 30) + " and " + after;
            case 1 -> "fd.sip in " + list(r, 30) + " or (" + after + ")";
            case 2 -> before + " and proc.name pmatch " + list(r, 20) + " and not fd.name in " + list(r, 25);
            default -> "not (" + before + ") and fd.sip intersects " + list(r, 40);
        };
    }

    private static String edited(Random r, String text) {
        int at = r.nextInt(text.length() + 1);
        int cut = r.nextInt(4) == 0 ? Math.min(text.length() - at, r.nextInt(4)) : 0;
        return text.substring(0, at) + EDITS[r.nextInt(EDITS.length)] + text.substring(at + cut);
    }

    @Test
    void aKeystrokeBeforeTheListTakesItsValuesOverMoved() {
        Random r = new Random(7);
        String list = list(r, 50);
        ReusingConditionParser reusing = parser();
        ParsedCondition first = reusing.apply("outbound and fd.sip in " + list);
        ParsedCondition next = reusing.apply("outbound  and fd.sip in " + list);
        assertEquals(1, reusing.reusedCount());
        assertEquals(ConditionParser.parse("outbound  and fd.sip in " + list), next);
        ParsedCondition back = reusing.apply("outbound and fd.sip in " + list + " and x");
        assertEquals(2, reusing.reusedCount());
        assertEquals(ConditionParser.parse("outbound and fd.sip in " + list + " and x"), back);
        // nothing moved: the very value objects are shared
        ValueList was = (ValueList) ((Check) ((And) first.root()).children().get(1)).right();
        ValueList now = (ValueList) ((Check) ((And) back.root()).children().get(1)).right();
        assertSame(was.values(), now.values());
    }

    @Test
    void aListNoLongerReadAsAListIsParsedInFull() {
        Random r = new Random(8);
        String list = list(r, 50);
        ReusingConditionParser reusing = parser();
        reusing.apply("a and fd.sip in " + list);
        for (String text : new String[] {"a and fd.sip = " + list, "a and fd.sip " + list, "a and fd.sip in" + list,
            "a and tolower(fd.sip) in " + list, "a and fd.sip in " + list.substring(1), "a and fd.sip in (" + list,
            "a and fd.sip in " + list.replace(", ", ",  "), "a and \"fd.sip in " + list}) {
            assertEquals(ConditionParser.parse(text), reusing.apply(text), text);
        }
    }

    @Test
    void smallTextsAreParsedInFull() {
        ReusingConditionParser reusing = new ReusingConditionParser(ReusingConditionParser.MIN_TEXT,
                ReusingConditionParser.MIN_CUT);
        String text = "proc.name in (a, b, c)";
        reusing.apply(text);
        assertEquals(ConditionParser.parse(text + " "), reusing.apply(text + " "));
        assertEquals(0, reusing.reusedCount());
    }
}

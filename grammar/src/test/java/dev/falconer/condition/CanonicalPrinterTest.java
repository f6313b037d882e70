package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ConditionPrinter#canonical} writes text that parses back to the same tree. */
class CanonicalPrinterTest {

    /** parse(canonical(parse(x))) equals parse(x); returns the canonical text. */
    static String roundTrip(String condition) {
        ParsedCondition first = ConditionParser.parse(condition);
        assertTrue(first.ok(), () -> condition + ": " + first.errors());
        String text = ConditionPrinter.canonical(first.root());
        ParsedCondition again = ConditionParser.parse(text);
        assertTrue(again.ok(), () -> condition + " -> " + text + ": " + again.errors());
        assertTrue(AstEquality.equal(first.root(), again.root()), () -> condition + " -> " + text);
        return text;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "proc.name = \"\"",
        "proc.name = \"a,b\"",
        "proc.name in (\"c,d\", \"e)f\", \"\")",
        "proc.name = \"(x\"",
        "proc.name = \"tolower(x)\"",
        "join(\",\", (proc.name, proc.pname)) = x",
        "getopt(proc.args, \"abc\")[a] exists",
        "a.b[\"x y\"] = 1",
        "a.b[\"a]b\"] = 1",
        "a.b[\"\"] = 1",
        "not(not(a))",
        "not (not a) and not(not(not b))",
        "proc.name = \"a\\ \"",
        "proc.name = 'a\\\\b\"c'",
        "proc.name = \"tab\\there\\nnl\\\\x\"",
        "proc.name = \"it's\"",
        "proc.name = oneof",
        "proc.name = \"oneof\" and a",
        "proc.name = oneof (a, b)",
        "proc.name in my_list",
        "proc.name intersects oneof_list",
        "(not) and a",
        "(a and (b and c)) or (d or e)",
        "a and b or c and not (d or e)",
        "evt.num > 1e+3 and evt.num < 0x1F",
        "proc.name = val(proc.pname) and fd.name in val(fd.directory)",
        "tolower(basename(proc.exe)) startswith \"x y\"",
        "proc.env[HOME] = /root",
        "json.value[/a/b] = 1",
        "proc.name = \"a=b\" or proc.name = x\\\\y",
    })
    void reparsesToTheSameTree(String condition) {
        roundTrip(condition);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "proc.name = \"\"                  | proc.name = \"\"",
        "proc.name = \"a,b\"               | proc.name = \"a,b\"",
        "proc.name = \"bash\"              | proc.name = bash",
        "proc.name in (\"c,d\",\"e)f\",\"\") | proc.name in (\"c,d\", \"e)f\", \"\")",
        "join(\",\", (a.b, c.d)) = x      | join(\",\", (a.b, c.d)) = x",
        "getopt(proc.args, \"abc\")[a] = 1 | getopt(proc.args, \"abc\")[a] = 1",
        "a.b[\"x y\"] = 1                  | a.b[\"x y\"] = 1",
        "a.b[\"\"] = 1                     | a.b[\"\"] = 1",
        "a.b[x] = 1                       | a.b[x] = 1",
        "not(not(a))                      | not (not a)",
        "(a and b) or c                   | (a and b) or c",
        "a and not (b or c)               | a and not (b or c)",
        "proc.name = 'a\\ '              | proc.name = \"a\\ \"",
    })
    void printsTheCanonicalForm(String condition, String expected) {
        assertEquals(expected, roundTrip(condition));
    }

    @Test
    void libsFormStaysAsItWas() {
        ParsedCondition p = ConditionParser.parse("not(not(a)) and proc.name = \"\"");
        assertEquals("(not not a and proc.name = )", ConditionPrinter.print(p.root()));
        assertFalse(AstEquality.equal(p.root(), ConditionParser.parse(ConditionPrinter.print(p.root())).root()));
    }

    @Test
    void aFinalBackslashUsesTheBackslashSpaceEscape() {
        String text = ConditionPrinter.canonical(new Value("a\\\\", Value.Kind.QUOTED, Span.of(0, 0)));
        assertEquals("\"a\\\\\\ \"", text);
        Check c = assertInstanceOf(Check.class, ConditionParser.parse("x.y = " + text).root());
        assertEquals("a\\\\", ((Value) c.right()).text());
    }

    @Test
    void everyCorpusConditionRoundTrips() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CorpusConditions.corpusDir()), "no shared corpus");
        List<String> failures = new ArrayList<>();
        for (CorpusConditions.Entry e : CorpusConditions.load().entries()) {
            ParsedCondition first = ConditionParser.parse(e.text());
            if (!first.ok()) {
                continue; // CorpusTest reports those
            }
            String text = ConditionPrinter.canonical(first.root());
            ParsedCondition again = ConditionParser.parse(text);
            if (!again.ok() || !AstEquality.equal(first.root(), again.root())) {
                failures.add(e.file() + " " + e.name() + ": " + text + " " + again.errors());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void randomTreesRoundTrip() {
        RandomConditions random = new RandomConditions(20261127L);
        for (int i = 0; i < 3000; i++) {
            BoolExpr tree = random.condition();
            String text = ConditionPrinter.canonical(tree);
            ParsedCondition parsed = ConditionParser.parse(text);
            assertTrue(parsed.ok(), () -> text + ": " + parsed.errors());
            assertTrue(AstEquality.equal(tree, parsed.root()), () -> "tree printed as " + text + " parses as "
                    + ConditionPrinter.canonical(parsed.root()));
            roundTrip(text);
        }
    }
}

package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec §1.12 edge cases and the other lexing quirks of §1.2/§1.3 (libs 0.25.4). The list
 * substitution cases of §1.12 (13–16, 22) happen before parsing; here only their parser half is
 * checked (what the substituted text does).
 */
class EdgeCaseTest {

    private static ParsedCondition accepts(String condition, String printed) {
        ParsedCondition p = ConditionParser.parse(condition);
        assertTrue(p.ok(), () -> condition + " -> " + p.errors());
        assertEquals(printed, ConditionPrinter.print(p.root()), condition);
        return p;
    }

    private static SyntaxError rejects(String condition, int index, String key) {
        ParsedCondition p = ConditionParser.parse(condition);
        assertFalse(p.ok(), () -> condition + " should be rejected, got " + ConditionPrinter.print(p.root()));
        SyntaxError e = p.errors().get(0);
        assertEquals(index, e.span().start(), () -> condition + " -> " + e);
        assertEquals(key, e.key(), () -> condition + " -> " + e);
        return e;
    }

    private static Value rhsValue(ParsedCondition p) {
        return (Value) ((Check) p.root()).right();
    }

    @Test
    void e01_closingQuoteAfterBackslashNeverCloses() {
        rejects("proc.name = \"a\\\\\"", 12, ErrorKeys.EXPECTED_STRING);
        assertEquals("a\\b", rhsValue(accepts("proc.name = \"a\\\\b\"", "proc.name = \"a\\\\b\"")).text());
    }

    @Test
    void e02_backslashSpaceIsOneBackslash() {
        assertEquals("a\\b", rhsValue(accepts("proc.name = \"a\\ b\"", "proc.name = \"a\\\\b\"")).text());
    }

    @ParameterizedTest
    @CsvSource({"1e+3", "1E-3", "1.", "00012", "+5", "-0.5", "1.e+5", "0x1F", "0XaB00AB"})
    void e03_numbers(String number) {
        accepts("evt.num > " + number, "evt.num > " + number);
    }

    @Test
    void e03_numbersRejected() {
        rejects("evt.num > 1e3", 11, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("evt.num > .5", 10, ErrorKeys.EXPECTED_NUMBER);
        rejects("evt.num > 1.5.3", 13, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void e04_listOperatorIsAPrefix() {
        accepts("proc.name inmy_list", "proc.name in my_list");
        accepts("proc.name intersects(a)", "proc.name intersects (a)");
        accepts("proc.name pmatch(/a)", "proc.name pmatch (/a)");
    }

    @Test
    void e05_existsNeedsNoBlankBeforeAnd() {
        accepts("x.y existsand z", "(x.y exists and z)");
        accepts("x.y existsor z", "(x.y exists or z)");
        rejects("x.y existsx", 10, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void e06_keywordsAloneAreIdentifiers() {
        accepts("and", "and");
        accepts("or", "or");
        accepts("not", "not");
        accepts("a and and", "(a and and)");
        accepts("not not", "not not");
        accepts("a or or", "(a or or)");
    }

    @Test
    void e07_evenNotsCancel() {
        ParsedCondition p = accepts("not not a", "a");
        assertInstanceOf(MacroRef.class, p.root());
        accepts("not not not a", "not a");
        accepts("not not(a)", "a");
        accepts("not(not(a))", "not not a");
        accepts("not\u000ba", "not a"); // `not` + POSIX space (VT) is a prefix
    }

    @Test
    void e08_dottedWordOnTheRightIsAString() {
        Value v = rhsValue(accepts("proc.name = proc.pname", "proc.name = proc.pname"));
        assertEquals(Value.Kind.BARE, v.kind());
    }

    @Test
    void e09_transformerNeedsItsParenthesis() {
        accepts("proc.name = tolowerx", "proc.name = tolowerx");
        rejects("proc.name = tolower(x)", 20, ErrorKeys.EXPECTED_TRANSFORMER_ARG);
        rejects("proc.name = tolower (proc.pname)", 20, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @ParameterizedTest
    @CsvSource({"a<b>c", "!x", "*.log", "a[b]", "/usr/bin/", "a\\b", "#x", "\u00e9t\u00e9"})
    void e10_bareStrings(String bare) {
        assertEquals(bare, rhsValue(ConditionParser.parse("proc.name = " + bare)).text());
        assertTrue(ConditionParser.parse("proc.name = " + bare).ok());
    }

    @Test
    void e10_bareStringsStopAtEqualsCommaParen() {
        rejects("proc.name = a=b", 13, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("proc.name = a,b", 13, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("proc.name = a(b", 13, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void e11_evtDirIdiom() {
        accepts("evt.dir=<", "evt.dir = <");
        accepts("evt.dir = >", "evt.dir = >");
        accepts("evt.dir=< and evt.type=open", "(evt.dir = < and evt.type = open)");
    }

    @Test
    void e12_fieldArguments() {
        ParsedCondition p = accepts("a.b[\"a]b\"] = c", "a.b[a]b] = c");
        FieldRef f = (FieldRef) ((Check) p.root()).left();
        assertEquals("a]b", f.argument().value());
        assertTrue(f.argument().quoted());
        accepts("a.b[a(b)] = c", "a.b[a(b)] = c");
        accepts("a.b[a,b] = c", "a.b[a,b] = c");
        accepts("a.b[a=b] = c", "a.b[a=b] = c");
        accepts("a.b[\"\"] = c", "a.b[] = c");
        rejects("a.b[x y] = c", 5, ErrorKeys.EXPECTED_RBRACKET);
        rejects("a.b[x", 5, ErrorKeys.EXPECTED_RBRACKET);
    }

    @Test
    void e13_substitutedListWithoutParentheses() {
        rejects("proc.name in bash, sh, zsh", 17, ErrorKeys.UNEXPECTED_TOKEN);
        accepts("proc.name in bash", "proc.name in bash");
        accepts("proc.name = bash", "proc.name = bash");
    }

    @Test
    void e16_substitutedEmptyList() {
        accepts("proc.name in (ksh)", "proc.name in (ksh)");
        rejects("proc.name in (ksh, )", 19, ErrorKeys.EXPECTED_LIST_VALUE);
    }

    @Test
    void e17_modifierLookAhead() {
        accepts("proc.name == oneof", "proc.name == oneof");
        accepts("proc.name == oneof and x", "(proc.name == oneof and x)");
        accepts("proc.name == oneof oneof", "proc.name == oneof oneof");
        accepts("proc.name == oneof andx", "proc.name == oneof andx");
        accepts("proc.name != allof (a)", "proc.name != allof (a)");
        accepts("proc.name contains anyof (a, b)", "proc.name contains anyof (a, b)");
        accepts("proc.name =\toneof\n(a)", "proc.name = oneof (a)");
        rejects("proc.name == oneof(a)", 18, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("proc.name ==oneof (a)", 18, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("proc.name == oneof and_list", 22, ErrorKeys.EXPECTED_BLANK_AFTER); // value "oneof", then `and`
        rejects("proc.name == oneof \"a\"", 19, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("proc.name in oneof (a)", 19, ErrorKeys.UNEXPECTED_TOKEN);
        Check c = (Check) ConditionParser.parse("proc.name == oneof (a, b)").root();
        assertEquals(Modifier.ONEOF, c.modifier());
        assertEquals(Operator.EQEQ, c.operator());
    }

    @Test
    void e18_noBlankBeforeTransformerParenthesis() {
        rejects("b64 (test.field) exists", 4, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("b64\n(test.field) exists", 4, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void e20_hexIsGreedy() {
        rejects("evt.num > 0x1Fand a", 15, ErrorKeys.UNEXPECTED_TOKEN);
        accepts("evt.num > 5and a", "(evt.num > 5 and a)");
    }

    @Test
    void e21_numbersAsTransformerArguments() {
        accepts("tolower(123) = x", "tolower(123) = x");
    }

    @Test
    void e22_substitutedTextIsJustText() {
        rejects("proc.name = felix, tom", 17, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("a.b = c x d.e = f", 8, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void andOrNeedBlankOrParenAfterButNotBefore() {
        accepts("(a)and(b)", "(a and b)");
        accepts("x.y in (a)and c", "(x.y in (a) and c)");
        accepts("x.y = \"v\"and c", "(x.y = v and c)");
        accepts("a and\tb or\nc", "((a and b) or c)");
        accepts("a and\bb", "(a and b)"); // backspace is a blank
        rejects("a andb", 5, ErrorKeys.EXPECTED_BLANK_AFTER);
        rejects("a orb", 4, ErrorKeys.EXPECTED_BLANK_AFTER);
        rejects("a order", 4, ErrorKeys.EXPECTED_BLANK_AFTER);
        rejects("a and\u000bb", 5, ErrorKeys.EXPECTED_BLANK_AFTER); // VT is not a blank
        rejects("x.y = vand c", 11, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void orParenEmbedsAWholeOrExpression() {
        accepts("a or(b) or c", "(a or b or c)");
        accepts("a and(b) and c", "(a and b and c)");
        accepts("a and(b) or c", "((a and b) or c)");
        rejects("a or(b) and c", 8, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("(a or(b) and c)", 9, ErrorKeys.EXPECTED_RPAREN);
        accepts("a or (b) and c", "(a or (b and c))");
    }

    @Test
    void blanksAndFormFeeds() {
        accepts(" \t\r\n a \n", "a");
        rejects("a\u000c", 1, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("   ", 3, ErrorKeys.EXPECTED_CHECK);
        ParsedCondition empty = ConditionParser.parse("");
        assertNull(empty.root());
        assertEquals(ErrorKeys.EMPTY, empty.errors().get(0).key());
        rejects("proc.name = a\u000bb", 13, ErrorKeys.UNEXPECTED_TOKEN);
        assertEquals("a\u000bb", rhsValue(accepts("proc.name = \"a\u000bb\"", "proc.name = \"a\u000bb\"")).text());
    }

    @Test
    void escapes() {
        assertEquals("\b\f\n\r\t\\/", rhsValue(ConditionParser.parse("a.b = \"\\b\\f\\n\\r\\t\\\\\\/\"")).text());
        assertEquals("say \"hi\"", rhsValue(ConditionParser.parse("a.b = 'say \"hi\"'")).text());
        assertEquals("it's", rhsValue(ConditionParser.parse("a.b = \"it's\"")).text());
        assertEquals("q\"", rhsValue(ConditionParser.parse("a.b = \"q\\\"\"")).text());
        SyntaxError e = rejects("a.b = 'x\\\"'", 11, ErrorKeys.WRONG_QUOTE_ESCAPE);
        assertEquals(List.of("\"", "'"), e.args());
        rejects("a.b = \"x\\u0041\"", 15, ErrorKeys.BAD_ESCAPE);
        rejects("a.b = 'x'\"y\"", 9, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("a.b = \"abc", 6, ErrorKeys.EXPECTED_STRING);
    }

    @Test
    void aBadEscapeInTheFirstListValueEmptiesTheList() {
        // libs catches any error of the first list value and then expects ')'.
        ParsedCondition p = accepts("a.b in (\"x\\q\")", "a.b in ()");
        assertTrue(((ValueList) ((Check) p.root()).right()).values().isEmpty());
        rejects("a.b in (\"x\\q\", y)", 13, ErrorKeys.EXPECTED_RPAREN);
        rejects("a.b in (y, \"x\\q\")", 16, ErrorKeys.BAD_ESCAPE);
    }

    @Test
    void operators() {
        for (Operator op : Operator.values()) {
            String rhs = switch (op.kind()) {
                case UNARY -> "";
                case NUMERIC -> " 1";
                case STRING -> " x";
                case LIST -> " (x)";
            };
            String text = "a.b " + op.text() + rhs;
            ParsedCondition p = accepts(text, text);
            if (op == Operator.EXISTS) {
                assertInstanceOf(Exists.class, p.root());
            } else {
                assertEquals(op, ((Check) p.root()).operator());
            }
        }
        accepts("a.b=c", "a.b = c");
        accepts("a.b!=c", "a.b != c");
        accepts("a.b>=5", "a.b >= 5");
        accepts("a.b contains\tc", "a.b contains c");
        rejects("a.b icontainsc", 4, ErrorKeys.EXPECTED_OPERATOR);
        rejects("a.b CONTAINS c", 4, ErrorKeys.EXPECTED_OPERATOR);
        rejects("a.b ~= c", 4, ErrorKeys.EXPECTED_OPERATOR);
        rejects("a.b", 3, ErrorKeys.EXPECTED_OPERATOR);
    }

    @Test
    void listsAndValues() {
        ParsedCondition p = accepts("a.b in ( 'x y' , z ,\"\" )", "a.b in (\"x y\", z, )");
        List<Value> values = ((ValueList) ((Check) p.root()).right()).values();
        assertEquals(List.of(Value.Kind.QUOTED, Value.Kind.BARE, Value.Kind.QUOTED),
                values.stream().map(Value::kind).toList());
        accepts("a.b in (1, 0x2)", "a.b in (1, 0x2)");
        accepts("a.b in val(c.d)", "a.b in val(c.d)");
        rejects("a.b in (x,,y)", 10, ErrorKeys.EXPECTED_LIST_VALUE);
        rejects("a.b in ((x))", 8, ErrorKeys.EXPECTED_RPAREN);
        rejects("a.b in 5", 7, ErrorKeys.EXPECTED_LIST);
        rejects("a.b in \"x\"", 7, ErrorKeys.EXPECTED_LIST);
        assertEquals(Value.Kind.IDENTIFIER, rhsValue(ConditionParser.parse("a.b in my_list")).kind());
    }

    @Test
    void transformers() {
        accepts("toupper(tolower(proc.name)) = X", "toupper(tolower(proc.name)) = X");
        accepts("tolower( proc.name ) = x", "tolower(proc.name) = x");
        accepts("len(proc.aname[2]) > 0", "len(proc.aname[2]) > 0");
        accepts("basename(proc.exepath) exists", "basename(proc.exepath) exists");
        accepts("proc.name = val( proc.pname )", "proc.name = val(proc.pname)");
        accepts("proc.name = val(proc.aname[1])", "proc.name = val(proc.aname[1])");
        accepts("proc.name = val(proc.pname)[x]", "proc.name = val(proc.pname)[x]");
        accepts("evt.num < len(proc.args)", "evt.num < len(proc.args)");
        accepts("join(\",\", ()) = x", "join(,,()) = x");
        accepts("concat(tolower(a.b), (c.d, 'x', 2, b64(e.f))) = x", "concat(tolower(a.b),(c.d,x,2,b64(e.f))) = x");
        accepts("getopt((\"-n\", \"-t\"), \"nt:\")[t] = v", "getopt((-n,-t),nt:)[t] = v");
        rejects("val(a.b) = x", 3, ErrorKeys.UNEXPECTED_TOKEN);
        rejects("tolower() = x", 8, ErrorKeys.EXPECTED_TRANSFORMER_ARG);
        rejects("tolower(a.b c.d) = x", 12, ErrorKeys.EXPECTED_TRANSFORMER_RPAREN);
        rejects("tolower(a.b,) = x", 12, ErrorKeys.EXPECTED_TRANSFORMER_ARG);
        rejects("join(\"-\", (a.b c.d)) = x", 15, ErrorKeys.EXPECTED_TRANSFORMER_LIST_RPAREN);
        rejects("tolower(macro) = x", 8, ErrorKeys.EXPECTED_TRANSFORMER_ARG);
        rejects("proc.name = val(a.b, c.d)", 19, ErrorKeys.EXPECTED_TRANSFORMER_RPAREN);
        rejects("tolower(1e3) = x", 9, ErrorKeys.EXPECTED_TRANSFORMER_RPAREN);
        rejects("TOLOWER(a.b) = x", 7, ErrorKeys.UNEXPECTED_TOKEN);
    }

    @Test
    void unexpectedTokenNamesLibsLastToken() {
        assertEquals(List.of("cat"), rejects("a.b = \"cat\" dog", 12, ErrorKeys.UNEXPECTED_TOKEN).args());
        assertEquals(List.of(")"), rejects("(a) b", 4, ErrorKeys.UNEXPECTED_TOKEN).args());
        assertEquals(List.of("and"), rejects("a andx", 5, ErrorKeys.EXPECTED_BLANK_AFTER).args());
    }
}

package dev.falconer.condition;

import static dev.falconer.condition.ErrorKeys.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of spec §7.2 (accept/reject table, column libs 0.25.4 = Falco 0.44): accepted rows
 * print as libs prints their AST, rejected rows fail at libs' cursor position with the
 * matching message.
 */
class FalcoTableTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                ok(1, "a and b or not c", "((a and b) or not c)"),
                ok(2, "a or b and c", "(a or (b and c))"),
                ok(3, "not not a", "a"),
                ok(4, "not(a)and(not(b))", "(not a and not b)"),
                ok(10, "evt.type in (open, openat)", "evt.type in (open, openat)"),
                ok(11, "evt.type in(open,openat)", "evt.type in (open, openat)"),
                ok(12, "evt.type in ()", "evt.type in ()"),
                ok(15, "proc.name in my_list", "proc.name in my_list"),
                ok(16, "proc.name inmy_list", "proc.name in my_list"),
                ok(18, "proc.name = \"cat dog\"", "proc.name = \"cat dog\""),
                ok(19, "proc.name = 'it\\'s'", "proc.name = \"it's\""),
                ok(24, "proc.name = ''", "proc.name = "),
                ok(26, "proc.name = a<b>c", "proc.name = a<b>c"),
                ok(28, "proc.name = not", "proc.name = not"),
                ok(29, "proc.name = proc.pname", "proc.name = proc.pname"),
                ok(30, "proc.name = val(proc.pname)", "proc.name = val(proc.pname)"),
                ok(33, "tolower(proc.name) = tolower(proc.pname)", "tolower(proc.name) = tolower(proc.pname)"),
                ok(37, "proc.name in tolower(proc.pname)", "proc.name in tolower(proc.pname)"),
                ok(39, "evt.num > 1e+3", "evt.num > 1e+3"),
                ok(40, "evt.num > -0.5", "evt.num > -0.5"),
                ok(43, "evt.num > 0X1f", "evt.num > 0X1f"),
                ok(45, "evt.num = abc", "evt.num = abc"),
                ok(47, "proc.name exists", "proc.name exists"),
                ok(48, "proc.name existsand a", "(proc.name exists and a)"),
                ok(52, "proc.name contains\ncat", "proc.name contains cat"),
                ok(56, "proc.aname[2] = sshd", "proc.aname[2] = sshd"),
                ok(60, "proc.env[\"HOME\"] = /root", "proc.env[HOME] = /root"),
                ok(61, "a.b[\"a]b\"] = c", "a.b[a]b] = c"),
                ok(62, "a.b[a(b)] = c", "a.b[a(b)] = c"),
                ok(63, "json.value[/a/b] = x", "json.value[/a/b] = x"),
                ok(64, "evt.arg.flags contains O_TRUNC", "evt.arg.flags contains O_TRUNC"),
                ok(68, "and", "and"),
                ok(69, "proc.name == oneof (a, b)", "proc.name == oneof (a, b)"),
                ok(70, "proc.name == oneof my_list", "proc.name == oneof my_list"),
                ok(71, "proc.name == oneof", "proc.name == oneof"),
                ok(77, "proc.name startswith anyof (/a, /b)", "proc.name startswith anyof (/a, /b)"),
                ok(78, "join(\"-\", (fd.name, fd.directory)) = /tmp/x", "join(-,(fd.name,fd.directory)) = /tmp/x"),
                ok(80, "concat(proc.name, \"-\", proc.pname) = a-b", "concat(proc.name,-,proc.pname) = a-b"),
                ok(81, "getopt(proc.args, \"nt:\")[t] = v", "getopt(proc.args,nt:)[t] = v"),
                ok(82, "tolower(proc.name)[1] = x", "tolower(proc.name)[1] = x"),
                ok(84, "proc.name iglob \"*.SH\"", "proc.name iglob *.SH"),
                ok(85, "proc.name regex \"[a-z]+\"", "proc.name regex [a-z]+"),
                ok(86, "len(proc.args) > 2", "len(proc.args) > 2"));
    }

    /** Index -1: the spec gives no position for libs 0.25.4 on that row. */
    static Stream<Arguments> rejected() {
        return Stream.of(
                bad(5, "a andnot b", 5, EXPECTED_BLANK_AFTER),
                bad(6, "a and b and", 11, NOTHING_AFTER), // libs: a blank or ( expected; ours says what is missing
                bad(7, "(a.b = 1", 8, EXPECTED_RPAREN),
                bad(8, "a.b = b = 1", 8, UNEXPECTED_TOKEN),
                bad(9, "#a and b; a and b", 0, EXPECTED_CHECK),
                bad(13, "evt.type in (open,)", 18, EXPECTED_LIST_VALUE),
                bad(14, "evt.type in (a b)", 15, EXPECTED_RPAREN),
                bad(17, "proc.name = cat dog", 16, UNEXPECTED_TOKEN),
                bad(20, "proc.name = \"it\\'s\"", 19, WRONG_QUOTE_ESCAPE),
                bad(21, "proc.name = \"a\\\\\"", 12, EXPECTED_STRING),
                bad(22, "proc.name = \"a\\qb\"", 18, BAD_ESCAPE),
                bad(23, "proc.name = \"\\x41\"", -1, BAD_ESCAPE),
                bad(25, "proc.name = a=b", 13, UNEXPECTED_TOKEN),
                bad(27, "fd.name = /var/lo);g/httpd.log", 17, UNEXPECTED_TOKEN),
                bad(31, "proc.name = val(tolower(proc.pname))", 16, EXPECTED_VAL_FIELD),
                bad(32, "val(proc.name) = x", 3, UNEXPECTED_TOKEN),
                bad(34, "b64 (proc.name) exists", 4, UNEXPECTED_TOKEN),
                bad(35, "proc.name = tolower (proc.pname)", 20, UNEXPECTED_TOKEN),
                bad(36, "proc.name in (tolower(proc.pname))", 21, EXPECTED_RPAREN),
                bad(38, "evt.num > 1e3", 11, UNEXPECTED_TOKEN),
                bad(41, "evt.num > .5", 10, EXPECTED_NUMBER),
                bad(42, "evt.num > 0xZZ", 11, UNEXPECTED_TOKEN),
                bad(44, "evt.num > abc", 10, EXPECTED_NUMBER),
                bad(46, "evt.num >= \"5\"", 11, EXPECTED_NUMBER),
                bad(49, "proc.name exists x", 17, UNEXPECTED_TOKEN),
                bad(50, "proc.name EXISTS", 10, EXPECTED_OPERATOR),
                bad(51, "proc.name containscat", 10, EXPECTED_OPERATOR),
                bad(53, "proc.name === cat", 12, EXPECTED_STRING),
                bad(54, "proc.name <> cat", 11, EXPECTED_NUMBER),
                bad(55, "proc.name startswith (x)", 21, EXPECTED_STRING),
                bad(57, "proc.aname [2] = sshd", 11, EXPECTED_OPERATOR),
                bad(58, "proc.aname[ 2 ] = sshd", 11, EXPECTED_FIELD_ARG),
                bad(59, "proc.aname[] = x", 11, EXPECTED_FIELD_ARG),
                bad(65, "a.1b = x", 1, UNEXPECTED_TOKEN),
                bad(66, "_macro", 0, EXPECTED_CHECK),
                bad(67, "some-macro", 4, UNEXPECTED_TOKEN),
                bad(72, "proc.name == oneof(a)", 18, UNEXPECTED_TOKEN),
                bad(73, "proc.name ==oneof (a)", 18, UNEXPECTED_TOKEN),
                bad(74, "proc.name == oneof not_list", 19, UNEXPECTED_TOKEN),
                bad(75, "proc.name > oneof (1, 2)", 12, EXPECTED_NUMBER),
                bad(76, "proc.name in oneof (a)", 19, UNEXPECTED_TOKEN),
                bad(79, "join(\"-\", (macro)) = x", 11, EXPECTED_TRANSFORMER_LIST_ARG),
                bad(83, "a and b # comment", 8, UNEXPECTED_TOKEN));
    }

    @ParameterizedTest(name = "row {0}: {1}")
    @MethodSource("accepted")
    void acceptedRowsPrintLikeLibs(int row, String condition, String printed) {
        ParsedCondition p = ConditionParser.parse(condition);
        assertTrue(p.ok(), () -> "row " + row + ": " + p.errors());
        assertNotNull(p.root());
        assertEquals(printed, ConditionPrinter.print(p.root()));
    }

    @ParameterizedTest(name = "row {0}: {1}")
    @MethodSource("rejected")
    void rejectedRowsFailWhereLibsFails(int row, String condition, int index, String key) {
        ParsedCondition p = ConditionParser.parse(condition);
        assertEquals(1, p.errors().size(), () -> "row " + row + " should be rejected");
        SyntaxError e = p.errors().get(0);
        assertEquals(key, e.key(), () -> "row " + row + ": " + e);
        if (index >= 0) {
            assertEquals(index, e.span().start(), () -> "row " + row + ": " + e);
        }
    }

    @ParameterizedTest(name = "row {0}: {1}")
    @MethodSource("rejected")
    void everyRejectionHasAnEnglishAndJapaneseMessage(int row, String condition, int index, String key) {
        SyntaxError e = ConditionParser.parse(condition).errors().get(0);
        String en = ConditionMessages.format(e, java.util.Locale.ENGLISH);
        String ja = ConditionMessages.format(e, java.util.Locale.JAPANESE);
        assertTrue(!en.equals(e.key()) && !ja.equals(en), () -> en + " / " + ja);
    }

    private static Arguments ok(int row, String condition, String printed) {
        return Arguments.of(row, condition, printed);
    }

    private static Arguments bad(int row, String condition, int index, String key) {
        return Arguments.of(row, condition, index, key);
    }
}

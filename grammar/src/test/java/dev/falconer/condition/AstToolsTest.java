package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Walker, visitor, printer, joiner and messages. */
class AstToolsTest {

    @Test
    void walkVisitsEveryNodePreorder() {
        assertEquals(List.of("Or", "And", "MacroRef", "Not", "Check", "FieldRef", "FieldArg", "ValueList", "Value",
                "Value", "Check", "Transformer", "FieldRef", "Transformer", "FieldRef"),
                kinds("a and not b.c[x] in (d, e) or tolower(f.g) = val(h.i)", AstWalker::walk));
    }

    @Test
    void walkOutsideListsLeavesTheListsValuesOut() {
        assertEquals(List.of("Or", "And", "MacroRef", "Check", "FieldRef", "ValueList", "And", "Check", "Transformer",
                "FieldRef", "Transformer", "FieldRef", "Check", "FieldRef", "ValueList"),
                kinds("a and b.c in (d, e) or tolower(f.g) = val(h.i) and x.y pmatch (z)", AstWalker::walkOutsideLists));
    }

    /** The kinds of the nodes {@code walk} visits in {@code condition}'s tree, in order. */
    private static List<String> kinds(String condition,
                                      java.util.function.BiConsumer<Node, java.util.function.Consumer<Node>> walk) {
        List<String> kinds = new ArrayList<>();
        walk.accept(ConditionParser.parse(condition).root(), n -> kinds.add(n.getClass().getSimpleName()));
        return kinds;
    }

    @Test
    void visitorDispatchesByKind() {
        AstVisitor<String> names = new AstVisitor<>() {
            @Override
            public String visitFieldRef(FieldRef node) {
                return "field " + node.fullName();
            }

            @Override
            public String visitNode(Node node) {
                return "other";
            }
        };
        Check c = (Check) ConditionParser.parse("proc.aname[2] = x").root();
        assertEquals("field proc.aname[2]", names.visit(c.left()));
        assertEquals("other", names.visit(c));
        assertNull(new AstVisitor<String>() { }.visit(c));
    }

    @Test
    void deepestNodeAtACursor() {
        String text = "a and proc.name in (bash, sh)";
        ParsedCondition p = ConditionParser.parse(text);
        assertEquals("bash", ((Value) AstWalker.deepestAt(p.root(), 21)).text());
        assertEquals("bash", ((Value) AstWalker.deepestAt(p.root(), 24)).text());
        assertInstanceOf(FieldRef.class, AstWalker.deepestAt(p.root(), 8));
        assertInstanceOf(MacroRef.class, AstWalker.deepestAt(p.root(), 0));
    }

    @Test
    void printerQuotesOnlyWhenNeeded() {
        assertEquals("abc", ConditionPrinter.quoteIfNeeded("abc"));
        assertEquals("", ConditionPrinter.quoteIfNeeded(""));
        assertEquals("\"a b\"", ConditionPrinter.quoteIfNeeded("a b"));
        assertEquals("\"a=b\"", ConditionPrinter.quoteIfNeeded("a=b"));
        assertEquals("\"a\\\\b\"", ConditionPrinter.quoteIfNeeded("a\\b"));
        assertEquals("\"say \\\"hi\\\"\"", ConditionPrinter.quoteIfNeeded("say \"hi\""));
        assertEquals("\"it's\"", ConditionPrinter.quoteIfNeeded("it's"));
        assertEquals("\"\\t\\n\\r\\b\\f\"", ConditionPrinter.quoteIfNeeded("\t\n\r\b\f"));
    }

    @Test
    void printedConditionsParseBackToTheSameTree() {
        for (String text : List.of("a and (b or c) and not d", "proc.name in (\"a b\", c) or x.y = \"q=1\"",
                "tolower(proc.name) = val(proc.pname)", "proc.name == anyof (a, b)", "x.y[a] exists")) {
            String once = ConditionPrinter.print(ConditionParser.parse(text).root());
            ParsedCondition again = ConditionParser.parse(once);
            assertTrue(again.ok(), once);
            assertEquals(once, ConditionPrinter.print(again.root()));
        }
    }

    @Test
    void joinerAppendsLikeFalco() {
        String base = "evt.type = open";
        String joined = ConditionJoiner.join(base, "and proc.name = cat");
        assertEquals("evt.type = open and proc.name = cat", joined);
        assertEquals(16, ConditionJoiner.fragmentOffset(base));
        assertTrue(ConditionParser.parse(joined).ok());
        assertTrue(ConditionJoiner.isAppendFragment("  or (a)"));
        assertTrue(ConditionJoiner.isAppendFragment("and\nnot b"));
        assertFalse(ConditionJoiner.isAppendFragment("and"));
        assertFalse(ConditionJoiner.isAppendFragment("android.x = 1"));
    }

    @Test
    void messagesInBothLanguages() {
        SyntaxError e = ConditionParser.parse("proc.name = cat dog").errors().get(0);
        assertEquals("Unexpected text after 'cat': only 'and' or 'or' can continue the condition here.",
                ConditionMessages.format(e, Locale.ENGLISH));
        assertTrue(ConditionMessages.format(e, Locale.JAPANESE).startsWith("'cat' の後ろに"));
        SyntaxError esc = ConditionParser.parse("a.b = \"\\q\"").errors().get(0);
        assertEquals("Unsupported escape sequence \\q in a quoted string.", ConditionMessages.format(esc, Locale.ENGLISH));
    }
}

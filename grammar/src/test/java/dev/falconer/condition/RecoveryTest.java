package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Half-typed conditions: the error is libs' error, and the tree still holds what was typed. */
class RecoveryTest {

    private static ParsedCondition broken(String text) {
        ParsedCondition p = ConditionParser.parse(text);
        assertFalse(p.ok(), text);
        assertEquals(1, p.errors().size(), () -> text + " " + p.errors());
        return p;
    }

    @Test
    void partialFieldAfterAnd() {
        ParsedCondition p = broken("spawned_process and proc.");
        And and = assertInstanceOf(And.class, p.root());
        assertEquals(new MacroRef("spawned_process", Span.of(0, 15)), and.children().get(0));
        Check c = assertInstanceOf(Check.class, and.children().get(1));
        FieldRef f = assertInstanceOf(FieldRef.class, c.left());
        assertEquals("proc.", f.name());
        assertEquals(Span.of(20, 25), f.nameSpan());
        assertNull(c.operator());
        assertNull(c.operatorSpan());
        assertNull(c.right());
        assertFalse(c.isComplete());
        SyntaxError e = p.errors().get(0);
        assertEquals(ErrorKeys.UNEXPECTED_TOKEN, e.key());
        assertEquals(24, e.span().start());
        assertEquals(List.of("proc"), e.args());
    }

    @Test
    void partialFieldInsideParenthesesFailsLikeLibs() {
        ParsedCondition p = broken("(a or fd.");
        assertEquals(ErrorKeys.EXPECTED_RPAREN, p.errors().get(0).key());
        assertEquals(8, p.errors().get(0).span().start());
        Or or = assertInstanceOf(Or.class, p.root());
        assertEquals("fd.", ((FieldRef) ((Check) or.children().get(1)).left()).name());
    }

    @Test
    void unfinishedValueList() {
        Check c = assertInstanceOf(Check.class, broken("proc.name in (bash, ").root());
        assertEquals(Operator.IN, c.operator());
        ValueList list = assertInstanceOf(ValueList.class, c.right());
        assertEquals(List.of("bash"), list.values().stream().map(Value::text).toList());
        assertEquals(Span.of(13, 19), list.span()); // up to the last token read
    }

    @Test
    void unclosedValueList() {
        ParsedCondition p = broken("evt.type in (open");
        assertEquals(ErrorKeys.EXPECTED_RPAREN, p.errors().get(0).key());
        assertEquals(17, p.errors().get(0).span().start());
        ValueList list = (ValueList) ((Check) p.root()).right();
        assertEquals(List.of("open"), list.values().stream().map(Value::text).toList());
    }

    @Test
    void operatorWithoutValue() {
        ParsedCondition p = broken("proc.name = ");
        Check c = assertInstanceOf(Check.class, p.root());
        assertEquals(Operator.EQ, c.operator());
        assertEquals(Span.of(10, 11), c.operatorSpan());
        assertNull(c.right());
        assertEquals(ErrorKeys.EXPECTED_STRING, p.errors().get(0).key());
        assertEquals(12, p.errors().get(0).span().start());
    }

    @Test
    void fieldWithoutOperator() {
        ParsedCondition p = broken("proc.name ");
        Check c = assertInstanceOf(Check.class, p.root());
        assertEquals("proc.name", ((FieldRef) c.left()).name());
        assertNull(c.operator());
        assertNull(c.right());
        assertEquals(ErrorKeys.EXPECTED_OPERATOR, p.errors().get(0).key());
        Check partialOp = (Check) broken("proc.name conta").root();
        assertNull(partialOp.operator());
    }

    @Test
    void unclosedParenthesis() {
        ParsedCondition p = broken("(a and b");
        And and = assertInstanceOf(And.class, p.root());
        assertEquals(2, and.children().size());
        assertEquals(8, p.errors().get(0).span().start());
        assertEquals("((a and b) or (c and d))", ConditionPrinter.print(broken("(a and b) or (c and d").root()));
    }

    @Test
    void danglingKeywords() {
        assertEquals(new MacroRef("a", Span.of(0, 1)), broken("a and ").root());
        assertEquals(new MacroRef("a", Span.of(0, 1)), broken("a and not ").root());
        assertEquals(new MacroRef("a", Span.of(0, 1)), broken("a or").root());
        assertInstanceOf(MacroRef.class, broken("a andb").root());
        assertNull(broken(" ").root());
    }

    @Test
    void unclosedQuotedValueKeepsWhatWasTyped() {
        ParsedCondition p = broken("proc.name = \"/usr/b");
        Value v = (Value) ((Check) p.root()).right();
        assertEquals("/usr/b", v.text());
        assertEquals(Value.Kind.QUOTED, v.kind());
        assertEquals(Span.of(12, 19), v.span());
        assertEquals(ErrorKeys.EXPECTED_STRING, p.errors().get(0).key());
        ValueList list = (ValueList) ((Check) broken("a.b in (x, 'y").root()).right();
        assertEquals(List.of("x", "y"), list.values().stream().map(Value::text).toList());
    }

    @Test
    void partialTransformers() {
        Check lhs = (Check) broken("tolower(proc.").root();
        Transformer t = assertInstanceOf(Transformer.class, lhs.left());
        assertEquals("tolower", t.name());
        assertEquals("proc.", ((FieldRef) t.args().get(0)).name());
        assertNull(lhs.operator());

        Check rhs = (Check) broken("proc.name = val(proc.").root();
        Transformer val = assertInstanceOf(Transformer.class, rhs.right());
        assertEquals("val", val.name());
        assertEquals("proc.", ((FieldRef) val.args().get(0)).name());
        assertEquals(ErrorKeys.EXPECTED_VAL_FIELD, broken("proc.name = val(proc.").errors().get(0).key());

        Check open = (Check) broken("proc.name = tolower(proc.pname").root();
        assertEquals("tolower(proc.pname)", ConditionPrinter.print(open.right()));
    }

    @Test
    void partialFieldArgument() {
        Check c = (Check) broken("proc.aname[").root();
        FieldRef f = (FieldRef) c.left();
        assertEquals("proc.aname", f.name());
        assertNull(f.argument());
        FieldRef g = (FieldRef) ((Check) broken("proc.aname[2").root()).left();
        assertEquals("2", g.argument().value());
    }

    @Test
    void laterChecksAfterCompleteOnes() {
        ParsedCondition p = broken("proc.name = x and not evt.type in (open, ");
        And and = assertInstanceOf(And.class, p.root());
        Not not = assertInstanceOf(Not.class, and.children().get(1));
        assertEquals(Span.of(18, 21), not.keyword());
        ValueList list = (ValueList) ((Check) not.child()).right();
        assertEquals(List.of("open"), list.values().stream().map(Value::text).toList());
        assertEquals("(proc.name = x and not evt.type in (open))", ConditionPrinter.print(p.root()));
        assertInstanceOf(Exists.class, ((And) broken("proc.name exists and (a or ").root()).children().get(0));
    }

    @Test
    void textAfterTheFirstErrorIsNotGuessed() {
        ParsedCondition p = broken("a b and c");
        assertEquals(new MacroRef("a", Span.of(0, 1)), p.root());
        assertEquals(Span.of(2, 3), p.errors().get(0).span());
    }
}

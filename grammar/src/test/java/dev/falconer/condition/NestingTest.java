package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Deep and long conditions: an error past the nesting limit, never a StackOverflowError. */
class NestingTest {

    private static ParsedCondition parseOnSmallStack(String text) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(ConditionParser.parse(text));
            } catch (Throwable e) {
                out.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        return assertInstanceOf(ParsedCondition.class, out.get());
    }

    @Test
    void tenThousandParenthesesAreTooDeep() throws InterruptedException {
        int n = 10_000;
        ParsedCondition p = parseOnSmallStack("(".repeat(n) + "a" + ")".repeat(n));
        assertEquals(ErrorKeys.TOO_DEEP, p.errors().get(0).key());
        assertEquals(ConditionTokenizer.MAX_DEPTH, p.errors().get(0).span().start());
    }

    @Test
    void tenThousandNestedNotsAreTooDeep() throws InterruptedException {
        int n = 10_000;
        ParsedCondition p = parseOnSmallStack("not(".repeat(n) + "a" + ")".repeat(n));
        assertEquals(ErrorKeys.TOO_DEEP, p.errors().get(0).key());
        ParsedCondition t = parseOnSmallStack("tolower(".repeat(n) + "a.b" + ")".repeat(n) + " = x");
        assertEquals(ErrorKeys.TOO_DEEP, t.errors().get(0).key());
    }

    @Test
    void theLimitItselfParsesOnASmallStack() throws InterruptedException {
        int n = ConditionTokenizer.MAX_DEPTH;
        ParsedCondition p = parseOnSmallStack("(".repeat(n) + "a.b = c" + ")".repeat(n));
        assertTrue(p.ok(), p.errors()::toString);
        assertEquals("a.b = c", ConditionPrinter.print(p.root()));
        ParsedCondition over = parseOnSmallStack("(".repeat(n + 1) + "a" + ")".repeat(n + 1));
        assertEquals(ErrorKeys.TOO_DEEP, over.errors().get(0).key());
    }

    @Test
    void theMessageStatesTheLimit() throws InterruptedException {
        int n = ConditionTokenizer.MAX_DEPTH + 1;
        SyntaxError e = parseOnSmallStack("(".repeat(n) + "a" + ")".repeat(n)).errors().get(0);
        assertEquals(256, ConditionTokenizer.MAX_DEPTH, "docs/diagnostics.md states this limit");
        for (java.util.Locale locale : new java.util.Locale[] {java.util.Locale.ENGLISH, java.util.Locale.JAPANESE}) {
            assertTrue(ConditionMessages.format(e, locale).contains("256"), locale::toString);
        }
    }

    @Test
    void notPrefixesFoldWithoutNesting() throws InterruptedException {
        // libs loops over `not ` prefixes, so any number of them is fine.
        ParsedCondition even = parseOnSmallStack("not ".repeat(10_000) + "a");
        assertTrue(even.ok());
        assertInstanceOf(MacroRef.class, even.root());
        ParsedCondition odd = parseOnSmallStack("not ".repeat(10_001) + "a");
        assertInstanceOf(Not.class, odd.root());
    }

    @Test
    void longFlatConditions() throws InterruptedException {
        StringBuilder b = new StringBuilder("evt.type = open");
        while (b.length() < 100_000) {
            b.append(" and proc.name in (bash, sh, \"zsh x\") or not fd.name startswith /etc");
        }
        ParsedCondition p = parseOnSmallStack(b.toString());
        assertTrue(p.ok());
        assertInstanceOf(Or.class, p.root());
        int[] count = {0};
        AstWalker.walk(p.root(), n -> count[0]++);
        assertTrue(count[0] > 10_000);
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LastAnswersTest {
    private final LastAnswers answers = new LastAnswers();
    private final AtomicInteger computed = new AtomicInteger();

    private Object ask(String kind, String uri, Object... inputs) {
        return answers.get(kind, uri, () -> kind + uri + computed.incrementAndGet(), inputs);
    }

    @Test
    void theSameInputObjectsGiveTheRememberedAnswer() {
        Object snapshot = new Object();
        Object settings = new Object();
        Object first = ask("tokens", "a", snapshot, settings);
        assertSame(first, ask("tokens", "a", snapshot, settings));
        assertEquals(1, computed.get());
    }

    @Test
    void anyOtherInputObjectComputesAgainEvenWhenEqual() {
        String version1 = new String("v");
        String version2 = new String("v");
        Object first = ask("tokens", "a", version1);
        Object second = ask("tokens", "a", version2);
        assertEquals(2, computed.get());
        assertEquals("tokensa2", second);
        assertEquals("tokensa1", first);
        // only the last answer is kept: going back to the first inputs computes again
        ask("tokens", "a", version1);
        assertEquals(3, computed.get());
    }

    @Test
    void kindsAndDocumentsAreKeptApartAndForgottenPerDocument() {
        Object snapshot = new Object();
        ask("tokens", "a", snapshot);
        ask("symbols", "a", snapshot);
        ask("tokens", "b", snapshot);
        assertEquals(3, computed.get());
        answers.forget("a");
        ask("tokens", "a", snapshot);
        ask("symbols", "a", snapshot);
        ask("tokens", "b", snapshot);
        assertEquals(5, computed.get());
    }
}

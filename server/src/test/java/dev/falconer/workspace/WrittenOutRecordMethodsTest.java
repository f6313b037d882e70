package dev.falconer.workspace;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ScalarStyle;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.TextSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The hot records whose {@code equals}/{@code hashCode} are written out (for C1) keep the
 * record semantics: equal components give equal values and hashes, any differing component
 * (nulls included) gives unequal values.
 */
class WrittenOutRecordMethodsTest {

    @Test
    void symbolKeys() {
        assertSame(new SymbolKey(ItemKind.MACRO, "m"), new SymbolKey(ItemKind.MACRO, new String("m")));
        assertSame(new SymbolKey(null, null), new SymbolKey(null, null));
        assertDiffer(new SymbolKey(ItemKind.MACRO, "m"), List.of(new SymbolKey(ItemKind.LIST, "m"),
                new SymbolKey(ItemKind.MACRO, "n"), new SymbolKey(ItemKind.MACRO, null), new SymbolKey(null, "m")));
    }

    @Test
    void spans() {
        assertSame(new TextSpan(3, 7), TextSpan.of(3, 7));
        assertDiffer(new TextSpan(3, 7), List.of(new TextSpan(3, 8), new TextSpan(2, 7), new TextSpan(7, 7)));
    }

    @Test
    void scalarsAndOrigins() {
        YamlScalar s = scalar("v", ScalarStyle.PLAIN, null, 1, "v");
        assertSame(s, scalar(new String("v"), ScalarStyle.PLAIN, null, 1, new String("v")));
        assertDiffer(s, List.of(scalar("w", ScalarStyle.PLAIN, null, 1, "v"),
                scalar("v", ScalarStyle.DOUBLE_QUOTED, null, 1, "v"), scalar("v", ScalarStyle.PLAIN, "!t", 1, "v"),
                scalar("v", ScalarStyle.PLAIN, null, 2, "v"), scalar("v", ScalarStyle.PLAIN, null, 1, "\"v\"")));
        assertSame(new ScalarOrigin("file:///a", s), new ScalarOrigin(new String("file:///a"),
                scalar("v", ScalarStyle.PLAIN, null, 1, "v")));
        assertSame(new ScalarOrigin(null, null), new ScalarOrigin(null, null));
        assertDiffer(new ScalarOrigin("file:///a", s), List.of(new ScalarOrigin("file:///b", s),
                new ScalarOrigin("file:///a", scalar("v", ScalarStyle.PLAIN, null, 9, "v")),
                new ScalarOrigin(null, s), new ScalarOrigin("file:///a", null)));
    }

    private static YamlScalar scalar(String value, ScalarStyle style, String tag, int at, String raw) {
        return new YamlScalar(value, style, tag, TextSpan.of(at, at + raw.length()), raw);
    }

    private static void assertSame(Object a, Object b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
    }

    private static void assertDiffer(Object a, List<Object> others) {
        for (Object o : others) {
            assertNotEquals(a, o, () -> a + " vs " + o);
            assertNotEquals(o, a, () -> o + " vs " + a);
        }
        assertNotEquals(a, null);
        assertNotEquals(a, "other");
    }
}

package dev.falconer.workspace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link MovedLists}: moved lists compiled again once, on first read; the rest taken over. */
class MovedListsTest {

    private static List<SourcedText> items(String... texts) {
        return java.util.Arrays.stream(texts).map(SourcedText::synthetic).toList();
    }

    @Test
    void compilesMovedListsOnFirstReadOnlyAndKeepsTheOthers() {
        Map<String, List<SourcedText>> base = new LinkedHashMap<>();
        base.put("a", items("a1"));
        base.put("b", items("b1"));
        base.put("c", items("c1"));
        List<String> compiled = new ArrayList<>();
        Map<String, List<SourcedText>> first = MovedLists.of(base, Set.of("b", "c"), n -> {
            compiled.add("1:" + n);
            return items(n + "-moved");
        });
        assertEquals(List.of("a", "b", "c"), List.copyOf(first.keySet()));
        assertEquals(3, first.size());
        assertSame(base.get("a"), first.get("a"));
        assertEquals(List.of(), compiled, "nothing compiled before it is read");
        assertEquals("b-moved", first.get("b").get(0).text());
        assertSame(first.get("b"), first.get("b"));
        assertEquals(List.of("1:b"), compiled);

        // the next edit moves "a": "b" (compiled) is kept, "c" (never read) is compiled by the new snapshot
        Map<String, List<SourcedText>> second = MovedLists.of(first, Set.of("a"), n -> {
            compiled.add("2:" + n);
            return items(n + "-again");
        });
        assertSame(first.get("b"), second.get("b"));
        assertEquals("c-again", second.get("c").get(0).text());
        assertEquals("a-again", second.getOrDefault("a", List.of()).get(0).text());
        assertEquals(List.of("1:b", "2:c", "2:a"), compiled);
        assertEquals(List.of(), second.getOrDefault("z", List.of()));
        // every entry, in the base's order, as a plain map would give them
        Map<String, String> all = new LinkedHashMap<>();
        second.forEach((k, v) -> all.put(k, v.get(0).text()));
        assertEquals(Map.of("a", "a-again", "b", "b-moved", "c", "c-again"), all);
        assertEquals(List.of("a", "b", "c"), List.copyOf(all.keySet()));
    }
}

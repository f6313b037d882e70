package dev.falconer.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.ParsedCondition;
import org.junit.jupiter.api.Test;

/** Small texts are parsed once; a condition with a large list substituted is not kept (a new one at each keystroke). */
class ConditionCacheTest {
    @Test
    void keepsSmallTextsAndNotLargeOnes() {
        ConditionCache cache = new ConditionCache();
        String small = "proc.name in (bash, sh)";
        assertSame(cache.apply(small), cache.apply(small));

        StringBuilder list = new StringBuilder();
        for (int i = 0; list.length() < ConditionCache.KEPT_BELOW; i++) {
            list.append(i == 0 ? "" : ", ").append("10.0.").append(i % 256).append('.').append(i / 256);
        }
        String large = "outbound and fd.sip in (" + list + ")";
        ParsedCondition first = cache.apply(large);
        ParsedCondition again = cache.apply(large);
        assertNotSame(first, again);
        assertEquals(ConditionParser.parse(large), again);
        String typed = "outbound  and fd.sip in (" + list + ")";
        assertEquals(ConditionParser.parse(typed), cache.apply(typed));
    }
}

package dev.falconer.navigate;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.ParsedCondition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parses conditions once per distinct text: an edit re-parses only the conditions it changed.
 * Bounded: when it grows past its limit it starts over, so old texts cannot pile up.
 */
public final class ConditionCache implements Function<String, ParsedCondition> {
    private final int limit;
    private final Map<String, ParsedCondition> parsed = new ConcurrentHashMap<>();

    public ConditionCache(int limit) {
        this.limit = Math.max(1, limit);
    }

    public ConditionCache() {
        this(8192);
    }

    @Override
    public ParsedCondition apply(String text) {
        ParsedCondition p = parsed.get(text);
        if (p == null) {
            if (parsed.size() >= limit) {
                parsed.clear();
            }
            p = ConditionParser.parse(text);
            parsed.put(text, p);
        }
        return p;
    }
}

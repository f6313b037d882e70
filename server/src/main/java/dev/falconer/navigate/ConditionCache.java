package dev.falconer.navigate;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.ReusingConditionParser;
import dev.falconer.rules.SourceMap;
import dev.falconer.rules.YamlScalar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parses conditions once per distinct text, and maps each scalar to the document once: an edit re-parses only the conditions it changed.
 * Bounded: when it grows past its limit it starts over, so old texts cannot pile up.
 * Texts of {@link #KEPT_BELOW} characters and more are not kept: those are conditions with a large
 * list substituted, a new text at each keystroke in their rule; the parser takes their lists over.
 */
public final class ConditionCache implements Function<String, ParsedCondition> {
    /** Texts this long and longer are parsed each time they are asked for (see the class comment). */
    static final int KEPT_BELOW = 64 * 1024;
    private final int limit;
    private final ReusingConditionParser parser = new ReusingConditionParser();
    private final Map<String, ParsedCondition> parsed = new ConcurrentHashMap<>();
    private final Map<YamlScalar, SourceMap> maps = new ConcurrentHashMap<>();
    /** Per scalar kind and text, the words semantic tokens read from it (see {@link #tokenWords}). */
    private final Map<WordsKey, Object> tokenWords = new ConcurrentHashMap<>();

    private record WordsKey(String kind, String text) {
    }

    public ConditionCache(int limit) {
        this.limit = Math.max(1, limit);
    }

    public ConditionCache() {
        this(8192);
    }

    @Override
    public ParsedCondition apply(String text) {
        if (text != null && text.length() >= KEPT_BELOW) {
            return parser.apply(text);
        }
        ParsedCondition p = parsed.get(text);
        if (p == null) {
            if (parsed.size() >= limit) {
                parsed.clear();
            }
            p = parser.apply(text);
            parsed.put(text, p);
        }
        return p;
    }

    /**
     * What {@code derive} reads from {@code text}, a scalar of {@code kind} ({@code condition},
     * {@code output}), once per text: the semantic-token words of a document are asked for on
     * every version of it, and most of its conditions and outputs did not change.
     */
    @SuppressWarnings("unchecked")
    <T> T tokenWords(String kind, String text, Function<String, T> derive) {
        WordsKey key = new WordsKey(kind, text);
        Object w = tokenWords.get(key);
        if (w == null) {
            if (tokenWords.size() >= limit) {
                tokenWords.clear();
            }
            w = derive.apply(text);
            tokenWords.put(key, w);
        }
        return (T) w;
    }

    /** Whether the scalar's source map is kept (for tests). */
    boolean mapKept(YamlScalar scalar) {
        return maps.containsKey(scalar);
    }

    /** The scalar's source map, computed once per scalar (position included: a moved scalar maps anew). */
    public SourceMap sourceMap(YamlScalar scalar) {
        SourceMap m = maps.get(scalar);
        if (m == null) {
            if (maps.size() >= limit) {
                maps.clear();
            }
            m = scalar.sourceMap();
            maps.put(scalar, m);
        }
        return m;
    }
}

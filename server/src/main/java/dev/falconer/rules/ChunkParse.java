package dev.falconer.rules;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.List;

/**
 * The SnakeYAML node trees of one chunk, or the error that stopped reading it. Offsets inside
 * are relative to the chunk, which makes a parse reusable wherever the same text reappears.
 * Only the composer runs: no constructor, so no YAML 1.1 typing, and every scalar stays the
 * string yaml-cpp would give Falco.
 */
final class ChunkParse {
    final String text;
    final List<Node> roots;
    final String problem;
    /** Chunk-relative UTF-16 offset of the problem, or -1 without a mark. */
    final int problemOffset;
    /** Chunk-relative UTF-16 end of the problem's culprit (after {@link #problemOffset}), or -1 for a point. */
    final int problemEnd;
    /** Code point index to UTF-16 offset; {@code null} when the text has no surrogate pairs. */
    private final int[] utf16;
    /** SnakeYAML read the text with yaml-cpp's line breaks ({@link YamlCppLineBreaks}). */
    private final boolean masked;

    private ChunkParse(String text, List<Node> roots, String problem, int problemIndex, boolean toLineEnd) {
        this(text, roots, problem, problemIndex, toLineEnd, false);
    }

    private ChunkParse(String text, List<Node> roots, String problem, int problemIndex, boolean toLineEnd,
                       boolean masked) {
        this.masked = masked;
        this.text = text;
        this.roots = List.copyOf(roots);
        this.problem = problem;
        this.utf16 = utf16Map(text);
        this.problemOffset = problemIndex < 0 ? -1 : utf16(problemIndex);
        this.problemEnd = problemOffset < 0 || !toLineEnd ? -1 : lineEnd(text, problemOffset);
    }

    private ChunkParse(String text, List<Node> roots, String problem, int problemIndex) {
        this(text, roots, problem, problemIndex, false);
    }

    /** A failed reading of {@code text} whose problem is at UTF-16 offset {@code offset}, to {@code end} (or -1 for a point). */
    private ChunkParse(String text, String problem, int offset, int end) {
        this.masked = false;
        this.text = text;
        this.roots = List.of();
        this.problem = problem;
        this.utf16 = utf16Map(text);
        this.problemOffset = offset;
        this.problemEnd = end;
    }

    /**
     * The reading of {@code text} (a chunk) failed with {@code problem} at {@code offset} (UTF-16,
     * relative to the chunk) through {@code end} (-1: a point): what a reading of a longer
     * stretch found there.
     */
    static ChunkParse failedAt(String text, String problem, int offset, int end) {
        return new ChunkParse(text, problem, offset, end);
    }

    /** A scalar's value as yaml-cpp reads it. */
    String scalarValue(String value) {
        return masked ? YamlCppLineBreaks.unmask(value) : value;
    }

    /** Read-only once set, so shared by every parse (a file has one chunk per item). */
    private static final LoaderOptions OPTIONS = options();
    private static final Resolver RESOLVER = new StringsOnlyResolver();

    private static LoaderOptions options() {
        YamlCppEscapes.install();
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setAllowDuplicateKeys(true);
        // yaml-cpp, Falco's reader, takes any number of aliases; what they expand to is bounded below
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        return options;
    }

    /**
     * How many values the aliases of a reading may add once expanded. SnakeYAML shares an anchored
     * node among its aliases, but the model built from it does not: {@code &b [*a, *a]},
     * {@code &c [*b, *b]}... doubles at each step, and 25 such lines of YAML, under 1 KB, took
     * minutes and gigabytes (a 50,000-item list is 50,000 values without any alias).
     */
    static final int ALIAS_VALUES = 100_000;
    /** The problem of a reading whose aliases expand past {@link #ALIAS_VALUES}. */
    static final String ALIASES_TOO_LARGE = "aliases expand to more than " + ALIAS_VALUES + " values";

    /**
     * The longest run of characters without a blank that is given to SnakeYAML. Its reader grows
     * its window 1 KB at a time while it scans one such run and copies the window each time: a
     * 2 MB word took 15 s on the thread that reads the client's messages (4 MB: 56 s). Rules
     * have no such words; a longer one is a YAML error of its entry.
     */
    static final int MAX_WORD = 100_000;
    /** The problem of a chunk with a word over {@link #MAX_WORD}. */
    static final String WORD_TOO_LONG = "a word of more than " + MAX_WORD + " characters without a blank";

    static ChunkParse parse(String text) {
        int word = longWordAt(text);
        if (word >= 0) {
            return new ChunkParse(text, List.of(), WORD_TOO_LONG, text.codePointCount(0, word), true);
        }
        try {
            String read = YamlCppLineBreaks.mask(text);
            Composer composer = new Composer(new ParserImpl(new StreamReader(read), OPTIONS), RESOLVER, OPTIONS);
            List<Node> roots = new ArrayList<>();
            while (composer.checkNode()) {
                Node n = composer.getNode();
                if (n != null) {
                    roots.add(n);
                }
            }
            Node over = AliasExpansion.firstPast(roots, ALIAS_VALUES);
            if (over != null) {
                return new ChunkParse(text, List.of(), ALIASES_TOO_LARGE, over.getStartMark().getIndex());
            }
            int[] surrogate = YamlCppEscapes.surrogateEscape(text, roots);
            if (surrogate != null) {
                return failedAt(text, YamlCppEscapes.surrogateProblem(text.substring(surrogate[0], surrogate[1])),
                        surrogate[0], surrogate[1]);
            }
            return new ChunkParse(text, roots, null, -1, false, read != text);
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && e.getContext().contains("quoted scalar") && e.getContextMark() != null) {
                // an unclosed quote fails at the end of the stream: the culprit is the opening quote
                return new ChunkParse(text, List.of(), e.getContext() + ": " + problem, e.getContextMark().getIndex(),
                        true);
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return new ChunkParse(text, List.of(), problem, mark == null ? -1 : mark.getIndex());
        } catch (RuntimeException e) {
            // SnakeYAML signals every malformed input with a runtime exception; keep it per chunk
            String problem = String.valueOf(e.getMessage());
            boolean deep = problem.startsWith("Nesting Depth exceeded");
            return new ChunkParse(text, List.of(), problem, deep ? tooDeepAt(text) : -1, deep);
        } catch (StackOverflowError e) {
            return new ChunkParse(text, List.of(), BrokenItem.TOO_DEEP, tooDeepAt(text), true);
        }
    }

    /** Where the first run of over {@link #MAX_WORD} characters without a blank starts, or -1. */
    private static int longWordAt(String text) {
        if (text.length() <= MAX_WORD) {
            return -1;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                start = i + 1;
            } else if (i - start >= MAX_WORD) {
                return start;
            }
        }
        return -1;
    }

    /**
     * Where flow nesting ({@code [} and {@code {} outside quotes) first gets deeper than
     * SnakeYAML's limit (its error has no mark); the first bracket when the depth comes from
     * block indentation instead, or -1 without any bracket.
     */
    private static int tooDeepAt(String text) {
        int limit = OPTIONS.getNestingDepthLimit();
        int depth = 0;
        int first = -1;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                first = first < 0 ? i : first;
                if (++depth > limit) {
                    return text.codePointCount(0, i);
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return first < 0 ? -1 : text.codePointCount(0, first);
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        int end = nl < 0 ? text.length() : nl;
        return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    boolean failed() {
        return problem != null;
    }

    /** UTF-16 offset (relative to the chunk) of a SnakeYAML code point index. */
    int utf16(int codePointIndex) {
        if (utf16 == null) {
            return Math.min(codePointIndex, text.length());
        }
        return utf16[Math.max(0, Math.min(codePointIndex, utf16.length - 1))];
    }

    private static int[] utf16Map(String text) {
        int cps = text.codePointCount(0, text.length());
        if (cps == text.length()) {
            return null;
        }
        int[] map = new int[cps + 1];
        int offset = 0;
        for (int i = 0; i < cps; i++) {
            map[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        map[cps] = text.length();
        return map;
    }

    /** A resolver without implicit types: tags do not matter to us, and regex matching costs time. */
    private static final class StringsOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // no implicit resolution: Falco decodes scalars itself
        }
    }
}

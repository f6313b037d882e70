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
    /**
     * The items last built from this parse and where: rebuilt only when the chunk moved, so an
     * edit leaves the items before it untouched (a memo; items are immutable).
     */
    volatile Built lastBuilt;

    record Built(int base, int firstIndex, int document, java.util.List<RulesItem> items) {
    }

    /** Code point index to UTF-16 offset; {@code null} when the text has no surrogate pairs. */
    private final int[] utf16;

    private ChunkParse(String text, List<Node> roots, String problem, int problemIndex) {
        this.text = text;
        this.roots = List.copyOf(roots);
        this.problem = problem;
        this.utf16 = utf16Map(text);
        this.problemOffset = problemIndex < 0 ? -1 : utf16(problemIndex);
    }

    static ChunkParse parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setAllowDuplicateKeys(true);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options),
                    new StringsOnlyResolver(), options);
            List<Node> roots = new ArrayList<>();
            while (composer.checkNode()) {
                Node n = composer.getNode();
                if (n != null) {
                    roots.add(n);
                }
            }
            return new ChunkParse(text, roots, null, -1);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return new ChunkParse(text, List.of(), problem, mark == null ? -1 : mark.getIndex());
        } catch (RuntimeException e) {
            // SnakeYAML signals every malformed input with a runtime exception; keep it per chunk
            return new ChunkParse(text, List.of(), String.valueOf(e.getMessage()), -1);
        } catch (StackOverflowError e) {
            return new ChunkParse(text, List.of(), "nesting too deep", -1);
        }
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

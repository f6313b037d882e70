package dev.falconer.rules;

import dev.falconer.text.TextDocument;
import dev.falconer.text.TextSpan;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a file into chunks, reads each with SnakeYAML (or reuses its earlier reading) and types the items. */
final class RulesDocumentParser {
    private static final Pattern FIRST_LINE = Pattern.compile("^\\s*-\\s+(list|macro|rule)\\s*:[ \\t]*([^#\\r\\n]*)");

    private RulesDocumentParser() {
    }

    static RulesDocument parse(TextDocument doc, RulesDocument previous) {
        String text = doc.text();
        Map<String, ChunkParse> old = previous == null ? Map.of() : previous.chunkCache;
        Map<String, ChunkParse> cache = new HashMap<>();
        List<RulesItem> items = new ArrayList<>();
        int parsed = 0;
        for (ChunkSplitter.Chunk chunk : ChunkSplitter.split(text)) {
            String chunkText = chunk.span().textOf(text);
            ChunkParse cp = cache.get(chunkText);
            if (cp == null) {
                cp = old.get(chunkText);
            }
            if (cp == null) {
                cp = ChunkParse.parse(chunkText);
                parsed++;
            }
            cache.put(chunkText, cp);
            addItems(items, text, chunk, cp);
        }
        return new RulesDocument(doc, items, parsed, cache);
    }

    private static void addItems(List<RulesItem> items, String text, ChunkSplitter.Chunk chunk, ChunkParse cp) {
        int base = chunk.span().start();
        ChunkParse.Built built = cp.lastBuilt;
        if (built != null && built.base() == base && built.firstIndex() == items.size()
                && built.document() == chunk.document() && sameComments(built.items(), text)) {
            items.addAll(built.items());
            return;
        }
        int first = items.size();
        buildItems(items, text, chunk, cp);
        cp.lastBuilt = new ChunkParse.Built(base, first, chunk.document(), List.copyOf(items.subList(first, items.size())));
    }

    /** The comment above an item lives outside its chunk, so it is checked before reuse. */
    private static boolean sameComments(List<RulesItem> built, String text) {
        for (RulesItem item : built) {
            if (!java.util.Objects.equals(item.frame().comment(), DocComments.above(text, item.span().start()))) {
                return false;
            }
        }
        return true;
    }

    private static void buildItems(List<RulesItem> items, String text, ChunkSplitter.Chunk chunk, ChunkParse cp) {
        int base = chunk.span().start();
        if (cp.failed()) {
            int at = cp.problemOffset < 0 ? base : base + cp.problemOffset;
            TextSpan trimmed = trimmed(text, chunk.span());
            ItemFrame frame = new ItemFrame(items.size(), chunk.document(), trimmed, chunk.span(),
                    DocComments.above(text, trimmed.start()));
            Matcher m = FIRST_LINE.matcher(cp.text);
            ItemKind kind = null;
            String name = null;
            if (m.find()) {
                kind = ItemKind.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
                name = unquote(m.group(2).strip());
            }
            TextSpan problemSpan = cp.problemEnd > cp.problemOffset && cp.problemOffset >= 0
                    ? TextSpan.of(at, Math.min(base + cp.problemEnd, chunk.span().end()))
                    : TextSpan.empty(Math.min(at, chunk.span().end()));
            items.add(new BrokenItem(frame, cp.problem, problemSpan, kind,
                    name == null || name.isEmpty() ? null : name));
            return;
        }
        YamlTreeBuilder builder = new YamlTreeBuilder(cp, base);
        for (Node root : cp.roots) {
            if (root instanceof SequenceNode seq) {
                for (Node entry : seq.getValue()) {
                    if (entry instanceof ScalarNode s && isNull(s)) {
                        continue;
                    }
                    YamlValue value = builder.build(entry);
                    TextSpan span = entrySpan(text, value.span());
                    ItemFrame frame = new ItemFrame(items.size(), chunk.document(), span, chunk.span(),
                            DocComments.above(text, span.start()));
                    if (value instanceof YamlMapping mapping) {
                        items.add(ItemClassifier.classify(frame, mapping));
                    } else {
                        items.add(new MalformedItem(frame, MalformedItem.Reason.ENTRY_NOT_A_MAPPING, value));
                    }
                }
            } else if (!(root instanceof ScalarNode s && isNull(s))) {
                YamlValue value = builder.build(root);
                ItemFrame frame = new ItemFrame(items.size(), chunk.document(), value.span(), chunk.span(),
                        DocComments.above(text, value.span().start()));
                items.add(new MalformedItem(frame, root instanceof MappingNode
                        ? MalformedItem.Reason.DOCUMENT_NOT_A_SEQUENCE : MalformedItem.Reason.DOCUMENT_IS_A_SCALAR,
                        value));
            }
        }
    }

    private static boolean isNull(ScalarNode s) {
        return s.isPlain() && switch (s.getValue()) {
            case "", "~", "null", "Null", "NULL" -> true;
            default -> false;
        } && !s.getTag().getValue().startsWith("!");
    }

    /** An entry's range starts at its {@code -} indicator, found just before the node. */
    private static TextSpan entrySpan(String text, TextSpan node) {
        int i = node.start() - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i >= 0 && text.charAt(i) == '-') {
            return new TextSpan(i, node.end());
        }
        return node;
    }

    /** A chunk without its trailing blank and comment lines. */
    private static TextSpan trimmed(String text, TextSpan chunk) {
        int end = chunk.end();
        int lineEnd = end;
        while (lineEnd > chunk.start()) {
            int lineStart = lineEnd;
            while (lineStart > chunk.start() && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
                lineStart--;
            }
            if (ChunkSplitter.isContentLine(text, lineStart, lineEnd)) {
                int e = lineEnd;
                while (e > lineStart && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                return new TextSpan(chunk.start(), Math.max(chunk.start(), e));
            }
            lineEnd = lineStart;
            while (lineEnd > chunk.start() && (text.charAt(lineEnd - 1) == '\n' || text.charAt(lineEnd - 1) == '\r')) {
                lineEnd--;
            }
        }
        return chunk;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}

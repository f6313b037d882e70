package dev.falconer.rules;

import dev.falconer.text.TextDocument;
import dev.falconer.text.TextEdit;
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

    private static final AnchoredStretches.Reading NO_STRETCHES = new AnchoredStretches.Reading(List.of(), Map.of());

    private RulesDocumentParser() {
    }

    static RulesDocument parse(TextDocument doc, RulesDocument previous) {
        RulesDocument parsed = previous == null ? fresh(doc, NO_STRETCHES) : incremental(doc, previous);
        AnchoredStretches.Reading stretches = AnchoredStretches.of(doc.text(), parsed.slots);
        return stretches.isEmpty() ? parsed : fresh(doc, stretches);
    }

    private static RulesDocument incremental(TextDocument doc, RulesDocument previous) {
        String text = doc.text();
        TextEdit edit = doc.editFrom(previous.textDocument());
        if (edit == null) {
            edit = TextEdit.between(previous.text(), text);
        }
        List<Slot> old = previous.slots;
        List<ChunkSplitter.Chunk> oldChunks = new java.util.AbstractList<>() {
            @Override
            public ChunkSplitter.Chunk get(int index) {
                return old.get(index).chunk();
            }

            @Override
            public int size() {
                return old.size();
            }
        };
        ChunkSplitter.Resplit split = ChunkSplitter.resplit(oldChunks, text, edit);
        List<Slot> slots = new ArrayList<>(old.size() + 4);
        List<RulesItem> items = new ArrayList<>(previous.items().size() + 4);
        // before the edit: the same chunks at the same places, with the same items
        for (int i = 0; i < split.keptBefore(); i++) {
            Slot slot = old.get(i);
            slots.add(slot);
            addAll(items, slot.items());
        }
        // the re-read stretch: a chunk whose text was there before (in the replaced stretch) is moved, not parsed
        int replacedEnd = split.oldShifted() < 0 ? old.size() : split.oldShifted();
        Map<String, Slot> replaced = new HashMap<>();
        for (int i = split.keptBefore(); i < replacedEnd; i++) {
            replaced.putIfAbsent(old.get(i).chunk().span().textOf(previous.text()), old.get(i));
        }
        int parsed = 0;
        for (int i = split.keptBefore(); i < split.chunks().size(); i++) {
            ChunkSplitter.Chunk chunk = split.chunks().get(i);
            String chunkText = chunk.span().textOf(text);
            Slot same = replaced.get(chunkText);
            if (same != null) {
                slots.add(moved(items, text, same, chunk, true));
            } else {
                Slot slot = built(items, text, chunk, chunkText);
                replaced.put(chunkText, slot);
                slots.add(slot);
                parsed++;
            }
        }
        // after the edit: the same chunks moved by the edit, their items moved with them
        int movedFrom = Integer.MAX_VALUE;
        if (split.oldShifted() >= 0) {
            // the items of a moved chunk keep their index when as many items precede them as before
            if (split.oldShifted() < old.size() && old.get(split.oldShifted()).firstIndex() == items.size()) {
                movedFrom = items.size();
            }
            int delta = edit.delta();
            for (int i = split.oldShifted(); i < old.size(); i++) {
                Slot slot = old.get(i);
                ChunkSplitter.Chunk c = slot.chunk();
                // the first moved chunk's comment may reach back into the edited stretch
                slots.add(moved(items, text, slot, new ChunkSplitter.Chunk(c.span().shift(delta), c.document(), c.entry()),
                        i == split.oldShifted()));
            }
        }
        return new RulesDocument(doc, items, parsed, slots, previous, movedFrom);
    }

    /**
     * A whole text read from scratch; a chunk text written twice is parsed once. The chunks of
     * each stretch of entries an alias reaches across are read as one, and an entry whose real
     * problem only the entries above tell gets it (see {@link AnchoredStretches}).
     */
    private static RulesDocument fresh(TextDocument doc, AnchoredStretches.Reading stretches) {
        String text = doc.text();
        Map<String, Slot> seen = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        List<RulesItem> items = new ArrayList<>();
        int parsed = 0;
        for (ChunkSplitter.Chunk chunk : AnchoredStretches.merge(ChunkSplitter.split(text), stretches.merged())) {
            String chunkText = chunk.span().textOf(text);
            ChunkParse corrected = stretches.corrected().get(chunk.span().start());
            Slot same = corrected != null ? null : seen.get(chunkText);
            if (same != null) {
                slots.add(moved(items, text, same, chunk, true));
            } else if (corrected != null) {
                int first = items.size();
                buildItems(items, text, chunk, corrected);
                slots.add(new Slot(chunk, first, List.copyOf(items.subList(first, items.size()))));
                parsed++;
            } else {
                Slot slot = built(items, text, chunk, chunkText);
                seen.put(chunkText, slot);
                slots.add(slot);
                parsed++;
            }
        }
        return new RulesDocument(doc, items, parsed, slots, null, 0);
    }

    /** Reads a chunk with SnakeYAML and builds its items; the SnakeYAML nodes are not kept. */
    private static Slot built(List<RulesItem> items, String text, ChunkSplitter.Chunk chunk, String chunkText) {
        int first = items.size();
        buildItems(items, text, chunk, ChunkParse.parse(chunkText));
        return new Slot(chunk, first, List.copyOf(items.subList(first, items.size())));
    }

    /**
     * The items of {@code from} (a chunk with the same text) placed at {@code to}: the same when
     * nothing moved, else shifted; their comments are looked up again when {@code recomment}
     * (the text above the chunk may differ), else shifted too.
     */
    private static Slot moved(List<RulesItem> items, String text, Slot from, ChunkSplitter.Chunk to, boolean recomment) {
        int delta = to.span().start() - from.chunk().span().start();
        int indexDelta = items.size() - from.firstIndex();
        int first = items.size();
        List<RulesItem> was = from.items();
        DocComment[] comments = new DocComment[was.size()];
        boolean same = delta == 0 && indexDelta == 0 && to.equals(from.chunk());
        for (int k = 0; k < comments.length; k++) {
            RulesItem item = was.get(k);
            DocComment comment = recomment ? DocComments.above(text, item.span().start() + delta)
                    : ShiftedItems.comment(item.frame().comment(), delta);
            same &= java.util.Objects.equals(comment, item.frame().comment());
            comments[k] = comment;
        }
        if (same) {
            addAll(items, was);
            return from;
        }
        RulesItem[] now = new RulesItem[comments.length];
        for (int k = 0; k < now.length; k++) {
            now[k] = ShiftedItems.shift(was.get(k), delta, indexDelta, to.document(), comments[k], to.span());
            items.add(now[k]);
        }
        return new Slot(to, first, List.of(now));
    }

    /** {@code items.addAll(more)} without the array {@code addAll} copies {@code more} into first. */
    private static void addAll(List<RulesItem> items, List<RulesItem> more) {
        for (int k = 0; k < more.size(); k++) {
            items.add(more.get(k));
        }
    }

    /** One chunk of a parsed version: where it is and the items built from it (its text's reading). */
    record Slot(ChunkSplitter.Chunk chunk, int firstIndex, List<RulesItem> items) {
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

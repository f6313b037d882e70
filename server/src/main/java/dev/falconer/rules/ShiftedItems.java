package dev.falconer.rules;

import java.util.List;

/**
 * Items moved by an edit before them (or a chunk text that appears again elsewhere): the same
 * YAML at offsets {@code delta} further, as re-reading the moved text would give, but without
 * SnakeYAML, source marks or substrings. Items depend on their chunk's text only, apart from
 * their index, document and comment, which the caller gives.
 * Keeping spans absolute is what every caller expects; this makes rebuilding them cheap.
 */
final class ShiftedItems {
    private ShiftedItems() {
    }

    /** {@code chunk} is the item's chunk moved (the caller's, shared rather than shifted again). */
    static RulesItem shift(RulesItem item, int delta, int indexDelta, int document, DocComment comment,
                           dev.falconer.text.TextSpan chunk) {
        ItemFrame f = item.frame();
        ItemFrame frame = new ItemFrame(f.index() + indexDelta, document, f.span().shift(delta), chunk, comment);
        if (item instanceof MappedItem m) {
            return ItemClassifier.classify(frame, (YamlMapping) shift(m.mapping(), delta));
        }
        if (item instanceof MalformedItem m) {
            return new MalformedItem(frame, m.reason(), shift(m.node(), delta));
        }
        BrokenItem b = (BrokenItem) item;
        return new BrokenItem(frame, b.problem(), b.problemSpan().shift(delta), b.guessedKind(), b.guessedName());
    }

    static DocComment comment(DocComment comment, int delta) {
        return comment == null || delta == 0 ? comment : new DocComment(comment.text(), comment.span().shift(delta));
    }

    static YamlValue shift(YamlValue value, int delta) {
        if (value instanceof YamlScalar s) {
            return new YamlScalar(s.value(), s.style(), s.tag(), s.span().shift(delta), s.raw());
        }
        // indexed loops into arrays: under C1 every iterator and growing list is an allocation
        if (value instanceof YamlSequence q) {
            List<YamlValue> from = q.items();
            YamlValue[] items = new YamlValue[from.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = shift(from.get(i), delta);
            }
            return new YamlSequence(List.of(items), q.flow(), q.span().shift(delta));
        }
        YamlMapping m = (YamlMapping) value;
        List<YamlEntry> from = m.entries();
        YamlEntry[] entries = new YamlEntry[from.size()];
        for (int i = 0; i < entries.length; i++) {
            YamlEntry e = from.get(i);
            entries[i] = new YamlEntry(shift(e.key(), delta), shift(e.value(), delta));
        }
        return new YamlMapping(List.of(entries), m.flow(), m.span().shift(delta));
    }
}

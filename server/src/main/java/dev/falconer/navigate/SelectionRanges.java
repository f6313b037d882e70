package dev.falconer.navigate;

import dev.falconer.condition.AstWalker;
import dev.falconer.condition.Node;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.SelectionRange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Smart selection: inside a condition it grows token → check → each enclosing clause → the
 * whole condition → the {@code condition:} entry → the item; elsewhere scalar → entry → … → item.
 */
public final class SelectionRanges {
    private SelectionRanges() {
    }

    public static List<SelectionRange> of(RulesDocument doc, List<TextPosition> positions,
                                          Function<String, ParsedCondition> parser) {
        List<SelectionRange> out = new ArrayList<>(positions.size());
        for (TextPosition p : positions) {
            out.add(at(doc, doc.lineIndex().offset(p), parser));
        }
        return out;
    }

    static SelectionRange at(RulesDocument doc, int offset, Function<String, ParsedCondition> parser) {
        List<TextSpan> spans = new ArrayList<>(); // innermost first
        RulesItem item = doc.itemAt(offset);
        if (item != null) {
            ConditionCursor cursor = ConditionCursor.at(doc, offset, parser);
            if (cursor != null) {
                if (cursor.wordSpan() != null) {
                    spans.add(cursor.map().documentSpan(cursor.wordSpan()));
                }
                List<Node> path = new ArrayList<>();
                Node node = cursor.parsed().root();
                while (node != null && node.span().touches(cursor.index())) {
                    path.add(node);
                    Node next = null;
                    for (Node child : AstWalker.children(node)) {
                        if (child.span().contains(cursor.index()) || (next == null && child.span().touches(cursor.index()))) {
                            next = child;
                        }
                    }
                    node = next;
                }
                for (int i = path.size() - 1; i >= 0; i--) {
                    spans.add(cursor.map().documentSpan(path.get(i).span()));
                }
                spans.add(cursor.map().documentSpan(0, cursor.site().scalar().value().length()));
            }
            List<YamlPath.Step> steps = YamlPath.at(item, offset).steps();
            for (int i = steps.size() - 1; i >= 0; i--) {
                spans.add(steps.get(i).span());
            }
            // a block condition (its text, scalar and entry) runs over the blank lines to the next item
            spans.replaceAll(s -> s.endingWithin(item.span()));
            spans.add(item.span());
        }
        return chain(doc.lineIndex(), offset, spans);
    }

    /** Links the spans outward, keeping each only when it strictly grows the previous one. */
    private static SelectionRange chain(LineIndex index, int offset, List<TextSpan> innerFirst) {
        List<TextSpan> kept = new ArrayList<>();
        for (TextSpan s : innerFirst) {
            if (!s.touches(offset)) {
                continue;
            }
            TextSpan last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || (s.contains(last) && !s.equals(last))) {
                kept.add(s);
            }
        }
        if (kept.isEmpty()) {
            kept.add(TextSpan.empty(offset));
        }
        SelectionRange parent = null;
        for (int i = kept.size() - 1; i >= 0; i--) {
            parent = new SelectionRange(Ranges.range(index, kept.get(i)), parent);
        }
        return parent;
    }
}

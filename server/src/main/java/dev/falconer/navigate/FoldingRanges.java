package dev.falconer.navigate;

import dev.falconer.rules.DocComment;
import dev.falconer.rules.MappedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folding: each item, each multi-line entry of an item (a long {@code condition: >} block, the
 * {@code items} of a list, {@code exceptions}, {@code output} …), each multi-line exception, and
 * comment blocks. One range per start line, outermost kept.
 */
public final class FoldingRanges {
    private FoldingRanges() {
    }

    public static List<FoldingRange> of(RulesDocument doc) {
        LineIndex index = doc.lineIndex();
        List<FoldingRange> out = new ArrayList<>();
        Set<Integer> starts = new HashSet<>();
        for (RulesItem item : doc.items()) {
            DocComment comment = item.frame().comment();
            if (comment != null) {
                add(out, starts, index, comment.span(), FoldingRangeKind.Comment);
            }
            add(out, starts, index, item.span(), FoldingRangeKind.Region);
            if (item instanceof MappedItem m) {
                for (YamlEntry e : m.mapping().entries()) {
                    add(out, starts, index, e.span().endingWithin(item.span()), null);
                }
            }
            if (item instanceof RuleItem r) {
                for (ExceptionSpec spec : r.exceptionSpecs()) {
                    add(out, starts, index, spec.node().span().endingWithin(item.span()), null);
                    for (YamlEntry e : spec.node().entries()) {
                        add(out, starts, index, e.span().endingWithin(item.span()), null);
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<FoldingRange> out, Set<Integer> starts, LineIndex index, TextSpan span, String kind) {
        int start = index.lineOf(span.start());
        int end = index.lineOf(span.end());
        // a block scalar's span ends after its last line break: that next line is not part of it
        if (end > start && index.lineStart(end) == span.end()) {
            end--;
        }
        if (end > start && starts.add(start)) {
            FoldingRange r = new FoldingRange(start, end);
            if (kind != null) {
                r.setKind(kind);
            }
            out.add(r);
        }
    }
}

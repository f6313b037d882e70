package dev.falconer.rules;

import dev.falconer.text.TextSpan;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Turns SnakeYAML nodes of a chunk into our YAML model with document offsets. */
final class YamlTreeBuilder {
    private static final int MAX_DEPTH = 200;
    private final ChunkParse chunk;
    private final int base;
    /** Nodes being converted, to cut recursive aliases ({@code &a [*a]}). */
    private final Map<Node, Boolean> active = new IdentityHashMap<>();

    YamlTreeBuilder(ChunkParse chunk, int base) {
        this.chunk = chunk;
        this.base = base;
    }

    TextSpan span(Node node) {
        int s = chunk.utf16(node.getStartMark().getIndex());
        int e = chunk.utf16(node.getEndMark().getIndex());
        return new TextSpan(base + s, base + Math.max(s, e));
    }

    YamlValue build(Node node) {
        return build(node, 0);
    }

    private YamlValue build(Node node, int depth) {
        TextSpan span = span(node);
        if (depth > MAX_DEPTH || active.containsKey(node)) {
            return new YamlSequence(List.of(), true, span);
        }
        active.put(node, Boolean.TRUE);
        try {
            if (node instanceof ScalarNode s) {
                return scalar(s, span);
            }
            if (node instanceof SequenceNode q) {
                List<YamlValue> items = new ArrayList<>(q.getValue().size());
                for (Node n : q.getValue()) {
                    items.add(build(n, depth + 1));
                }
                boolean flow = q.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
                return new YamlSequence(items, flow, flow || items.isEmpty() ? span : blockSpan(span, items.get(items.size() - 1)));
            }
            MappingNode m = (MappingNode) node;
            List<YamlEntry> entries = new ArrayList<>(m.getValue().size());
            for (NodeTuple t : m.getValue()) {
                entries.add(new YamlEntry(build(t.getKeyNode(), depth + 1), build(t.getValueNode(), depth + 1)));
            }
            boolean flow = m.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
            // a pair in a flow sequence ([a: b]) is a mapping without braces, which SnakeYAML ends
            // after the sequence's ']': it ends with its value (QA round 18)
            int at = span.start() - base;
            boolean braced = at >= 0 && at < chunk.text.length() && chunk.text.charAt(at) == '{';
            return new YamlMapping(entries, flow, flow && braced || entries.isEmpty() ? span
                    : blockSpan(span, entries.get(entries.size() - 1).value()));
        } finally {
            active.remove(node);
        }
    }

    /**
     * SnakeYAML ends a block collection where the next token starts, after trailing blank and
     * comment lines; our range ends with the last child's text instead.
     */
    private TextSpan blockSpan(TextSpan span, YamlValue last) {
        int end = last.span().end();
        String text = chunk.text;
        while (end > span.start() && end - base <= text.length() && end - base > 0
                && Character.isWhitespace(text.charAt(end - base - 1))) {
            end--;
        }
        return new TextSpan(span.start(), Math.max(span.start(), end));
    }

    private YamlScalar scalar(ScalarNode node, TextSpan span) {
        ScalarStyle style = switch (node.getScalarStyle()) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            default -> ScalarStyle.PLAIN;
        };
        String text = chunk.text;
        int from = span.start() - base;
        int to = Math.min(span.end() - base, text.length());
        String tag = null;
        // properties (tag, anchor) precede the token: the scalar's own range starts after them
        int p = from;
        while (p < to && (text.charAt(p) == '!' || text.charAt(p) == '&')) {
            int q = p;
            while (q < to && !Character.isWhitespace(text.charAt(q))) {
                q++;
            }
            if (text.charAt(p) == '!') {
                tag = text.substring(p, q);
            }
            while (q < to && Character.isWhitespace(text.charAt(q))) {
                q++;
            }
            p = q;
        }
        from = Math.min(p, to);
        String value = chunk.scalarValue(node.getValue());
        // most plain scalars read as written: one string serves as value and raw text
        String raw = value.length() == to - from && text.startsWith(value, from) ? value : text.substring(from, to);
        return new YamlScalar(value, style, tag, new TextSpan(base + from, base + to), raw);
    }
}

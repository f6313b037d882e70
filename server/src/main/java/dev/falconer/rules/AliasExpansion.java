package dev.falconer.rules;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What SnakeYAML's node graph stands for once its aliases are expanded, counted without
 * expanding it: each node's count is worked out once, however many aliases name it.
 */
final class AliasExpansion {
    /** Marks a node whose count is being worked out: an alias inside its own anchor ({@code &a [*a]}) counts once. */
    private static final long COUNTING = -1;

    private final Map<Node, Long> counts = new IdentityHashMap<>();

    private AliasExpansion() {
    }

    /**
     * The first entry (an item of a root sequence, else a root) at which the values of
     * {@code roots}, aliases expanded, exceed the nodes actually written by more than
     * {@code extra}; {@code null} when they never do.
     */
    static Node firstPast(List<Node> roots, long extra) {
        AliasExpansion e = new AliasExpansion();
        long expanded = 0;
        for (Node root : roots) {
            List<Node> entries = root instanceof SequenceNode seq ? seq.getValue() : List.of(root);
            for (Node entry : entries) {
                expanded += e.count(entry, extra);
                if (expanded - e.counts.size() > extra) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** The values {@code node} stands for, capped a little past {@code extra} (enough to tell it is past). */
    private long count(Node node, long extra) {
        Long known = counts.get(node);
        if (known != null) {
            return known == COUNTING ? 1 : known;
        }
        counts.put(node, COUNTING);
        long n = 1;
        if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                n = Math.min(n + count(child, extra), extra + 1 + counts.size());
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                n = Math.min(n + count(t.getKeyNode(), extra) + count(t.getValueNode(), extra), extra + 1 + counts.size());
            }
        }
        counts.put(node, n);
        return n;
    }
}

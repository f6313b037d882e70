package dev.falconer.condition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Traversals of the condition AST; iterative, so the depth of a tree never matters. */
public final class AstWalker {
    private AstWalker() {
    }

    /** Calls {@code action} on {@code root} and every node below it, parents first, in text order. */
    public static void walk(Node root, Consumer<Node> action) {
        walk(root, action, true);
    }

    /**
     * As {@link #walk}, but the values of value lists are left out (the lists are visited): for
     * the walks that look for checks, fields or macros, which a list of 100,000 values (a threat
     * feed substituted into a rule) made a hundred times longer.
     */
    public static void walkOutsideLists(Node root, Consumer<Node> action) {
        walk(root, action, false);
    }

    private static void walk(Node root, Consumer<Node> action, boolean listValues) {
        if (root == null) {
            return;
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            action.accept(node);
            if (!listValues && node instanceof ValueList) {
                continue;
            }
            List<Node> children = children(node);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    /** The direct children of a node in text order (absent parts of a recovered check are skipped). */
    public static List<Node> children(Node node) {
        if (node instanceof Value || node instanceof MacroRef) {
            return List.of(); // leaves: most nodes of a long list
        }
        List<Node> out = new ArrayList<>(4);
        if (node instanceof And n) {
            out.addAll(n.children());
        } else if (node instanceof Or n) {
            out.addAll(n.children());
        } else if (node instanceof Not n) {
            out.add(n.child());
        } else if (node instanceof Exists n) {
            out.add(n.left());
        } else if (node instanceof Check n) {
            out.add(n.left());
            if (n.right() != null) {
                out.add(n.right());
            }
        } else if (node instanceof FieldRef n) {
            if (n.argument() != null) {
                out.add(n.argument());
            }
        } else if (node instanceof Transformer n) {
            out.addAll(n.args());
            if (n.argument() != null) {
                out.add(n.argument());
            }
        } else if (node instanceof TransformerList n) {
            out.addAll(n.items());
        } else if (node instanceof ValueList n) {
            out.addAll(n.values());
        }
        return out;
    }

    /** The deepest node whose span touches {@code offset} (a cursor just after a token counts), or null. */
    public static Node deepestAt(Node root, int offset) {
        Node found = null;
        Node node = root;
        while (node != null && node.span().touches(offset)) {
            found = node;
            Node next = null;
            for (Node child : children(node)) {
                if (child.span().touches(offset)) {
                    next = child;
                    if (child.span().contains(offset)) {
                        break; // prefer the child the cursor is inside over one it merely ends
                    }
                }
            }
            node = next;
        }
        return found;
    }
}

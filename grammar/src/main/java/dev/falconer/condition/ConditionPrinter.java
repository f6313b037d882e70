package dev.falconer.condition;

import java.util.List;

/**
 * Renders an AST as canonical condition text, in the style of libs' {@code ast::as_string}:
 * and/or groups in parentheses ({@code ((a and b) or not c)}), {@code =} and {@code ==} kept
 * apart, a modifier after its operator, value lists as {@code (a, b)}, transformer arguments
 * joined by a bare comma ({@code join(-,(fd.name,fd.directory))}), field arguments verbatim.
 * A value is re-quoted with {@code "…"} only when it holds a blank or control character, a
 * quote, {@code =} or a backslash. Recovered (incomplete) checks print what they have.
 */
public final class ConditionPrinter {
    private ConditionPrinter() {
    }

    public static String print(BoolExpr expr) {
        StringBuilder out = new StringBuilder(64);
        append(out, expr);
        return out.toString();
    }

    /** Prints any node; for a {@link Value}, its escaped form. */
    public static String print(Node node) {
        StringBuilder out = new StringBuilder(32);
        appendNode(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, BoolExpr expr) {
        if (expr instanceof And a) {
            group(out, a.children(), " and ");
        } else if (expr instanceof Or o) {
            group(out, o.children(), " or ");
        } else if (expr instanceof Not n) {
            out.append("not ");
            append(out, n.child());
        } else if (expr instanceof MacroRef m) {
            out.append(m.name());
        } else if (expr instanceof Exists e) {
            appendNode(out, e.left());
            out.append(" exists");
        } else if (expr instanceof Check c) {
            appendNode(out, c.left());
            if (c.operator() != null) {
                out.append(' ').append(c.operator().text());
                if (c.modifier() != null) {
                    out.append(' ').append(c.modifier().text());
                }
                if (c.right() != null) {
                    out.append(' ');
                    appendNode(out, c.right());
                }
            }
        }
    }

    private static void group(StringBuilder out, List<BoolExpr> children, String op) {
        out.append('(');
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                out.append(op);
            }
            append(out, children.get(i));
        }
        out.append(')');
    }

    private static void appendNode(StringBuilder out, Node node) {
        if (node instanceof BoolExpr b) {
            append(out, b);
        } else if (node instanceof FieldRef f) {
            out.append(f.name());
            fieldArg(out, f.argument());
        } else if (node instanceof Transformer t) {
            out.append(t.name()).append('(');
            items(out, t.args(), ",");
            out.append(')');
            fieldArg(out, t.argument());
        } else if (node instanceof TransformerList l) {
            out.append('(');
            items(out, l.items(), ",");
            out.append(')');
        } else if (node instanceof ValueList l) {
            out.append('(');
            items(out, l.values(), ", ");
            out.append(')');
        } else if (node instanceof Value v) {
            out.append(quoteIfNeeded(v.text()));
        } else if (node instanceof FieldArg a) {
            out.append(a.value());
        }
    }

    private static void items(StringBuilder out, List<? extends Node> items, String sep) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            appendNode(out, items.get(i));
        }
    }

    private static void fieldArg(StringBuilder out, FieldArg arg) {
        if (arg != null) {
            out.append('[').append(arg.value()).append(']');
        }
    }

    /** libs' {@code escape_str}: the value as is, or double-quoted with control characters escaped. */
    public static String quoteIfNeeded(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ' ' || c == '"' || c == '\'' || c == '=' || c == '\\' || Character.isISOControl(c);
        }
        if (!quote) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

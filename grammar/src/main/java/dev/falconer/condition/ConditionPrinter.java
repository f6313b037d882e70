package dev.falconer.condition;

import java.util.List;

/**
 * Renders an AST as condition text, in one of two styles.
 *
 * <p>{@link #print} mirrors libs' {@code ast::as_string} (the form the spec's tables quote):
 * and/or groups in parentheses ({@code ((a and b) or not c)}), a modifier after its operator, value
 * lists as {@code (a, b)}, transformer arguments joined by a bare comma
 * ({@code join(-,(fd.name,fd.directory))}), field arguments verbatim, a value re-quoted only when it
 * holds a blank or control character, a quote, {@code =} or a backslash. That text does not always
 * parse again ({@code proc.name = }, {@code join(,,(…))}, {@code not not a}).
 *
 * <p>{@link #canonical} writes text that parses back to the same tree (spans aside): values and
 * field arguments are quoted whenever their bare form would lex differently, transformer strings
 * are always quoted, a negated negation keeps its parentheses ({@code not (not a)}), and nested
 * and/or groups are parenthesised. Limits: a value holding a NUL character has no spelling in
 * Falco's language (libs reads a C string), and recovered (incomplete) checks print what they have.
 * Both styles print recovered checks as far as they go.
 */
public final class ConditionPrinter {
    private final boolean canonical;
    private final StringBuilder out = new StringBuilder(64);

    private ConditionPrinter(boolean canonical) {
        this.canonical = canonical;
    }

    /** libs' {@code as_string} form. */
    public static String print(BoolExpr expr) {
        return new ConditionPrinter(false).render(expr);
    }

    /** Prints any node in libs' form; for a {@link Value}, its escaped form. */
    public static String print(Node node) {
        return new ConditionPrinter(false).render(node);
    }

    /**
     * Text that {@link ConditionParser#parse} turns back into an equal tree (spans aside; a value
     * quoted in the source may come back bare when nothing needs quoting, as libs does not tell
     * them apart). A {@link Value} on its own is printed as a right-hand side string.
     */
    public static String canonical(Node node) {
        return new ConditionPrinter(true).render(node);
    }

    private String render(Node node) {
        if (canonical && node instanceof BoolExpr b) {
            bool(b, false);
        } else {
            node(node);
        }
        return out.toString();
    }

    /** {@code nested}: inside another and/or/not, where a canonical group needs its parentheses. */
    private void bool(BoolExpr expr, boolean nested) {
        if (expr instanceof And a) {
            group(a.children(), " and ", nested);
        } else if (expr instanceof Or o) {
            group(o.children(), " or ", nested);
        } else if (expr instanceof Not n) {
            not(n);
        } else if (expr instanceof MacroRef m) {
            macro(m);
        } else if (expr instanceof Exists e) {
            node(e.left());
            out.append(" exists");
        } else if (expr instanceof Check c) {
            check(c);
        }
    }

    private void group(List<BoolExpr> children, String op, boolean nested) {
        boolean parens = nested || !canonical;
        if (parens) {
            out.append('(');
        }
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                out.append(op);
            }
            bool(children.get(i), true);
        }
        if (parens) {
            out.append(')');
        }
    }

    private void not(Not n) {
        out.append("not ");
        // Consecutive `not` prefixes cancel out when parsed, so a negated negation keeps its group.
        boolean parens = canonical && n.child() instanceof Not;
        if (parens) {
            out.append('(');
        }
        bool(n.child(), true);
        if (parens) {
            out.append(')');
        }
    }

    private void macro(MacroRef m) {
        // A macro named `not` followed by a blank would read as the not keyword.
        boolean parens = canonical && m.name().equals("not");
        out.append(parens ? "(" : "").append(m.name()).append(parens ? ")" : "");
    }

    private void check(Check c) {
        node(c.left());
        if (c.operator() == null) {
            return;
        }
        out.append(' ').append(c.operator().text());
        if (c.modifier() != null) {
            out.append(' ').append(c.modifier().text());
        }
        if (c.right() != null) {
            out.append(' ');
            node(c.right());
        }
    }

    private void node(Node node) {
        if (node instanceof BoolExpr b) {
            bool(b, false);
        } else if (node instanceof FieldRef f) {
            out.append(f.name());
            fieldArg(f.argument());
        } else if (node instanceof Transformer t) {
            out.append(t.name()).append('(');
            items(t.args(), canonical ? ", " : ",", true);
            out.append(')');
            fieldArg(t.argument());
        } else if (node instanceof TransformerList l) {
            out.append('(');
            items(l.items(), canonical ? ", " : ",", true);
            out.append(')');
        } else if (node instanceof ValueList l) {
            out.append('(');
            items(l.values(), ", ", false);
            out.append(')');
        } else if (node instanceof Value v) {
            value(v, false);
        } else if (node instanceof FieldArg a) {
            out.append(canonical ? FalcoQuoting.fieldArgument(a.value()) : a.value());
        }
    }

    /** {@code inTransformer}: transformer arguments take quoted strings only, never bare ones. */
    private void items(List<? extends Node> items, String sep, boolean inTransformer) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            Node item = items.get(i);
            if (item instanceof Value v) {
                value(v, inTransformer);
            } else {
                node(item);
            }
        }
    }

    private void value(Value v, boolean inTransformer) {
        if (!canonical) {
            out.append(quoteIfNeeded(v.text()));
        } else if (v.kind() == Value.Kind.NUMBER || v.kind() == Value.Kind.HEX || v.kind() == Value.Kind.IDENTIFIER) {
            out.append(v.text()); // lexed by shape, never quoted
        } else if (inTransformer) {
            out.append(FalcoQuoting.quote(v.text()));
        } else {
            out.append(FalcoQuoting.string(v.text()));
        }
    }

    private void fieldArg(FieldArg arg) {
        if (arg != null) {
            out.append('[');
            node(arg);
            out.append(']');
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

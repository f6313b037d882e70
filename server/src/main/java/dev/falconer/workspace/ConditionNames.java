package dev.falconer.workspace;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Not;
import dev.falconer.condition.Or;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.TransformerList;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import dev.falconer.rules.ItemKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a condition's AST may refer to: macro references in boolean position, and the words
 * that may be list names (values, fields and transformer arguments, and past a syntax error any
 * word). Spans are offsets into the parsed text.
 */
public final class ConditionNames {
    private ConditionNames() {
    }

    /** A candidate name and where it stands in the condition text. */
    public record Name(ItemKind kind, String name, Span span) {
    }

    public static List<Name> of(ParsedCondition parsed) {
        List<Name> out = new ArrayList<>();
        if (parsed != null && parsed.root() != null) {
            walk(parsed.root(), out);
        }
        if (parsed != null && !parsed.errors().isEmpty()) {
            afterError(parsed, out);
        }
        return out;
    }

    /**
     * Past the first syntax error nothing is parsed, but Falco pastes lists into the text before
     * it parses (QA: a rename while the condition had an error skipped the list names after it):
     * each word set off by delimiters there may name one.
     */
    private static void afterError(ParsedCondition parsed, List<Name> out) {
        String t = parsed.text();
        int from = Math.max(0, Math.min(t.length(), parsed.errors().get(0).span().start()));
        while (from > 0 && !ListSubstitution.isDelimiter(t.charAt(from - 1))) {
            from--; // the word the error is in
        }
        // the places the parse named already, looked up once each (a long condition has many words)
        java.util.Set<Integer> named = new java.util.HashSet<>();
        out.forEach(n -> named.add(n.span().start()));
        int start = -1;
        for (int i = from; i <= t.length(); i++) {
            boolean word = i < t.length() && !ListSubstitution.isDelimiter(t.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (named.add(start)) {
                    out.add(new Name(ItemKind.LIST, t.substring(start, i), new Span(start, i)));
                }
                start = -1;
            }
        }
    }

    private static void walk(BoolExpr e, List<Name> out) {
        if (e instanceof And a) {
            a.children().forEach(c -> walk(c, out));
        } else if (e instanceof Or o) {
            o.children().forEach(c -> walk(c, out));
        } else if (e instanceof Not n) {
            walk(n.child(), out);
        } else if (e instanceof MacroRef m) {
            out.add(new Name(ItemKind.MACRO, m.name(), m.span()));
        } else if (e instanceof Check c) {
            operand(c.left(), out);
            if (c.right() instanceof ValueList list) {
                list.values().forEach(v -> value(v, out));
            } else if (c.right() instanceof Value v) {
                value(v, out);
            } else if (c.right() instanceof Transformer t) {
                operand(t, out);
            }
        } else if (e instanceof Exists x) {
            operand(x.left(), out);
        }
    }

    /**
     * A field may be a list's name: Falco pastes the list's items there, a field's name (QA: a list
     * holding {@code proc.name}, used as {@code fld = bash}, {@code tolower(fld)}, {@code val(fld)}).
     */
    private static void operand(dev.falconer.condition.Node o, List<Name> out) {
        if (o instanceof FieldRef f && f.argument() == null) {
            out.add(new Name(ItemKind.LIST, f.name(), f.nameSpan()));
        } else if (o instanceof Transformer t) {
            t.args().forEach(a -> operand(a, out));
        } else if (o instanceof TransformerList l) {
            l.items().forEach(a -> operand(a, out));
        } else if (o instanceof Value v) {
            value(v, out);
        }
    }

    private static void value(Value v, List<Name> out) {
        if (v.kind() == Value.Kind.BARE || v.kind() == Value.Kind.IDENTIFIER) {
            out.add(new Name(ItemKind.LIST, v.text(), v.span()));
        } else if (v.kind() == Value.Kind.QUOTED && v.span().end() - v.span().start() == v.text().length() + 2) {
            // Falco substitutes a list named inside a string too (see ListSubstitution#setOffWords);
            // where the string has no escapes, its words stand at known places
            int content = v.span().start() + 1;
            for (int[] word : ListSubstitution.setOffWords(v.text())) {
                out.add(new Name(ItemKind.LIST, v.text().substring(word[0], word[1]),
                        new Span(content + word[0], content + word[1])));
            }
        }
    }
}

package dev.falconer.workspace;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Not;
import dev.falconer.condition.Or;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import dev.falconer.rules.ItemKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a condition's AST may refer to: macro references in boolean position, and bare
 * values that may be list names (inside a value list, or the single value of a check). Spans are
 * offsets into the parsed text.
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
        return out;
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
            if (c.right() instanceof ValueList list) {
                list.values().forEach(v -> value(v, out));
            } else if (c.right() instanceof Value v) {
                value(v, out);
            }
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

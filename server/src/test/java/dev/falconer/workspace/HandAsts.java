package dev.falconer.workspace;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Operator;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Condition ASTs written by hand for the conditions a test uses (the grammar lives in another
 * module and is built separately); a condition without a registered AST yields no names.
 */
final class HandAsts implements Function<String, ParsedCondition> {
    private final Map<String, BoolExpr> asts = new HashMap<>();

    HandAsts with(String text, BoolExpr root) {
        asts.put(text, root);
        return this;
    }

    /** A condition made only of macro names (the text itself when no name is given). */
    HandAsts macros(String text, String... names) {
        List<BoolExpr> refs = new ArrayList<>();
        for (String n : names.length == 0 ? new String[] {text} : names) {
            refs.add(ref(text, n));
        }
        return with(text, refs.size() == 1 ? refs.get(0) : new And(refs, new Span(0, text.length())));
    }

    @Override
    public ParsedCondition apply(String text) {
        return new ParsedCondition(text, asts.get(text), List.of());
    }

    static Span word(String text, String word) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(word) + "(?![A-Za-z0-9_.-])").matcher(text);
        if (!m.find()) {
            throw new AssertionError(word + " not in " + text);
        }
        return new Span(m.start(), m.end());
    }

    static MacroRef ref(String text, String name) {
        return new MacroRef(name, word(text, name));
    }

    /** {@code field in (values...)} with every value bare. */
    static Check in(String text, String field, String... values) {
        Span f = word(text, field);
        List<Value> vs = new ArrayList<>();
        for (String v : values) {
            vs.add(new Value(v, Value.Kind.BARE, word(text, v)));
        }
        Span open = new Span(text.indexOf('(', f.end()), text.indexOf('(', f.end()) + 1);
        Span close = new Span(text.indexOf(')', open.end()), text.indexOf(')', open.end()) + 1);
        ValueList list = new ValueList(vs, open.union(close));
        return new Check(new FieldRef(field, f, null, f), Operator.IN, word(text, "in"), null, null, list,
                f.union(close));
    }
}

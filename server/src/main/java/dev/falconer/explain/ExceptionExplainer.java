package dev.falconer.explain;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldArg;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operand;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Or;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Rhs;
import dev.falconer.condition.Span;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a rule's exceptions the way Falco compiles them (one {@code and not (…)} per exception,
 * one {@code or} branch per tuple), by building those checks as AST nodes and explaining them
 * like any other clause.
 */
final class ExceptionExplainer {

    private static final Pattern FIELD = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z][a-zA-Z0-9_]*)+)(?:\\[(?:\"([^\"]*)\"|'([^']*)'|([^\\]]*))\\])?");
    private static final Span NOWHERE = Span.of(0, 0);

    private final ClauseBuilder builder;

    ExceptionExplainer(ClauseBuilder builder) {
        this.builder = builder.withoutSpans();
    }

    List<ExceptionClause> explain(List<ExceptionDoc> exceptions) {
        return exceptions.stream().map(this::explain).toList();
    }

    private ExceptionClause explain(ExceptionDoc doc) {
        List<BoolExpr> tuples = new ArrayList<>();
        for (List<ExceptionDoc.Element> tuple : doc.tuples()) {
            List<BoolExpr> checks = new ArrayList<>();
            for (int i = 0; i < Math.min(tuple.size(), doc.fields().size()); i++) {
                String comp = i < doc.comps().size() ? doc.comps().get(i) : "=";
                check(doc.fields().get(i), comp, tuple.get(i)).ifPresent(checks::add);
            }
            if (!checks.isEmpty()) {
                tuples.add(checks.size() == 1 ? checks.get(0) : new And(checks, NOWHERE));
            }
        }
        if (tuples.isEmpty()) {
            return new ExceptionClause(doc.name(), null);
        }
        BoolExpr when = tuples.size() == 1 ? tuples.get(0) : new Or(tuples, NOWHERE);
        return new ExceptionClause(doc.name(), builder.build(when));
    }

    private static Optional<BoolExpr> check(String fieldText, String comp, ExceptionDoc.Element element) {
        String[] words = comp.trim().split("\\s+");
        Optional<Operator> op = Operator.fromText(words[0]);
        Modifier modifier = words.length > 1 ? Modifier.fromText(words[1]).orElse(null) : null;
        Operand field = operand(fieldText.trim());
        if (field == null || op.isEmpty()) {
            return Optional.empty(); // Falco rejects the rule; the checks report it
        }
        boolean listStyle = op.get().kind() == Operator.Kind.LIST || modifier != null;
        Rhs rhs = element.list() || listStyle
                ? new ValueList(element.items().stream().map(ExceptionExplainer::value).toList(), NOWHERE)
                : value(element.items().get(0));
        return Optional.of(new Check(field, op.get(), NOWHERE, modifier, modifier == null ? null : NOWHERE, rhs, NOWHERE));
    }

    /**
     * The left side an exception field makes: a field, or an expression such as
     * {@code tolower(proc.name)}, which Falco accepts when {@code <f> exists} compiles; {@code null}
     * for anything else.
     */
    private static Operand operand(String text) {
        if (text.indexOf('(') >= 0) {
            ParsedCondition parsed = ConditionParser.parse(text + " exists");
            return parsed.ok() && parsed.root() instanceof Exists e ? e.left() : null;
        }
        Matcher m = FIELD.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String arg = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        FieldArg fieldArg = arg == null ? null : new FieldArg(arg, m.group(4) == null, NOWHERE, NOWHERE);
        return new FieldRef(m.group(1), NOWHERE, fieldArg, NOWHERE);
    }

    /** Falco quotes a value that holds a blank; a bare one may name a list. */
    private static Value value(String text) {
        return new Value(text, text.contains(" ") ? Value.Kind.QUOTED : Value.Kind.BARE, NOWHERE);
    }
}

package dev.falconer.explain;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Not;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Or;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Rhs;
import dev.falconer.condition.Span;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import dev.falconer.explain.Clause.AllOf;
import dev.falconer.explain.Clause.AnyOf;
import dev.falconer.explain.Clause.Fact;
import dev.falconer.explain.Clause.MacroClause;
import dev.falconer.explain.Clause.Negation;
import dev.falconer.explain.Clause.Unparsed;
import java.util.ArrayDeque;
import dev.falconer.workspace.ListSubstitution;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a condition's AST into clauses, resolving macros and lists in the context and reading
 * groups of checks the way a person would: an {@code or} of checks on one field and operator
 * becomes one check over several values, an {@code and} of negated ones becomes "neither … nor",
 * {@code evt.type} sets become events and absorb {@code evt.dir}.
 */
final class ClauseBuilder {

    /** Deeper macro chains than this are named, not expanded (the official rules go about 5 deep). */
    static final int MAX_MACRO_DEPTH = 24;

    /** A list is glossed item by item only when it is short enough to read. */
    private static final int MAX_GLOSSED_LIST = 8;

    private static final Set<String> ORDERING_OPS = Set.of("lt", "le", "gt", "ge");
    private static final Set<String> CONTAINING_OPS = Set.of("contains", "icontains", "bcontains", "intersects");

    private final ExplainContext context;
    private final Locale locale;
    private final OperandPhraser operands;
    private final boolean withSpans;
    private final Deque<String> macroStack;
    private final Map<String, Clause> macroBodies;

    ClauseBuilder(ExplainContext context, Locale locale, boolean withSpans) {
        this(context, locale, withSpans, new ArrayDeque<>(),
                context.macroBodies(locale) != null ? context.macroBodies(locale) : new HashMap<>());
    }

    private ClauseBuilder(ExplainContext context, Locale locale, boolean withSpans, Deque<String> macroStack,
                          Map<String, Clause> macroBodies) {
        this.context = context;
        this.locale = locale;
        this.operands = new OperandPhraser(context, locale);
        this.withSpans = withSpans;
        this.macroStack = macroStack;
        this.macroBodies = macroBodies;
    }

    /** A macro's own condition: the macros it names are seen from it (what it may use, what loops back to it). */
    Clause buildMacro(String name, ParsedCondition condition) {
        macroStack.push(name);
        try {
            return build(condition);
        } finally {
            macroStack.pop();
        }
    }

    /** The same resolution (macro memo, cycle guard), without spans: for clauses not written in a condition. */
    ClauseBuilder withoutSpans() {
        return new ClauseBuilder(context, locale, false, macroStack, macroBodies);
    }

    OperandPhraser operands() {
        return operands;
    }

    Clause build(ParsedCondition condition) {
        if (condition == null || condition.root() == null || !condition.ok()) {
            int length = condition == null || condition.text() == null ? 0 : condition.text().length();
            return new Unparsed(span(Span.of(0, length)));
        }
        return build(condition.root());
    }

    Clause build(BoolExpr root) {
        return finish(part(root));
    }

    // A clause under construction: checks stay open until their group is known, so that
    // checks on the same field can still be merged.
    private sealed interface Part permits Done, Open, Group {
    }

    private record Done(Clause clause) implements Part {
    }

    private record Open(CheckShape shape) implements Part {
    }

    private record Group(boolean and, List<Part> parts, Span span) implements Part {
    }

    private Part part(BoolExpr e) {
        if (e instanceof And a) {
            return new Group(true, a.children().stream().map(this::part).toList(), span(a.span()));
        }
        if (e instanceof Or o) {
            return new Group(false, o.children().stream().map(this::part).toList(), span(o.span()));
        }
        if (e instanceof Not n) {
            Part inner = part(n.child());
            if (inner instanceof Open open) {
                return new Open(open.shape().negate().withDirection(open.shape().direction(), span(n.span())));
            }
            return new Done(negate(finish(inner), span(n.span())));
        }
        if (e instanceof MacroRef m) {
            return new Done(macro(m));
        }
        if (e instanceof Exists x) {
            if (x.left() instanceof FieldRef f && f.argument() == null && SWITCH_FIELDS.contains(f.name())) {
                return new Done(new Fact(Fact.Kind.CONSTANT, Phrase.of("idiom.always"), Phrase.of("idiom.never"),
                        List.of(), span(x.span())));
            }
            PhraseArg subject = operands.operand(x.left());
            // "LD_PRELOAD is set in the process environment", not "the value of LD_PRELOAD in … has a
            // value"; "the event has a value at /spec", not "the JSON value at /spec has a value" (QA round 23)
            String key = subject instanceof PhraseArg.Sub s && s.phrase().key().equals("field.arg.key") ? "exists.key"
                    : subject instanceof PhraseArg.Sub s && s.phrase().key().equals("field.arg.pointer") ? "exists.pointer"
                    : null;
            if (key != null) {
                PhraseArg[] args = ((PhraseArg.Sub) subject).phrase().args().toArray(PhraseArg[]::new);
                return new Done(new Fact(Fact.Kind.EXISTS, Phrase.of(key, args), Phrase.of(key + ".not", args),
                        List.of(), span(x.span())));
            }
            return new Done(new Fact(Fact.Kind.EXISTS, Phrase.of("exists", subject), Phrase.of("exists.not", subject),
                    List.of(), span(x.span())));
        }
        Check c = (Check) e;
        if (!c.isComplete()) {
            return new Done(new Unparsed(span(c.span())));
        }
        Clause pasted = pastedList(c);
        return pasted != null ? new Done(pasted) : new Open(shape(c));
    }

    private static Clause negate(Clause c, Span span) {
        if (c instanceof Fact f) {
            return f.negate();
        }
        if (c instanceof MacroClause m) {
            return m.negate();
        }
        if (c instanceof Negation n) {
            return n.child();
        }
        if (c instanceof Unparsed) {
            return c;
        }
        return new Negation(c, span);
    }

    private Clause finish(Part p) {
        if (p instanceof Done d) {
            return d.clause();
        }
        if (p instanceof Open o) {
            return fact(o.shape());
        }
        Group g = (Group) p;
        List<Part> flat = new ArrayList<>();
        for (Part child : g.parts()) {
            if (child instanceof Group inner && inner.and() == g.and()) {
                flat.addAll(inner.parts());
            } else {
                flat.add(child);
            }
        }
        List<Part> merged = merge(flat, g.and());
        if (g.and()) {
            merged = foldDirection(merged);
        }
        List<Clause> clauses = new ArrayList<>();
        for (Part part : merged) {
            Clause c = finish(part);
            if (g.and() && c instanceof AllOf all) {
                clauses.addAll(all.children());
            } else if (!g.and() && c instanceof AnyOf any) {
                clauses.addAll(any.children());
            } else {
                clauses.add(c);
            }
        }
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        return g.and() ? new AllOf(clauses, g.span()) : new AnyOf(clauses, g.span());
    }

    private record Target(Quantifier quant, boolean negated) {
    }

    /**
     * In an {@code or}: positive checks on one subject and operator become one "any of" check. In an
     * {@code and}: negated ones become one "none of" check, positive {@code contains} ones one "all of".
     */
    private static Target mergeTarget(CheckShape s, boolean and) {
        if (s.rhsOperand() != null || ORDERING_OPS.contains(s.op()) || s.direction() != null || "within".equals(s.op())) {
            return null; // "every value in x" or "every value in y" is not "every value in x or y"
        }
        boolean single = s.quant() == Quantifier.ONE || s.quant() == Quantifier.ANY;
        if (!and) {
            return !s.negated() && single ? new Target(Quantifier.ANY, false) : null;
        }
        if (s.negated() && single) {
            return new Target(Quantifier.ANY, true);
        }
        if (!s.negated() && (s.quant() == Quantifier.ONE || s.quant() == Quantifier.ALL)
                && CONTAINING_OPS.contains(s.op())) {
            return new Target(Quantifier.ALL, false);
        }
        return null;
    }

    private static List<Part> merge(List<Part> parts, boolean and) {
        List<Part> out = new ArrayList<>();
        boolean[] used = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            if (used[i]) {
                continue;
            }
            Part p = parts.get(i);
            Target target = p instanceof Open o ? mergeTarget(o.shape(), and) : null;
            if (target == null) {
                out.add(p);
                continue;
            }
            CheckShape first = ((Open) p).shape();
            List<CheckShape> group = new ArrayList<>(List.of(first));
            for (int j = i + 1; j < parts.size(); j++) {
                if (!used[j] && parts.get(j) instanceof Open o && target.equals(mergeTarget(o.shape(), and))
                        && o.shape().sameCheckAs(first)) {
                    group.add(o.shape());
                    used[j] = true;
                }
            }
            out.add(group.size() == 1 ? p : new Open(CheckShape.merge(group, target.quant(), target.negated())));
        }
        return out;
    }

    /** {@code evt.type in (…) and evt.dir = <}: the direction is part of which events are meant. */
    private static List<Part> foldDirection(List<Part> parts) {
        int events = -1;
        int direction = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Open o) {
                CheckShape s = o.shape();
                if (events < 0 && s.isEventTypes() && !s.negated() && s.direction() == null) {
                    events = i;
                } else if (direction < 0 && isDirection(s)) {
                    direction = i;
                }
            }
        }
        if (events < 0 || direction < 0) {
            return parts;
        }
        CheckShape ev = ((Open) parts.get(events)).shape();
        CheckShape dir = ((Open) parts.get(direction)).shape();
        Span wider = ev.span() == null || dir.span() == null ? ev.span() : ev.span().union(dir.span());
        List<Part> out = new ArrayList<>(parts);
        out.set(events, new Open(ev.withDirection(((ValueItem.Literal) dir.values().get(0)).text(), wider)));
        out.remove(direction);
        return out;
    }

    private static boolean isDirection(CheckShape s) {
        return "evt.dir".equals(s.field()) && "eq".equals(s.op()) && !s.negated() && s.quant() == Quantifier.ONE
                && s.rhsOperand() == null && s.values().size() == 1
                && s.values().get(0) instanceof ValueItem.Literal l && (l.text().equals("<") || l.text().equals(">"));
    }

    // ---- checks -------------------------------------------------------------------------------

    private CheckShape shape(Check c) {
        String field = c.left() instanceof dev.falconer.condition.FieldRef f && f.argument() == null ? f.name() : null;
        PhraseArg subject = operands.operand(c.left());
        String op;
        Quantifier quant = quantifier(c.modifier());
        boolean negated = false;
        switch (c.operator()) {
            case EQ, EQEQ -> op = "eq";
            case NE -> {
                op = "eq";
                negated = true;
                // != allof: differs from every value, i.e. is none of them; != anyof: is not all of them.
                if (quant == Quantifier.ALL) {
                    quant = Quantifier.ANY;
                } else if (quant == Quantifier.ANY) {
                    quant = Quantifier.ALL;
                } else if (quant == Quantifier.EXACTLY_ONE) {
                    op = "ne";
                    negated = false;
                }
            }
            case IN -> {
                // on a list field (ka.req.pod.containers.image) libs' in asks that every value be in the set
                op = field != null && context.holdsList(field) ? "within" : "eq";
                quant = Quantifier.ANY;
            }
            case INTERSECTS, PMATCH -> {
                // intersects on a field of one value compares that value with the list, as in does
                op = c.operator() == Operator.INTERSECTS && field != null && context.holdsOneValue(field) ? "eq"
                        : c.operator().text();
                quant = Quantifier.ANY;
            }
            case LT -> op = "lt";
            case LE -> op = "le";
            case GT -> op = "gt";
            case GE -> op = "ge";
            default -> op = c.operator().text();
        }
        Rhs rhs = c.right();
        PhraseArg rhsOperand = null;
        List<ValueItem> values = List.of();
        if (rhs instanceof dev.falconer.condition.Transformer t) {
            rhsOperand = operands.operand(t);
            quant = Quantifier.ONE;
        } else {
            values = values(rhs);
            boolean hasList = values.stream().anyMatch(v -> v instanceof ValueItem.ListRef);
            if (quant == Quantifier.ANY && values.size() == 1 && !hasList) {
                quant = Quantifier.ONE;
            } else if (quant == Quantifier.ONE && hasList) {
                quant = Quantifier.ANY; // a list substituted where a single value stands
            }
        }
        return new CheckShape(OperandPhraser.key(c.left()), field, subject, op, quant, negated, values, rhsOperand,
                null, span(c.span()), negated);
    }

    /**
     * A list of other than one item where one value goes ({@code proc.name = two}): Falco pastes its
     * items as text and the condition no longer parses; saying "is in two" explained a rule Falco
     * rejects (QA round 22). {@code null} for any other check.
     */
    private Clause pastedList(Check c) {
        if (c.modifier() != null || c.operator() == null || c.operator().kind() == Operator.Kind.LIST
                || c.operator().kind() == Operator.Kind.UNARY || !(c.right() instanceof Value v)
                || v.kind() == Value.Kind.QUOTED) {
            return null;
        }
        Optional<List<String>> items = context.list(v.text());
        if (items.isEmpty() || items.get().size() == 1) {
            return null;
        }
        Phrase broken = Phrase.of("problem.listPasted", new PhraseArg.Code(v.text()),
                new PhraseArg.Text(Integer.toString(items.get().size())));
        return new Fact(Fact.Kind.CHECK, broken, broken, List.of(), span(c.span()));
    }

    private static Quantifier quantifier(Modifier m) {
        if (m == null) {
            return Quantifier.ONE;
        }
        return switch (m) {
            case ANYOF -> Quantifier.ANY;
            case ALLOF -> Quantifier.ALL;
            case ONEOF -> Quantifier.EXACTLY_ONE;
        };
    }

    private List<ValueItem> values(Rhs rhs) {
        if (rhs instanceof Value v) {
            return List.of(item(v));
        }
        return ((ValueList) rhs).values().stream().map(this::item).toList();
    }

    private ValueItem item(Value v) {
        if (v.kind() != Value.Kind.QUOTED) {
            Optional<List<String>> list = context.list(v.text());
            if (list.isPresent()) {
                return new ValueItem.ListRef(v.text(), expand(v.text(), list.get()));
            }
            return new ValueItem.Literal(v.text());
        }
        // Falco substitutes the lists named inside a string too: the value is what it compares with
        return new ValueItem.Literal(ListSubstitution.inQuotedString(v.text(), name -> context.list(name)
                .map(items -> expand(name, items).stream().map(ListSubstitution::quoteItem).toList())
                .orElse(null)).substituted());
    }

    /**
     * A list's items with the lists it names replaced by their items as written, one level deep as
     * Falco compiles lists (spec §2.12): a list named two levels down stays a literal name.
     */
    private List<String> expand(String name, List<String> items) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            Optional<List<String>> nested = item.equals(name) ? Optional.empty() : context.list(item);
            for (String i : nested.orElse(List.of(item))) {
                out.add(unquote(i));
            }
        }
        return out;
    }

    /**
     * Falco's list substitution keeps an item's quotes ({@code "sh -c uname"}): they make it one
     * value, and are not part of it.
     */
    static String unquote(String item) {
        if (item.length() >= 2 && (item.charAt(0) == '"' || item.charAt(0) == '\'')
                && item.charAt(item.length() - 1) == item.charAt(0)) {
            if (item.indexOf('\\') >= 0) {
                // escapes mean what Falco's parser reads: \" is a quote (QA round 22)
                ParsedCondition p = dev.falconer.condition.ConditionParser.parse("proc.name = " + item);
                if (p.ok() && p.root() instanceof Check c && c.right() instanceof Value v) {
                    return v.text();
                }
            }
            return item.substring(1, item.length() - 1);
        }
        return item;
    }

    Clause fact(CheckShape s) {
        Optional<Boolean> constant = constant(s);
        if (constant.isPresent()) {
            Phrase never = Phrase.of("idiom.never");
            Phrase always = Phrase.of("idiom.always");
            return constant.get() ? new Fact(Fact.Kind.CONSTANT, always, never, List.of(), s.span())
                    : new Fact(Fact.Kind.CONSTANT, never, always, List.of(), s.span());
        }
        // a pattern is no value: "sh" glossed as a shell read as if the regex were the name
        List<ValueNote> notes = notes(s.values(), s.field(), !"regex".equals(s.op()), s.quant() != Quantifier.ONE);
        if (s.isEventTypes()) {
            return eventFact(s, notes);
        }
        Phrase positive = checkPhrase(s, "");
        Phrase negative = checkPhrase(s, ".not");
        if (s.anyAncestor()) {
            // "an ancestor is not x" (!=) and "no ancestor is x" (not =) differ: a not around the
            // check denies the whole "some ancestor" phrase
            Phrase some = s.byOperator() ? negative : positive;
            Phrase none = Phrase.of("idiom.noAncestor", new PhraseArg.Quoted(some));
            return s.negated() != s.byOperator() ? new Fact(Fact.Kind.CHECK, none, some, notes, s.span())
                    : new Fact(Fact.Kind.CHECK, some, none, notes, s.span());
        }
        if (s.eitherEnd()) {
            Phrase neither = Phrase.of("idiom.noEndpoint", new PhraseArg.Quoted(positive));
            List<String> ends = END_FIELDS.get(s.field());
            Fact client = endFact(s, ends.get(0), notes);
            Fact server = endFact(s, ends.get(1), List.of());
            // neither end: the client's and the server's check, each denied (QA round 23: "neither end
            // matches (an endpoint IP address is 0.0.0.0)" read as a contradiction)
            Clause denial = client != null && server != null ? new AllOf(List.of(client, server), span(s.span())) : null;
            if (s.negated()) {
                return denial != null ? denial : new Fact(Fact.Kind.CHECK, neither, positive, notes, s.span());
            }
            return new Fact(Fact.Kind.CHECK, positive, neither, notes, s.span(), denial);
        }
        return s.negated() ? new Fact(Fact.Kind.CHECK, negative, positive, notes, s.span())
                : new Fact(Fact.Kind.CHECK, positive, negative, notes, s.span());
    }

    /** The fields of each end of a connection for a field of either end: the client's, the server's. */
    private static final Map<String, List<String>> END_FIELDS = Map.of("fd.ip", List.of("fd.cip", "fd.sip"),
            "fd.port", List.of("fd.cport", "fd.sport"), "fd.net", List.of("fd.cnet", "fd.snet"),
            "fd.proto", List.of("fd.cproto", "fd.sproto"));

    /**
     * The check of a field of either end, worded for one end ({@code field}: its own field), denied;
     * {@code null} when the catalog has no words for that end.
     */
    private Fact endFact(CheckShape s, String field, List<ValueNote> notes) {
        if (!(operands.field(field, null) instanceof PhraseArg.Field f) || f.phrase() == null) {
            return null;
        }
        PhraseArg subject = new PhraseArg.Field(s.field(), f.phrase()); // the end's words, the field as written
        CheckShape end = new CheckShape(field, field, subject, s.op(), s.quant(), true, s.values(),
                s.rhsOperand(), s.direction(), s.span(), s.byOperator());
        return new Fact(Fact.Kind.CHECK, checkPhrase(end, ".not"), checkPhrase(end, ""), notes, s.span());
    }

    /**
     * {@code op.<op>[.<quantifier>][.field][.not]}. Rare combinations fall back to the plain operator
     * with a worded value set ("starts with" + "all of a, b") or a field in place of the value.
     */
    private static Phrase checkPhrase(CheckShape s, String polarity) {
        String op = "op." + s.op();
        if (s.rhsOperand() != null) {
            Phrase plain = Phrase.of(op + polarity, s.subject(), s.rhsOperand());
            return new Phrase(op + ".field" + polarity, List.of(s.subject(), s.rhsOperand()), plain);
        }
        PhraseArg values = new PhraseArg.Values(s.values());
        Phrase fallback = s.quant() == Quantifier.ONE ? null
                : Phrase.of(op + polarity, s.subject(), new PhraseArg.Sub(Phrase.of("quant" + s.quant().suffix, values)));
        return new Phrase(op + s.quant().suffix + polarity, List.of(s.subject(), values), fallback);
    }

    private Fact eventFact(CheckShape s, List<ValueNote> notes) {
        List<String> types = new ArrayList<>();
        for (ValueItem v : s.values()) {
            if (v instanceof ValueItem.Literal l) {
                types.add(l.text());
            } else {
                types.addAll(((ValueItem.ListRef) v).items());
            }
        }
        Optional<String> family = EventGroups.familyOf(types);
        PhraseArg values = new PhraseArg.Values(s.values());
        Phrase positive = direction(eventPhrase(family, values, ""), s.direction(), family.isPresent());
        // "not a file open" would deny openat too: a negation names a family only when it is all of it
        Optional<String> whole = EventGroups.wholeFamilyOf(types);
        Phrase negative = direction(eventPhrase(whole, values, ".not"), s.direction(), whole.isPresent());
        return s.negated() ? new Fact(Fact.Kind.EVENT_TYPES, negative, positive, notes, s.span())
                : new Fact(Fact.Kind.EVENT_TYPES, positive, negative, notes, s.span());
    }

    /** "a new process was started" (with the event names in markdown), or "on open or openat events". */
    private static Phrase eventPhrase(Optional<String> family, PhraseArg values, String polarity) {
        return family.map(f -> Phrase.of("event.family", new PhraseArg.Sub(Phrase.of("event.group." + f + polarity)),
                values)).orElseGet(() -> Phrase.of("event.types" + polarity, values));
    }

    /** A family reads as a completed action already; plain event names say when they are caught. */
    private static Phrase direction(Phrase p, String direction, boolean family) {
        if (">".equals(direction)) {
            return Phrase.of("event.enter", new PhraseArg.Sub(p));
        }
        if ("<".equals(direction) && !family) {
            return Phrase.of("event.exit", new PhraseArg.Sub(p));
        }
        return p;
    }

    /** The fields of the switch idiom: evt.num (never_true) and jevt.rawtime (k8s_audit_never_true; QA round 18). */
    private static final Set<String> SWITCH_FIELDS = Set.of("evt.num", "jevt.rawtime");

    /**
     * The switch idiom of rules files: every event has a number (and a k8s audit event a raw time)
     * above 0, so {@code evt.num=0} (Falco's {@code never_true}) never holds and {@code evt.num>=0}
     * ({@code always_true}) always does; authors use them to switch a clause off or on. Empty for
     * any other check ({@code jevt.rawtime exists}, {@code k8s_audit_always_true}, is read where
     * {@code exists} is).
     */
    private static Optional<Boolean> constant(CheckShape s) {
        if (s.field() == null || !SWITCH_FIELDS.contains(s.field()) || s.rhsOperand() != null || s.values().size() != 1
                || !(s.values().get(0) instanceof ValueItem.Literal l) || !"0".equals(l.text())
                || s.quant() != Quantifier.ONE) {
            return Optional.empty();
        }
        return switch (s.op()) {
            case "eq" -> Optional.of(s.negated());
            case "ge" -> Optional.of(!s.negated());
            default -> Optional.empty();
        };
    }

    /**
     * {@code glossValues}: whether values get a gloss (a regex pattern does not); {@code inSet}: the
     * values are a set, where {@code val()} cannot stand.
     */
    private List<ValueNote> notes(List<ValueItem> values, String field, boolean glossValues, boolean inSet) {
        List<ValueNote> notes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean duration = field != null && context.isDuration(field);
        for (ValueItem v : values) {
            if (v instanceof ValueItem.Literal l && duration && l.text().matches("\\d{1,18}")) {
                notes.add(new ValueNote.Gloss(l.text(), Durations.words(Long.parseLong(l.text()), Phrasebook.of(locale))));
            } else if (v instanceof ValueItem.Literal l && context.isFieldName(l.text()) && seen.add(l.text())) {
                notes.add(new ValueNote.Gloss(l.text(), Phrasebook.of(locale).format(
                        inSet ? "note.fieldAsText.inSet" : "note.fieldAsText", l.text())));
            } else if (v instanceof ValueItem.Literal l && glossValues) {
                gloss(field, l.text(), notes, seen);
            }
        }
        for (ValueItem v : values) {
            if (v instanceof ValueItem.ListRef ref) {
                notes.add(new ValueNote.ListItems(ref.name(), ref.items()));
                if (glossValues && ref.items().size() <= MAX_GLOSSED_LIST) {
                    ref.items().forEach(item -> gloss(field, item, notes, seen));
                }
            }
        }
        return notes;
    }

    private void gloss(String field, String value, List<ValueNote> notes, Set<String> glossed) {
        if (glossed.add(value)) {
            context.valueGloss(field, value, locale).ifPresent(g -> notes.add(new ValueNote.Gloss(value, g)));
        }
    }

    // ---- macros -------------------------------------------------------------------------------

    private Clause macro(MacroRef ref) {
        String name = ref.name();
        Span span = span(ref.span());
        Optional<MacroDoc> doc = context.macro(name);
        if (doc.isEmpty()) {
            return new MacroClause(name, false, MacroClause.State.UNDEFINED, null, null, span);
        }
        if (macroStack.contains(name)) { // first: a macro naming itself is a loop, not a macro defined later
            return new MacroClause(name, false, MacroClause.State.CYCLE, null, doc.get().comment(), span);
        }
        if (!macroStack.isEmpty() && !context.macroVisibleFrom(name, macroStack.peek())) {
            return new MacroClause(name, false, MacroClause.State.HIDDEN, null, doc.get().comment(), span);
        }
        if (macroStack.size() >= MAX_MACRO_DEPTH) {
            return new MacroClause(name, false, MacroClause.State.TOO_DEEP, null, doc.get().comment(), span);
        }
        Clause body = macroBodies.get(name);
        if (body == null) {
            macroStack.push(name);
            try {
                // The body's spans are offsets in the macro's own condition text.
                body = new ClauseBuilder(context, locale, withSpans, macroStack, macroBodies).build(doc.get().condition());
            } finally {
                macroStack.pop();
            }
            macroBodies.put(name, body);
        }
        return new MacroClause(name, false, MacroClause.State.RESOLVED, body, doc.get().comment(), span);
    }

    private Span span(Span s) {
        return withSpans ? s : null;
    }
}

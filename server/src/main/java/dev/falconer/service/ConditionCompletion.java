package dev.falconer.service;

import dev.falconer.catalog.Transformers;

import dev.falconer.catalog.ArgumentSpec;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldFlag;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.FieldType;
import dev.falconer.catalog.OperandType;
import dev.falconer.catalog.Operators;
import dev.falconer.check.OperandTyping;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Not;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Or;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.SyntaxError;
import dev.falconer.condition.ValueList;
import dev.falconer.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Completion inside a condition. The text before the half-typed word is parsed; the parser's
 * first error says what it expected there (a check, an operator, a value, a list value …) and the
 * recovered tree says for which field.
 */
final class ConditionCompletion {

    /** What the grammar expects at the cursor. */
    /** The sort bucket of the common proposals of a term (macros, fields, {@code not}). */
    private static final String COMMON = "2";
    /**
     * The rank of a macro the official rules do not use: most likely the user's own, which the
     * 150 proposals at a check's start left out behind 600 fields (QA round 18). As often as a
     * field the official rules use some twenty times.
     */
    static final int OWN_MACRO_COUNT = 20;
    private static final UsageFrequencies USAGE = UsageFrequencies.builtIn();

    enum Expect { CHECK, OPERATOR, VALUE, LIST, LIST_VALUE, CONNECTOR, FIELD_ONLY, NOTHING }

    /**
     * @param source      the rule's event source, {@code null} in a macro (fields of every source)
     * @param macros      macros the item may use
     * @param lists       list names
     * @param newTerms    where the proposals at a new check are kept ({@code null}: built each time)
     */
    /**
     * @param sourceOpen a rule definition with no {@code source:} written yet: a plugin's fields may
     *                   still be meant (see {@link OtherSourceFields})
     */
    record Context(FieldCatalog catalog, String source, List<String> macros, List<String> lists, Locale locale,
                   NewTermProposals newTerms, boolean sourceOpen) {
    }

    private ConditionCompletion() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    /** Start of the half-typed word ending at {@code index} in {@code text}. */
    static int wordStart(String text, int index) {
        int i = index;
        while (i > 0 && isWordChar(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** What is expected after {@code before} (the condition up to the half-typed word), and the check it continues. */
    record Analysis(Expect expect, Check check) {
    }

    static Analysis analyse(String before) {
        if (before.isBlank()) {
            return new Analysis(Expect.CHECK, null);
        }
        ParsedCondition parsed = ConditionParser.parse(before);
        Check last = lastCheck(parsed.root());
        if (parsed.errors().isEmpty()) {
            char end = before.charAt(before.length() - 1);
            return new Analysis(Character.isWhitespace(end) || end == ')' ? Expect.CONNECTOR : Expect.NOTHING, last);
        }
        SyntaxError e = parsed.errors().get(0);
        int clause = ClauseStart.of(before);
        if (clause > 0 && e.span().start() < clause) {
            // The error lies in an earlier clause: what is expected here depends on this clause alone.
            return analyse(before.substring(clause));
        }
        Expect expect = switch (e.key()) {
            case "condition.empty", "condition.expectedCheck" -> Expect.CHECK;
            case "condition.expectedOperator" -> Character.isWhitespace(before.charAt(before.length() - 1))
                    ? Expect.OPERATOR : Expect.NOTHING;
            case "condition.expectedString", "condition.expectedNumber" -> Expect.VALUE;
            case "condition.expectedList" -> Expect.LIST;
            case "condition.expectedListValue" -> Expect.LIST_VALUE;
            case "condition.expectedRParen" -> last != null && last.right() instanceof ValueList l
                    && l.span().end() == before.stripTrailing().length() ? Expect.LIST_VALUE : Expect.CONNECTOR;
            case "condition.unexpectedToken" -> Expect.CONNECTOR;
            case "condition.expectedTransformerArg", "condition.expectedTransformerListArg",
                    "condition.expectedValField" -> Expect.FIELD_ONLY;
            default -> Expect.NOTHING;
        };
        return new Analysis(expect, last);
    }

    /** The rightmost check of the tree (the one the cursor continues). */
    private static Check lastCheck(BoolExpr e) {
        if (e instanceof Check c) {
            return c;
        }
        if (e instanceof And a) {
            return lastCheck(a.children().get(a.children().size() - 1));
        }
        if (e instanceof Or o) {
            return lastCheck(o.children().get(o.children().size() - 1));
        }
        if (e instanceof Not n) {
            return lastCheck(n.child());
        }
        return null;
    }

    /**
     * Proposals for a cursor at the end of {@code prefix} (the condition text up to the cursor);
     * {@code word} is the half-typed word and {@code range} its range in the document.
     */
    static List<CompletionEntry> complete(Context ctx, String prefix, TextRange range) {
        if (ClauseStart.endsInQuotes(prefix)) {
            return List.of(); // text the user writes verbatim: a space typed there is not a new term
        }
        int start = wordStart(prefix, prefix.length());
        String word = prefix.substring(start);
        Analysis a = analyse(prefix.substring(0, start));
        Proposals out = new Proposals(range, word, ctx.locale());
        switch (a.expect()) {
            case CHECK -> {
                if (word.isEmpty() && ctx.newTerms() != null) {
                    return ctx.newTerms().at(new NewTermProposals.Key(ctx.catalog(), ctx.source(), ctx.macros(),
                            ctx.locale()), range, () -> {
                                macros(ctx, out, word);
                                return out.entries();
                            }, () -> {
                                Proposals others = new Proposals(range, word, ctx.locale());
                                notAndFields(ctx, others, word);
                                return others.entries();
                            });
                }
                macros(ctx, out, word);
                notAndFields(ctx, out, word);
            }
            case FIELD_ONLY -> transformerArguments(ctx, out, word, prefix.substring(0, start), a.check());
            case OPERATOR -> operators(ctx, a.check(), out);
            case VALUE -> values(ctx, a.check(), out, true);
            case LIST -> {
                out.add("( … )", CompletionEntry.Kind.SNIPPET, null, null, "(${1})", true, "0", false, null);
                lists(ctx, out);
            }
            case LIST_VALUE -> {
                lists(ctx, out);
                values(ctx, a.check(), out, false);
            }
            case CONNECTOR -> {
                out.keyword("and", "1");
                out.keyword("or", "2");
            }
            case NOTHING -> {
            }
        }
        return out.entries();
    }

    /**
     * Where a check starts: macros, then (see {@link #notAndFields}) {@code not}, transformers and
     * fields. Macros, fields and {@code not} share one bucket ordered by how often the official
     * rules use them.
     */
    private static void macros(Context ctx, Proposals out, String word) {
        if (word.indexOf('.') < 0) {
            for (String m : ctx.macros()) {
                if (!out.accepts(m)) {
                    continue; // its rank text is not built either
                }
                int count = USAGE.macro(m);
                out.add(m, CompletionEntry.Kind.MACRO, out.texts().get("kind.macro"), null, m, false,
                        COMMON + UsageFrequencies.inverted(count > 0 ? count : OWN_MACRO_COUNT), false,
                        new CompletionEntry.ResolveKey("macro", m, ctx.source()));
            }
        }
    }

    /** What may start a check besides a macro: {@code not}, the transformers and the fields. */
    private static void notAndFields(Context ctx, Proposals out, String word) {
        if (word.indexOf('.') < 0) {
            out.keyword("not", COMMON + UsageFrequencies.inverted(USAGE.keyword("not")));
            for (FieldTransformer t : FieldTransformer.values()) {
                if (t != FieldTransformer.VAL) {
                    out.add(t.text(), CompletionEntry.Kind.TRANSFORMER, out.texts().get("kind.transformer"),
                            null, t.text() + "(${1})", true, "4", false,
                            new CompletionEntry.ResolveKey("transformer", t.text(), null));
                }
            }
        }
        fields(ctx, out, word);
    }

    /**
     * Fields as the argument of the call the cursor is in: inside {@code tolower(}, {@code b64(}
     * and the other one-field transformers, only the fields that transformer accepts (the check
     * would refuse the others); anywhere else, every field.
     */
    private static void transformerArguments(Context ctx, Proposals out, String word, String before, Check check) {
        FieldTransformer t = enclosingCall(before);
        FieldRef left = ConditionToken.fieldOf(check);
        var lhs = left == null || check.operator() == null ? null : ctx.catalog().field(left.name()).orElse(null);
        if (t == null || t.isMultiValue() || (t == FieldTransformer.VAL && lhs == null)) {
            fields(ctx, out, word);
            return;
        }
        for (CompletionEntry e : FieldProposals.of(ctx.catalog(), ctx.source(), word, ctx.locale())) {
            var f = ctx.catalog().field(e.label());
            if (f.isEmpty()) {
                out.add(e);
                continue;
            }
            OperandType arg = new OperandType(f.get().type(), f.get().list(), f.get().flags());
            // val(x): a field the left side can be compared with; a transformer: a field it accepts
            boolean fits = t == FieldTransformer.VAL
                    ? Operators.checkRhsField(check.operator(), new OperandType(lhs.type(), lhs.list(), lhs.flags()),
                            left.name(), arg, e.label()).isEmpty()
                    : Transformers.check(t, List.of(arg), List.of(e.label()), false).isEmpty();
            if (fits) {
                out.add(e);
            }
        }
    }

    /** The transformer whose first argument the text ends in ({@code "x = tolower("}), or {@code null}. */
    static FieldTransformer enclosingCall(String before) {
        String t = before.stripTrailing();
        if (!t.endsWith("(")) {
            return null;
        }
        int end = t.length() - 1;
        int start = end;
        while (start > 0 && Character.isLetterOrDigit(t.charAt(start - 1))) {
            start--;
        }
        return FieldTransformer.fromText(t.substring(start, end)).orElse(null);
    }

    private static void fields(Context ctx, Proposals out, String word) {
        List<CompletionEntry> own = FieldProposals.of(ctx.catalog(), ctx.source(), word, ctx.locale());
        for (CompletionEntry e : own) {
            out.add(e);
        }
        if (own.isEmpty()) {
            otherSourcesFields(ctx, out, word);
        }
        eventArguments(ctx, out, word);
    }

    /** {@code ka.} in a rule whose {@code source:} is not typed yet: see {@link OtherSourceFields}. */
    private static void otherSourcesFields(Context ctx, Proposals out, String word) {
        if (!ctx.sourceOpen()) {
            return;
        }
        Map<String, CompletionEntry> proposals = new java.util.HashMap<>();
        OtherSourceFields.of(ctx.catalog(), word).forEach((field, sources) -> {
            for (CompletionEntry e : FieldProposals.of(ctx.catalog(), sources.get(0), word, ctx.locale())) {
                proposals.putIfAbsent(e.label(), e);
            }
            CompletionEntry e = proposals.get(field.name());
            if (e != null) {
                out.add(new CompletionEntry(e.label(), e.kind(), OtherSourceFields.detail(out.texts(), sources),
                        e.documentation(), e.insertText(), e.snippet(), e.replace(), e.sortText(), e.deprecated(),
                        e.resolve()));
            }
        });
    }

    /** After {@code evt.arg.} or {@code evt.rawarg.}: the names of the events' parameters. */
    private static void eventArguments(Context ctx, Proposals out, String word) {
        int dot = word.startsWith("evt.arg.") ? "evt.arg.".length() : word.startsWith("evt.rawarg.") ? "evt.rawarg.".length() : -1;
        if (dot < 0 || (ctx.source() != null && !"syscall".equals(ctx.source()))) {
            return;
        }
        String field = word.substring(0, dot - 1);
        String detail = out.texts().get("eventArgument.detail");
        for (String p : ctx.catalog().events().paramNames()) {
            String label = word.substring(0, dot) + p;
            out.add(label, CompletionEntry.Kind.FIELD, detail, null, label, false, "5_" + p, false,
                    new CompletionEntry.ResolveKey("field", field, ctx.source()));
        }
    }

    /** Sort key of a field: by use in the official rules; hidden, then deprecated fields last. */
    static String fieldRank(FieldInfo f) {
        if (f.has(FieldFlag.DEPRECATED)) {
            return "7";
        }
        return f.isHidden() ? "6" : COMMON + UsageFrequencies.inverted(USAGE.field(f.name()));
    }

    /** A field that needs an argument gets a snippet for it: {@code proc.aname[${1}]}, {@code evt.arg.${1}}. */
    static String insertText(FieldInfo f) {
        if (f.argument().presence() != ArgumentSpec.Presence.REQUIRED) {
            return f.name();
        }
        return f.argument().form().style().allowsBracket() ? f.name() + "[${1}]" : f.name() + ".${1}";
    }

    private static void operators(Context ctx, Check check, Proposals out) {
        Set<Operator> allowed = Set.of(Operator.values());
        FieldRef f = ConditionToken.fieldOf(check);
        String source = ctx.source() == null ? SourceScope.SYSCALL : ctx.source();
        if (f != null) {
            Resolution r = ctx.catalog().resolve(source, f);
            if (r instanceof Resolution.WrongSource wrong) {
                // a plugin's field in a rule whose source: is not typed yet: the operators its type takes
                r = ctx.catalog().resolve(wrong.validSources().iterator().next(), f);
            }
            if (r instanceof Resolution.Resolved res) {
                allowed = Operators.allowed(res.operandType());
                if (res.operandType().type().group() == dev.falconer.catalog.FieldType.Group.STRING) {
                    // '<' and the like take a number after them in Falco's grammar: no question to ask a name
                    allowed = allowed.stream().filter(op -> op.kind() != Operator.Kind.NUMERIC)
                            .collect(java.util.stream.Collectors.toUnmodifiableSet());
                }
            }
        } else if (check != null && check.left() instanceof Transformer t) {
            // what the transformer makes: len() a number, tolower() a string of its field's kind
            OperandType made = OperandTyping.of(t, ref -> ctx.catalog().resolve(source, ref)
                    instanceof Resolution.Resolved res ? res.operandType() : null);
            if (made != null) {
                allowed = Operators.allowed(made);
            }
        }
        for (Operator op : Operator.values()) {
            if (allowed.contains(op)) {
                out.add(op.text(), CompletionEntry.Kind.OPERATOR, out.texts().get("kind.operator"), null,
                        op == Operator.IN || op == Operator.INTERSECTS || op == Operator.PMATCH ? op.text() + " (${1})"
                                : op.text(),
                        op.kind() == Operator.Kind.LIST, UsageFrequencies.inverted(USAGE.operator(op.text())), false,
                        new CompletionEntry.ResolveKey("operator", op.text(), null));
            }
        }
    }

    private static void values(Context ctx, Check check, Proposals out, boolean modifiers) {
        if (check == null) {
            return;
        }
        FieldRef f = ConditionToken.fieldOf(check);
        if (modifiers && check.operator() != null && check.operator().kind() == Operator.Kind.STRING
                && check.modifier() == null) {
            for (Modifier m : Modifier.values()) {
                out.add(m.text(), CompletionEntry.Kind.MODIFIER, out.texts().get("kind.modifier"), null,
                        m.text() + " (${1})", true, "5", false,
                        new CompletionEntry.ResolveKey("modifier", m.text(), null));
            }
        }
        if (f == null) {
            return;
        }
        Resolution r = ctx.catalog().resolve(ctx.source() == null ? SourceScope.SYSCALL : ctx.source(), f);
        if ("evt.type".equals(f.name()) && f.argument() == null) {
            if (!(r instanceof Resolution.Resolved)) {
                return; // a plugin source has no evt.type: the checks say so, completion offers nothing
            }
            for (String type : ctx.catalog().events().eventTypes()) {
                if (!out.accepts(type)) {
                    continue;
                }
                out.add(type, CompletionEntry.Kind.EVENT_TYPE, out.texts().get("kind.eventType"), null, type, false,
                        "3" + UsageFrequencies.inverted(USAGE.eventType(type)), false,
                        new CompletionEntry.ResolveKey("eventType", type, null));
            }
            return;
        }
        if (r instanceof Resolution.Resolved res && res.operandType().type() == FieldType.BOOL) {
            out.add("true", CompletionEntry.Kind.VALUE, null, out.texts().get("completion.value.true"), "true", false,
                    "3", false, null);
            out.add("false", CompletionEntry.Kind.VALUE, null, out.texts().get("completion.value.false"), "false",
                    false, "3", false, null);
        }
    }

    private static void lists(Context ctx, Proposals out) {
        for (String l : ctx.lists()) {
            out.add(l, CompletionEntry.Kind.LIST, out.texts().get("kind.list"), null, l, false, "1", false,
                    new CompletionEntry.ResolveKey("list", l, null));
        }
    }

    /** Collects proposals that match the half-typed word, with a relevance rank in the sort text. */
    static final class Proposals {
        private final TextRange range;
        private final String word;
        private final Texts texts;
        private final List<CompletionEntry> entries = new ArrayList<>();

        Proposals(TextRange range, String word, Locale locale) {
            this.range = range;
            this.word = word;
            this.texts = Texts.of(Docs.BUNDLE, locale);
        }

        Texts texts() {
            return texts;
        }

        void keyword(String kw, String rank) {
            add(kw, CompletionEntry.Kind.KEYWORD, null, texts.get("completion.keyword." + kw), kw, false, rank, false,
                    null);
        }

        /** Whether a proposal labelled {@code label} is kept: it starts with the word typed so far. */
        boolean accepts(String label) {
            return word.isEmpty() || label.startsWith(word);
        }

        void add(String label, CompletionEntry.Kind kind, String detail, String doc, String insert, boolean snippet,
                String rank, boolean deprecated, CompletionEntry.ResolveKey resolve) {
            if (!accepts(label)) {
                return;
            }
            entries.add(new CompletionEntry(label, kind, detail, doc, insert, snippet, range, rank + "_" + label,
                    deprecated, resolve));
        }

        /** A proposal built without a range (see {@link FieldProposals}): placed at this request's word. */
        void add(CompletionEntry e) {
            if (accepts(e.label())) {
                entries.add(new CompletionEntry(e.label(), e.kind(), e.detail(), e.documentation(), e.insertText(),
                        e.snippet(), range, e.sortText(), e.deprecated(), e.resolve()));
            }
        }

        /** The proposals, most relevant first. */
        List<CompletionEntry> entries() {
            return entries.stream().sorted(java.util.Comparator.comparing(CompletionEntry::sortText)).toList();
        }
    }
}

package dev.falconer.check;

import dev.falconer.condition.AstWalker;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Span;
import dev.falconer.condition.SyntaxError;
import dev.falconer.condition.Value;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.FalcoScalars;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.FalcoConditions;
import dev.falconer.workspace.ListSubstitution;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.SourcedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Conditions as Falco compiles them (spec §1.1, §2.11): every macro and rule text after
 * exception expansion and list substitution is parsed (syntax errors, bracketed lists), its
 * macro references resolved with Falco's visibility order, defined lists used without
 * parentheses found on the original text, and its fields compiled for the event source of every
 * rule that uses it ({@link ConditionChecker}).
 */
final class ConditionValidator implements Validator {

    @Override
    public void validate(CheckContext ctx) {
        for (EffectiveMacro m : ctx.candidates().macros()) {
            if (ctx.replayed(CheckUnits.Kind.MACRO_CONDITION, m.name(), m.contributions())) {
                continue;
            }
            FalcoConditions.Substituted s = ctx.snapshot().falco().macroCondition(m.name());
            SourcedText text = s.text();
            List<Object> inputs = java.util.Arrays.asList(text.text(), m.condition().text());
            // blank is not empty: Falco parses "  " and fails (an empty value is a key error instead)
            if (!ctx.touchesWanted(text) || text.text().isEmpty()) {
                ctx.unreported(CheckUnits.Kind.MACRO_CONDITION, m.name(), inputs, m.contributions(), s.usedLists(), text);
                continue;
            }
            ctx.unit(CheckUnits.Kind.MACRO_CONDITION, m.name(), inputs, m.contributions(), s.usedLists(), text,
                    u -> macro(u, m, text));
        }
        for (EffectiveRule r : ctx.candidates().rules()) {
            if (r.condition() == null || ctx.replayed(CheckUnits.Kind.RULE_CONDITION, r.name(), r.contributions())) {
                continue;
            }
            FalcoConditions.Substituted s = ctx.snapshot().falco().ruleCondition(r.name());
            SourcedText text = s.text();
            // the load order decides the later-file check: a unit kept under another order does not hold
            List<Object> inputs = java.util.Arrays.asList(text.text(), r.condition().text(), r.source(), ctx.loadOrderKey());
            // a rule of a source Falco does not load is skipped whole: its condition is never parsed
            if (!ctx.touchesWanted(text) || r.condition().text().isEmpty() || !ctx.checksSource(r.source())) {
                ctx.unreported(CheckUnits.Kind.RULE_CONDITION, r.name(), inputs, r.contributions(), s.usedLists(), text);
                continue;
            }
            ctx.unit(CheckUnits.Kind.RULE_CONDITION, r.name(), inputs, r.contributions(), s.usedLists(), text,
                    u -> rule(u, r, text));
        }
    }

    private static void macro(CheckContext ctx, EffectiveMacro m, SourcedText text) {
        Location owner = owner(m.contributions());
        Checked checked = parse(ctx, text, m.condition(), owner);
        macroRefs(ctx, checked, m.name(), null);
        List<String> sources = ctx.macroSourcesOf(m.name());
        if (sources.isEmpty()) {
            fields(ctx, checked, FieldScope.ANY, ConditionChecker.Leniency.UNCOMPILED);
        }
        for (String source : sources) {
            fields(ctx, checked, new FieldScope(source), ConditionChecker.Leniency.NONE);
        }
    }

    private static void rule(CheckContext ctx, EffectiveRule r, SourcedText text) {
        // the text before lists are pasted includes the exceptions: a list misused in an exception's
        // values is reported at its name there, not as a syntax error inside the list (QA round 18)
        // (only when the pasted text fails: that is what such a misuse does, and the longer text costs a parse)
        SourcedText original = r.exceptions().isEmpty() || ctx.parse(text.text()).ok() ? r.condition()
                : dev.falconer.workspace.ExceptionExpansion.expand(r.condition(), r.exceptions());
        Checked checked = parse(ctx, text, original, owner(r.contributions()));
        macroRefs(ctx, checked, null, r.contributions());
        fields(ctx, checked, new FieldScope(r.source()),
                skipIfUnknown(r) ? ConditionChecker.Leniency.SKIP_IF_UNKNOWN : ConditionChecker.Leniency.NONE);
        ForeignMacroFields.check(ctx, checked, r, skipIfUnknown(r));
    }

    /** A parsed condition ready for checks: the AST, the text its spans point into, where checks stop. */
    record Checked(BoolExpr root, SourcedText text, int validBefore) {
    }

    private static Checked parse(CheckContext ctx, SourcedText text, SourcedText original, Location owner) {
        ConditionSyntax.Result r = ConditionSyntax.parse(ctx, text.text());
        for (Span b : r.brackets()) {
            Location at = CheckContext.locate(text, b.start(), b.end());
            // on one line: a break inside a block scalar is the block's, and a replacement that
            // keeps it loses the block's indentation (QA round 18: the file broke)
            String inner = text.text().substring(b.start() + 1, b.end() - 1).replaceAll("[ \t]*\r?\n[ \t]*", " ");
            ctx.sink().suggest(DiagnosticCode.LIST_LITERAL, at, List.of("(" + inner + ")"), "list.brackets",
                    "[" + inner + "]", "(" + inner + ")");
        }
        ConditionSyntax.Result orig = ConditionSyntax.parse(ctx, original.text());
        if (listMisuses(ctx, original, orig, r.error() == null)) {
            // the substituted text fails (or names macros that are list items) because of a list
            // pasted where it does not fit: reported at the list's name, the rest checked as written
            return new Checked(orig.parsed().root(), original, orig.validBefore());
        }
        if (r.error() != null) {
            syntaxError(ctx, text, r.error(), owner);
        }
        return new Checked(r.parsed().root(), text, r.validBefore());
    }

    private static void syntaxError(CheckContext ctx, SourcedText text, SyntaxError e, Location owner) {
        int start = e.span().start();
        int end = e.span().end();
        java.util.regex.Matcher joiner = LEADING_JOINER.matcher(text.text());
        if (joiner.lookingAt() && start >= joiner.end(1)) {
            // the fragment of an append written as a definition of its own (QA round 25)
            Location at = CheckContext.locate(text, joiner.start(1), joiner.end(1));
            ctx.sink().add(DiagnosticCode.CONDITION_SYNTAX, at != null ? at : owner, "syntax.leadingJoiner",
                    joiner.group(1));
            return;
        }
        Span call = callBefore(text.text(), e);
        if (call != null) {
            // "val(x) = y", "tolower (x) = y": the parser read a name and then a '('; say what was meant
            String name = call.textOf(text.text());
            boolean blank = call.end() < start;
            Location loc = CheckContext.locate(text, call.start(), call.end());
            ctx.sink().add(DiagnosticCode.CONDITION_SYNTAX, loc != null ? loc : owner,
                    blank ? "syntax.transformerBlank" : "syntax.valOnTheLeft", name);
            return;
        }
        if (listInList(text.text(), start)) {
            Location at = CheckContext.locate(text, start, start + 1);
            ctx.sink().add(DiagnosticCode.CONDITION_SYNTAX, at != null ? at : owner, "syntax.listInList");
            return;
        }
        int content = text.text().stripTrailing().length();
        if (content == 0) {
            // a blank condition: the blanks themselves are what is wrong
            start = 0;
            end = text.text().length();
        } else if (start == end && start >= content) {
            // "unexpected end": on the last token written (the dangling "and"), not on the next YAML line
            end = content;
            start = content;
            while (start > 0 && !Character.isWhitespace(text.text().charAt(start - 1))
                    && "()".indexOf(text.text().charAt(start - 1)) < 0) {
                start--;
            }
            start = start == end && end > 0 ? end - 1 : start;
        }
        Location at = CheckContext.locate(text, start, end);
        ctx.sink().add(DiagnosticCode.CONDITION_SYNTAX, at != null ? at : owner, e.key(), e.args().toArray());
    }

    /**
     * Whether a syntax error stops at a {@code (} that opens an item of a value list: {@code in
     * ((a, b))}, {@code in (a, (b))}. A single-field exception with {@code values: [(a, b)]}
     * makes the first: Falco puts the values in parentheses itself.
     */
    static boolean listInList(String text, int at) {
        // the outer '(' opens a list only after a list operator (not val((x)), not ((((... too deep)
        return at < text.length() && text.charAt(at) == '(' && inValueList(text, at);
    }

    /**
     * Where a syntax error stops at a {@code (} that follows {@code val} or a transformer's name
     * (blanks between allowed): the name's span, else {@code null}. Falco reads the name as a macro
     * or a bare value there: {@code val(x)} where a check starts, or a blank before the {@code (}.
     */
    static Span callBefore(String text, SyntaxError e) {
        int at = e.span().start();
        if (at >= text.length() || text.charAt(at) != '(') {
            return null;
        }
        int end = at;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        return isCallName(text.substring(start, end))
                && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) && text.charAt(start - 1) != '.')
                && !inValueList(text, start) ? Span.of(start, end) : null;
    }

    private static final Set<String> LIST_OPENERS = Set.of("in", "intersects", "pmatch", "oneof", "anyof", "allof");

    /**
     * True when {@code at} follows a {@code ,} or the {@code (} of a value list: a call there is
     * the plain syntax error Falco reports (a list holds values only), not one on a check's left.
     */
    private static boolean inValueList(String text, int at) {
        int i = at;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i > 0 && text.charAt(i - 1) == ',') {
            return true;
        }
        if (i == 0 || text.charAt(i - 1) != '(') {
            return false;
        }
        int end = i - 1;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return LIST_OPENERS.contains(text.substring(start, end));
    }

    /** {@code val} or a transformer: the names that take a {@code (} right after them. */
    private static boolean isCallName(String name) {
        return "val".equals(name) || dev.falconer.catalog.FieldTransformer.fromText(name).isPresent();
    }

    /** True when a macro reference is really a call ({@code val (…)}, {@code tolower (…)}) reported as a syntax error. */
    private static boolean isCall(Checked c, MacroRef ref) {
        String t = c.text().text();
        int i = ref.span().end();
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i < t.length() && t.charAt(i) == '(' && isCallName(ref.name());
    }

    /**
     * Defined lists pasted where their items do not fit (Falco substitutes a list's name by its
     * items as text before parsing, spec §1.1): after {@code in} without parentheses, after an
     * operator that takes one value, or where a condition is expected. Reported at the name in the
     * condition as written ({@code original}, parsed into {@code orig}); the substituted text's
     * own error would point into the list's items, often in another file. True when Falco's
     * parse would fail or would look for the items as macros.
     */
    private static boolean listMisuses(CheckContext ctx, SourcedText original, ConditionSyntax.Result orig,
                                       boolean substitutedParses) {
        BoolExpr root = orig.parsed().root();
        if (root == null) {
            return false;
        }
        int validBefore = orig.validBefore();
        boolean[] errors = {false};
        AstWalker.walk(root, node -> {
            if (node.span().end() > validBefore) {
                return;
            }
            if (node instanceof Value v && v.kind() == Value.Kind.QUOTED) {
                listsInString(ctx, original, v);
                return;
            }
            if (node instanceof MacroRef ref) {
                int items = listArity(ctx, ref.name());
                // one item naming a macro pastes a macro reference: valid, if odd; one naming a field,
                // where Falco's text then parses, pastes a field before its operator (QA: "fld = bash"
                // with fld holding proc.name is "proc.name = bash" to Falco)
                if (items >= 0 && !(items == 1 && (pastesAMacro(ctx, ref.name())
                        || substitutedParses && pastesAField(ctx, ref.name())))) {
                    add(ctx, original, ref.span(), DiagnosticCode.CONDITION_SYNTAX, null, "list.asCondition",
                            ref.name());
                    errors[0] = true;
                }
                return;
            }
            if (!(node instanceof Check c) || c.operator() == null || c.operator().kind() == Operator.Kind.UNARY
                    || !(c.right() instanceof Value v) || (v.kind() != Value.Kind.IDENTIFIER && v.kind() != Value.Kind.BARE)) {
                return;
            }
            int items = listArity(ctx, v.text());
            if (items < 0) {
                return;
            }
            if (c.operator().kind() == Operator.Kind.LIST) {
                add(ctx, original, v.span(), DiagnosticCode.LIST_NOT_PARENTHESIZED, items == 1 ? Severity.HINT : null,
                        items == 1 ? "list.bareOneItem" : "list.bare", v.text(), String.valueOf(items));
                errors[0] |= items != 1;
            } else if (items != 1) {
                // one item pasted after "=" is a plain value (legal); more are a list where one value goes
                add(ctx, original, v.span(), DiagnosticCode.LIST_NOT_PARENTHESIZED, null,
                        items == 0 ? "list.pastedEmpty" : "list.pasted", v.text(), String.valueOf(items),
                        c.operator().text());
                errors[0] = true;
            }
        });
        return errors[0];
    }

    /**
     * Defined list names inside a quoted string (see {@link ListSubstitution#inQuotedString}):
     * Falco's textual substitution replaces them there too, so {@code contains "run shells now"}
     * compares with {@code run bash, sh, zsh now}, which is seldom what was meant. The string as
     * Falco compares it is in the message.
     */
    private static void listsInString(CheckContext ctx, SourcedText original, Value v) {
        // the string as written: Falco substitutes before it reads escapes ("a\\nshells b" is no blank before the name)
        String raw = original.text().substring(v.span().start() + 1, Math.max(v.span().start() + 1, v.span().end() - 1));
        ListSubstitution.InString found = listsIn(ctx, raw);
        if (!found.names().isEmpty()) {
            add(ctx, original, v.span(), DiagnosticCode.LIST_IN_STRING, null, "list.inString",
                    String.join(", ", found.names()), found.substituted());
        }
    }

    /** The defined lists a quoted string's {@code content} names where Falco substitutes them, and the string after. */
    static ListSubstitution.InString listsIn(CheckContext ctx, String content) {
        return ListSubstitution.inQuotedString(content, word -> listArity(ctx, word) < 0 ? null
                : ctx.snapshot().falco().compiledItems(word).stream().map(SourcedText::text).toList());
    }

    /** True when the list's one item reads as a field's name (Falco's fields all have a dot). */
    private static boolean pastesAField(CheckContext ctx, String list) {
        var items = ctx.snapshot().falco().compiledItems(list);
        return items.size() == 1 && items.get(0).text().strip().indexOf('.') > 0;
    }

    /** True when the list's one item is the name of a macro (the pasted text is then a macro reference). */
    private static boolean pastesAMacro(CheckContext ctx, String list) {
        var items = ctx.snapshot().falco().compiledItems(list);
        return items.size() == 1 && ctx.snapshot().merged().macros().containsKey(items.get(0).text().strip());
    }

    /**
     * The number of items of the defined list {@code name}, or -1 when no list has that name.
     * Asked for nearly every bare value: most are no list, which the merged names tell without a
     * recorded read (the substituted text, an input of every unit, changes with the lists anyway).
     */
    private static int listArity(CheckContext ctx, String name) {
        if (!ctx.snapshot().merged().lists().containsKey(name)) {
            return -1;
        }
        return ctx.<Integer>read(WorkspaceRead.of(WorkspaceRead.Kind.LIST_ARITY, name));
    }

    private static void add(CheckContext ctx, SourcedText original, Span span, DiagnosticCode code, Severity severity,
                            String key, String... args) {
        Location at = CheckContext.locate(original, span.start(), span.end());
        if (at != null) {
            ctx.sink().add(code, severity, null, at.uri(), at.span(), key, List.of(args), List.of());
        }
    }

    /**
     * Macro references: defined at all, and (from a macro) defined before the referring macro's
     * last definition. {@code from} is the referring macro, {@code null} for a rule.
     */
    /** A condition that starts with {@code and}/{@code or}: what an append adds, not a condition. */
    private static final java.util.regex.Pattern LEADING_JOINER = java.util.regex.Pattern.compile("\\s*(and|or)(?=[\\s(])");

    /** The condition's own words, which the parser reads as a name where a term is due. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

    private static void macroRefs(CheckContext ctx, Checked c, String from, List<Definition> rule) {
        // text added by the assembly only: nowhere to report (placed only for a problem: placing
        // builds the text's source map, most of a file's first check where nothing is wrong)
        if (c.root() == null || !c.text().locatable()) {
            return;
        }
        AstWalker.walkOutsideLists(c.root(), node -> {
            if (!(node instanceof MacroRef ref) || ref.span().end() > c.validBefore()) {
                return;
            }
            MacroRefs.Answer found = ctx.read(new WorkspaceRead(WorkspaceRead.Kind.MACRO_REF, ref.name(), from));
            if (found.defined() && found.hiddenAt() == null) {
                if (rule != null && ctx.settings().loadOrderKnown() && definedLater(ctx, found, rule)) {
                    laterFile(ctx, c, ref, found.firstUri());
                }
                return;
            }
            if (!found.defined() && listArity(ctx, ref.name()) >= 0) {
                return; // a list's name in the text as written: reported by listMisuses
            }
            if (!found.defined() && isCall(c, ref)) {
                return; // reported as the syntax error it is
            }
            if (!found.defined() && KEYWORDS.contains(ref.name()) && c.validBefore() < c.text().text().length()) {
                // 'or proc.name = x' (an append written without override): Falco's parser reads the 'or'
                // as a name and fails on what follows, before any macro is looked up (QA round 25). A
                // condition that parses ('a and not') does look 'not' up, and fails there (spec §1, note 6).
                return;
            }
            Location at = CheckContext.locate(c.text(), ref.span().start(), ref.span().end());
            if (!found.defined()) {
                List<String> close = found.closest();
                if (close.isEmpty()) {
                    ctx.sink().add(DiagnosticCode.UNKNOWN_MACRO, at, "macro.undefined", ref.name());
                } else {
                    ctx.sink().suggest(DiagnosticCode.UNKNOWN_MACRO, at, close.subList(0, 1), "macro.undefinedDidYouMean",
                            ref.name(), close.get(0));
                }
            } else {
                Diagnostic.Related rel = ctx.sink().related(found.hiddenAt(), "related.macroDefinedHere", ref.name());
                ctx.sink().add(DiagnosticCode.UNKNOWN_MACRO, null, null, at.uri(), at.span(), "macro.notVisible",
                        List.of(ref.name()), rel == null ? List.of() : List.of(rel));
            }
        });
    }

    /**
     * Falco compiles the collection after each file it loads (spec §2.11): a rule may name a macro
     * defined later in its own file, but not one first defined in a later file. Cheap test first:
     * the macro comes no later than the rule's first file.
     */
    private static boolean definedLater(CheckContext ctx, MacroRefs.Answer found, List<Definition> rule) {
        int earliest = Integer.MAX_VALUE;
        for (Definition d : rule) {
            earliest = Math.min(earliest, ctx.loadOrder(d.uri()));
        }
        return found.firstUri() != null && ctx.loadOrder(found.firstUri()) > earliest;
    }

    /** Reports the reference when its own text comes from a file loaded before the macro's. */
    private static void laterFile(CheckContext ctx, Checked c, MacroRef ref, String macroUri) {
        Location at = CheckContext.locate(c.text(), ref.span().start(), ref.span().end());
        if (at != null && ctx.loadOrder(macroUri) > ctx.loadOrder(at.uri())) {
            String file = macroUri.substring(macroUri.lastIndexOf('/') + 1);
            ctx.sink().add(DiagnosticCode.UNKNOWN_MACRO, at, "macro.laterFile", ref.name(), file);
        }
    }

    private static void fields(CheckContext ctx, Checked c, FieldScope scope, ConditionChecker.Leniency leniency) {
        if (c.root() != null) {
            new ConditionChecker(ctx, c.text(), scope, leniency, c.validBefore()).check(c.root());
        }
    }

    /** The effective {@code skip-if-unknown-filter}: the last entry of the rule that sets it. */
    static boolean skipIfUnknown(EffectiveRule r) {
        return flag(r, "skip-if-unknown-filter", false);
    }

    static boolean flag(EffectiveRule r, String key, boolean fallback) {
        boolean value = fallback;
        for (Definition d : r.contributions()) {
            if (d.item() instanceof RuleItem item) {
                YamlEntry e = item.mapping().get(key);
                if (e != null) {
                    value = FalcoScalars.bool(e.text()).orElse(value);
                }
            }
        }
        return value;
    }

    /** Where to report a problem that has no better place: the name of the item's first definition. */
    static Location owner(List<Definition> contributions) {
        List<Definition> defs = new ArrayList<>(contributions);
        return defs.isEmpty() ? null : defs.get(0).nameLocation();
    }
}

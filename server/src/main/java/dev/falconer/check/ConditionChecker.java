package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldFlag;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.OperandType;
import dev.falconer.catalog.Operators;
import dev.falconer.catalog.Problem;
import dev.falconer.catalog.Releases;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.Values;
import dev.falconer.condition.AstWalker;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operand;
import dev.falconer.condition.Operator;
import dev.falconer.condition.Span;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.Value;
import dev.falconer.condition.ValueList;
import dev.falconer.output.FieldSyntax;
import dev.falconer.rules.NameRules;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.SourcedText;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What libsinsp's compiler checks in a parsed condition (spec §1.4–§1.6, §1.9): fields for the
 * source, arguments, operators for the field type and list-ness, constants for the type, event
 * type names, transformers, {@code val()}, plus Falco's warnings (unsafe {@code <NA>}, regexes
 * that could be plain operators, field names used as strings) and ours (a near-miss list name,
 * deprecated fields, features newer than the file's required engine version).
 *
 * <p>Spans of the AST are offsets into {@code text}, the text Falco parses; each finding is
 * mapped back to the original file through the text's provenance.
 */
final class ConditionChecker {
    private static final Set<Operator> NA_OPERATORS = EnumSet.of(Operator.EQ, Operator.EQEQ, Operator.NE, Operator.IN,
            Operator.INTERSECTS, Operator.PMATCH);
    private static final Set<DiagnosticCode> UNKNOWN_FILTER = EnumSet.of(DiagnosticCode.UNKNOWN_FIELD,
            DiagnosticCode.UNKNOWN_EVTTYPE);

    private final CheckContext ctx;
    private final SourcedText text;
    private final FieldScope scope;
    private final Leniency leniency;
    private final int validBefore;
    /** Findings offered so far (placed or not): tells which values of a list had something to report. */
    private int reports;

    /** How Falco treats what this checker finds. */
    enum Leniency {
        /** Load errors, as compiling a rule's condition finds them. */
        NONE,
        /** The rule has {@code skip-if-unknown-filter: true}: unknown fields and event types are LOAD_UNKNOWN_FILTER warnings. */
        SKIP_IF_UNKNOWN,
        /**
         * A macro no rule uses: Falco compiles a macro only inside the rules that use it, so it
         * never sees these; warnings (the macro's own LOAD_UNUSED_MACRO says why).
         */
        UNCOMPILED
    }

    /**
     * @param validBefore nodes ending after this offset were recovered past a syntax error and are not checked
     */
    ConditionChecker(CheckContext ctx, SourcedText text, FieldScope scope, Leniency leniency, int validBefore) {
        this.ctx = ctx;
        this.text = text;
        this.scope = scope;
        this.leniency = leniency;
        this.validBefore = validBefore;
    }

    void check(BoolExpr root) {
        AstWalker.walkOutsideLists(root, node -> {
            if (node.span().end() > validBefore) {
                return;
            }
            if (node instanceof Check c) {
                check(c);
            } else if (node instanceof Exists e) {
                operand(e.left());
            }
        });
    }

    /** Checks one operand standing alone (an exception field, an output token); its type or empty. */
    Optional<OperandType> operandType(Operand operand) {
        return Optional.ofNullable(operand(operand));
    }

    private void check(Check c) {
        OperandType lhs = operand(c.left());
        if (lhs == null || c.operator() == null) {
            return;
        }
        Resolution.Resolved field = c.left() instanceof FieldRef f ? resolved(f) : null;
        Optional<Problem> opProblem = field != null ? Operators.check(field, c.operator(), c.modifier())
                : Operators.check(lhs, c.operator(), c.modifier());
        if (opProblem.isPresent()) {
            boolean modifierProblem = opProblem.get().kind().name().startsWith("MODIFIER");
            report(DiagnosticCode.OPERATOR_TYPE, modifierProblem && c.modifierSpan() != null ? c.modifierSpan()
                    : c.operatorSpan(), opProblem.get());
            return;
        }
        since(c.operatorSpan(), c.operator().text(), Operators.since(c.operator()));
        if (c.modifier() != null) {
            since(c.modifierSpan(), c.modifier().text(), Operators.since(c.modifier()));
        }
        if (c.right() instanceof Value v) {
            listNameNearMiss(c.operator(), v);
            value(c, lhs, field, v);
        } else if (c.right() instanceof ValueList list) {
            values(c, lhs, field, list.values());
        } else if (c.right() instanceof Transformer t) {
            OperandType rhs = transformer(t);
            if (rhs != null) {
                String lhsName = c.left() instanceof FieldRef f ? f.fullName() : "";
                String rhsName = t.isVal() && !t.args().isEmpty() && t.args().get(0) instanceof FieldRef rf
                        ? rf.fullName() : t.name();
                Operators.checkRhsField(c.operator(), lhs, lhsName, rhs, rhsName)
                        .ifPresent(p -> report(DiagnosticCode.VAL_MISUSE, t.span(), p));
            }
        }
    }

    /** The values of a list; those of a long list that was checked so before and found clean are not checked again. */
    private void values(Check c, OperandType lhs, Resolution.Resolved field, List<Value> values) {
        LongListChecks kept = values.size() >= LongListChecks.MIN_VALUES ? ctx.longLists() : null;
        if (kept == null) {
            for (Value v : values) {
                listNameNearMiss(c.operator(), v);
                value(c, lhs, field, v);
            }
            return;
        }
        LongListChecks.Context context = new LongListChecks.Context(ctx.catalog(), scope,
                leniency, c.left() instanceof FieldRef f ? f.fullName() : c.left(), field, lhs, c.operator(),
                c.modifier());
        BitSet known = kept.reported(context, values);
        BitSet found = known == null ? new BitSet() : null;
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            listNameNearMiss(c.operator(), v); // reads the workspace's lists: not the same from run to run
            if (known == null || known.get(i)) {
                int before = reports;
                value(c, lhs, field, v);
                if (found != null && reports != before) {
                    found.set(i);
                }
            }
        }
        if (found != null) {
            kept.remember(context, values, found);
        }
    }

    private void value(Check c, OperandType lhs, Resolution.Resolved field, Value v) {
        Operator op = c.operator();
        Optional<Problem> p = field != null ? Values.check(field, op, v.text(), ctx.catalog().events())
                : Values.check(lhs, op, v.text());
        if (p.isPresent() && p.get().kind() == Problem.Kind.VALUE_UNKNOWN_EVENT_TYPE) {
            pluginEventOrUnknown(v, p.get());
        } else if (p.isPresent()) {
            report(DiagnosticCode.VALUE_TYPE, v.span(), p.get());
        }
        Optional<String> badRegex = op == Operator.REGEX ? RegexPatterns.invalid(v.text()) : Optional.empty();
        if (badRegex.isPresent()) {
            report(DiagnosticCode.VALUE_TYPE, v.span(), badRegex.get(), v.text());
        } else if (op == Operator.REGEX && RegexPatterns.couldBeSimpler(v.text())) {
            report(DiagnosticCode.REGEX_SIMPLER, v.span(), "warn.regexSimpler", v.text());
        }
        fieldAsValue(v, c.right() == v && op.kind() != Operator.Kind.LIST);
        if (c.left() instanceof FieldRef f && (f.name().startsWith("ka.") || f.name().startsWith("jevt."))
                && NA_OPERATORS.contains(op) && c.modifier() == null && "<NA>".equals(v.text())) {
            report(DiagnosticCode.UNSAFE_NA, v.span(), "warn.unsafeNa", f.fullName());
        }
    }

    /**
     * An evt.type name that is no syscall event may be an async event of a plugin whose fields
     * apply here (spec §6): valid, with the plugin-field hint while the plugin is not loaded.
     */
    private void pluginEventOrUnknown(Value v, Problem unknown) {
        String source = scope.isAny() ? "syscall" : scope.source();
        Optional<String> plugin = ctx.catalog().pluginEvent(source, v.text());
        if (plugin.isEmpty()) {
            List<String> close = Names.closest(v.text(), ctx.catalog().events().eventTypes());
            if (close.isEmpty()) {
                report(DiagnosticCode.UNKNOWN_EVTTYPE, v.span(), unknown);
            } else {
                suggest(DiagnosticCode.UNKNOWN_EVTTYPE, v.span(), close.subList(0, 1), "evttype.unknownDidYouMean",
                        v.text(), close.get(0));
            }
        } else if (!ctx.catalog().loadedPlugins().contains(plugin.get())) {
            report(DiagnosticCode.PLUGIN_FIELD, v.span(), "evttype.pluginEvent", v.text(), plugin.get());
        }
    }

    /** libs warns when a constant is exactly a field or a transformer call: a {@code val()} was probably meant. */
    private void fieldAsValue(Value v, boolean alone) {
        if (v.kind() == Value.Kind.NUMBER || v.kind() == Value.Kind.HEX) {
            return;
        }
        String t = v.text().replace(" ", "");
        int paren = t.indexOf('(');
        if (paren > 0 && t.endsWith(")") && FieldTransformer.fromText(t.substring(0, paren)).isPresent()) {
            report(DiagnosticCode.FIELD_AS_VALUE, v.span(), "warn.transformerAsValue", v.text());
            return;
        }
        if (t.indexOf('.') <= 0 || !FieldSyntax.isFieldText(t)) {
            return;
        }
        // an exact field name only: resolving arbitrary dotted text (host names, file names) would
        // compute "did you mean" suggestions for nothing
        String name = t.indexOf('[') > 0 ? t.substring(0, t.indexOf('[')) : t;
        String source = scope.isAny() ? "syscall" : scope.source();
        if (ctx.catalog().field(source, name).isPresent()
                && ctx.catalog().resolveText(source, t) instanceof Resolution.Resolved) {
            if (alone) {
                // the fix the message names; val() is not allowed inside a list
                suggest(DiagnosticCode.FIELD_AS_VALUE, v.span(), List.of("val(" + t + ")"), "warn.fieldAsValue", v.text());
            } else {
                // inside a list val() is not allowed: the message must not suggest it
                report(DiagnosticCode.FIELD_AS_VALUE, v.span(), "warn.fieldAsValueInList", v.text());
            }
        }
    }

    /** A bare word after in/intersects/pmatch that is no list but nearly the name of one is taken literally. */
    private void listNameNearMiss(Operator op, Value v) {
        if (op.kind() != Operator.Kind.LIST || (v.kind() != Value.Kind.BARE && v.kind() != Value.Kind.IDENTIFIER)) {
            return;
        }
        String name = v.text();
        if (!NameRules.isMacroName(name)) {
            return;
        }
        ctx.nearMissList(name).ifPresent(list -> suggest(DiagnosticCode.UNKNOWN_LIST, v.span(), List.of(list),
                "list.nearMiss", name, list));
    }

    private OperandType operand(Operand o) {
        if (o instanceof FieldRef f) {
            return field(f);
        }
        if (o instanceof Transformer t) {
            return transformer(t);
        }
        return null;
    }

    private Resolution.Resolved resolved(FieldRef f) {
        Resolution r = scope.resolve(ctx.catalog(), f.name(), f.argument() == null ? null : f.argument().value());
        return r instanceof Resolution.Resolved res ? res : null;
    }

    /** Resolves a field, reporting why it is not valid here; its type, or {@code null} when unusable. */
    private OperandType field(FieldRef f) {
        Resolution r = scope.resolve(ctx.catalog(), f.name(), f.argument() == null ? null : f.argument().value());
        String source = scope.isAny() ? "syscall" : scope.source();
        Span argSpan = f.argument() != null ? f.argument().brackets() : f.nameSpan();
        if (r instanceof Resolution.Resolved res) {
            fieldNotes(f.nameSpan(), res.field());
            return res.operandType();
        }
        if (r instanceof Resolution.PluginNotLoaded p) {
            report(DiagnosticCode.PLUGIN_FIELD, f.nameSpan(), "field.pluginNotLoaded", f.name(), p.plugin());
            return p.field().operandType();
        }
        if (r instanceof Resolution.Unknown u) {
            if (scope.isAny()) {
                // a macro no rule uses is read for every source: naming syscall there misled (QA round 20)
                if (u.suggestions().isEmpty()) {
                    report(DiagnosticCode.UNKNOWN_FIELD, f.nameSpan(), "field.unknownAnySource", f.name());
                } else {
                    suggest(DiagnosticCode.UNKNOWN_FIELD, f.nameSpan(), u.suggestions(),
                            "field.unknownAnySourceDidYouMean", f.name(), Names.join(u.suggestions()));
                }
            } else if (u.suggestions().isEmpty()) {
                report(DiagnosticCode.UNKNOWN_FIELD, f.nameSpan(), "field.unknown", f.name(), source);
            } else {
                suggest(DiagnosticCode.UNKNOWN_FIELD, f.nameSpan(), u.suggestions(), "field.unknownDidYouMean",
                        f.name(), source, Names.join(u.suggestions()));
            }
        } else if (r instanceof Resolution.WrongSource w) {
            report(DiagnosticCode.UNKNOWN_FIELD, f.nameSpan(), "field.wrongSource", f.name(), source,
                    Names.join(w.validSources()));
        } else if (r instanceof Resolution.Removed gone) {
            RemovedFields message = RemovedFields.of(f.name(), gone);
            report(DiagnosticCode.UNKNOWN_FIELD, f.nameSpan(), message.key(), message.args().toArray());
        } else if (r instanceof Resolution.ArgumentMissing missing) {
            // the example in the form the field takes: thread.cgroup.<subsystem> refuses brackets
            report(DiagnosticCode.FIELD_ARGUMENT, f.nameSpan(),
                    missing.field().argument().form().style().allowsBracket() ? "field.argumentMissing"
                            : "field.argumentMissingDot", f.name());
        } else if (r instanceof Resolution.ArgumentNotAllowed n) {
            report(DiagnosticCode.FIELD_ARGUMENT, argSpan, "field.argumentNotAllowed", f.name(), n.argument());
        } else if (r instanceof Resolution.ArgumentMalformed bad) {
            report(DiagnosticCode.FIELD_ARGUMENT, f.argument() != null ? f.argument().span() : f.nameSpan(),
                    bad.problem().key(), bad.field().name(), bad.argument());
        }
        // UnknownSource: the rule's source is reported once, on its `source:` key
        return null;
    }

    /** Deprecation and availability of a valid field. */
    private void fieldNotes(Span at, FieldInfo info) {
        if (info.has(FieldFlag.DEPRECATED)) {
            // Falco warns for its own deprecated fields only; a plugin's "deprecated" is advice (a hint)
            reportWith(DiagnosticCode.DEPRECATED_FIELD, info.isPlugin() ? Severity.HINT : null, at,
                    "field.deprecated", info.name());
        }
        since(at, info.name(), FeatureVersions.since(info));
    }

    /** The checker's walk: fields and transformers are reported as they are typed. */
    private final OperandTyping.Hooks reporting = new OperandTyping.Hooks() {
        @Override
        public OperandType field(FieldRef f) {
            return ConditionChecker.this.field(f);
        }

        @Override
        public boolean skipped(Transformer t) {
            // its arguments end in the syntax error (val(), val(tolower(x))): that error says it
            return t.span().end() >= validBefore;
        }

        @Override
        public void unknown(Transformer t) {
            report(DiagnosticCode.TRANSFORMER, t.nameSpan(), "transformer.unknown", t.name());
        }

        @Override
        public void refused(Transformer t, FieldTransformer kind, Problem problem) {
            report(kind == FieldTransformer.VAL ? DiagnosticCode.VAL_MISUSE : DiagnosticCode.TRANSFORMER,
                    t.nameSpan(), problem);
        }

        @Override
        public void accepted(Transformer t, FieldTransformer kind) {
            since(t.nameSpan(), t.name() + "()", kind.since());
        }
    };

    private OperandType transformer(Transformer t) {
        return OperandTyping.of(t, reporting);
    }

    /** A feature the file's required_engine_version does not promise. */
    private void since(Span at, String feature, FalcoVersion since) {
        if (at == null || since == null || since.compareTo(Releases.BASELINE) <= 0) {
            return;
        }
        CheckContext.Place place = CheckContext.place(text, at.start(), at.end());
        if (!place.exists()) {
            return;
        }
        String uri = place.uri();
        Optional<FalcoVersion> engine = ctx.engineOf(uri);
        if (engine.isPresent() && !Releases.availableFor(since, engine.get())) {
            String oldest = ctx.oldestFalcoFor(uri).map(FalcoVersion::toString).orElse("?");
            ctx.sink().add(DiagnosticCode.NEWER_FEATURE, place.location(), "catalog.version.needsNewerFalco", feature,
                    since, oldest);
        }
    }

    private void report(DiagnosticCode code, Span at, Problem p) {
        report(code, at, p.key(), p.args().toArray());
    }

    private void report(DiagnosticCode code, Span at, String key, Object... args) {
        reportWith(code, null, at, key, args);
    }

    private void reportWith(DiagnosticCode code, Severity severity, Span at, String key, Object... args) {
        report(code, severity, at, List.of(), key, args);
    }

    private void suggest(DiagnosticCode code, Span at, List<String> suggestions, String key, Object... args) {
        report(code, null, at, suggestions, key, args);
    }

    private void report(DiagnosticCode code, Severity severity, Span at, List<String> suggestions, String key,
                        Object... args) {
        reports++;
        if (at == null) {
            return;
        }
        Location loc = CheckContext.locate(text, at.start(), at.end());
        if (loc == null) {
            return;
        }
        boolean skipped = leniency == Leniency.SKIP_IF_UNKNOWN && UNKNOWN_FILTER.contains(code);
        boolean uncompiled = leniency == Leniency.UNCOMPILED;
        // a hint (a plugin's own deprecated field) stays one: only errors become warnings there
        ctx.sink().add(code, (skipped || uncompiled) && severity != Severity.HINT ? Severity.WARNING : severity,
                skipped ? FalcoCode.LOAD_UNKNOWN_FILTER : uncompiled ? FalcoCode.LOAD_UNUSED_MACRO : null,
                loc.uri(), loc.span(), key, DiagnosticSink.strings(args), List.of(), suggestions);
    }
}

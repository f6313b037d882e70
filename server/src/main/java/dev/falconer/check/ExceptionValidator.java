package dev.falconer.check;

import dev.falconer.catalog.Resolution;
import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.Exists;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.output.FieldSyntax;
import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.OverrideSpec;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlMapping;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.EffectiveException;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.ListSubstitution;
import dev.falconer.workspace.ScalarOrigin;
import dev.falconer.workspace.SourcedText;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule's {@code exceptions} (spec §2.9): shapes (sequence of mappings with a name), duplicate
 * names, the list form (fields, comps and every values tuple of equal length) and the scalar
 * form (comps must be a list operator), comparison operators, and fields valid for the rule's
 * source. Entries that append to an existing exception may leave out {@code fields}; they are
 * then taken from the merged exception.
 */
final class ExceptionValidator implements Validator {
    private static final Set<String> SCALAR_COMPS = Set.of("in", "pmatch", "intersects");

    @Override
    public void validate(CheckContext ctx) {
        for (RulesDocument doc : ctx.wantedDocuments()) {
            for (RuleItem r : doc.itemsOf(RuleItem.class)) {
                if (r.exceptions() != null && r.name() != null) {
                    rule(ctx, doc.uri(), r);
                }
            }
        }
    }

    private static void rule(CheckContext ctx, String uri, RuleItem r) {
        YamlValue v = r.exceptions().value();
        if (v instanceof YamlScalar s && s.isNull()) {
            return;
        }
        if (!(v instanceof YamlSequence seq)) {
            ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, v.span(), "exception.notSequence");
            return;
        }
        EffectiveRule effective = ctx.snapshot().merged().rules().get(r.name());
        // an append to a missing rule has no source to check fields against (Falco rejects it anyway)
        String source = effective != null ? effective.source() : null;
        boolean appending = r.isLegacyAppend() || (r.override() != null && r.override().op("exceptions") != null
                && r.override().op("exceptions").operation() == OverrideSpec.Operation.APPEND);
        // Falco does not validate replaced exceptions again, so their comps get no defaults (spec §2.10)
        boolean replacing = r.override() != null && r.override().op("exceptions") != null
                && r.override().op("exceptions").operation() == OverrideSpec.Operation.REPLACE;
        Set<String> names = new HashSet<>();
        for (YamlValue item : seq.items()) {
            if (!(item instanceof YamlMapping m)) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, item.span(), "exception.notMapping");
                continue;
            }
            ExceptionSpec spec = r.exceptionSpecs().stream().filter(x -> x.node() == m).findFirst().orElse(null);
            if (spec == null) {
                continue;
            }
            if (spec.name() == null || spec.nameText() == null || spec.nameText().isEmpty()) {
                TextSpan at = spec.name() != null ? spec.name().keySpan()
                        : m.entries().isEmpty() ? m.span() : m.entries().get(0).keySpan();
                ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, at, "exception.noName");
                continue;
            }
            if (!names.add(spec.nameText())) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_DUPLICATE, uri, spec.name().valueSpan(), "exception.duplicate",
                        spec.nameText());
            }
            exception(ctx, uri, spec, appending, effective, source);
            if (replacing && spec.comps() == null && spec.fields() != null) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, null, FalcoCode.LOAD_ERR_COMPILE_CONDITION, uri,
                        spec.name().valueSpan(), "exception.replaceNoComps", List.of(spec.nameText()), List.of());
            }
        }
    }

    private static void exception(CheckContext ctx, String uri, ExceptionSpec spec, boolean appending,
                                  EffectiveRule effective, String source) {
        YamlValue fields = spec.fields() != null ? spec.fields().value() : null;
        if (fields == null && appending) {
            fields = mergedFields(effective, spec.nameText());
        }
        if (fields == null) {
            if (!appending) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, spec.name().valueSpan(), "exception.noFields",
                        spec.nameText());
            }
            return;
        }
        boolean ownFields = spec.fields() != null;
        if (fields instanceof YamlSequence fseq) {
            listForm(ctx, uri, spec, fseq, ownFields, source);
        } else if (fields instanceof YamlScalar fs) {
            scalarForm(ctx, uri, spec, fs, ownFields, source);
        }
        // a bare "values:" is a null node, which yaml-cpp counts as given: not a sequence either
        if (spec.values() != null && !(spec.values().value() instanceof YamlSequence)) {
            ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, spec.values().valueSpan(), "exception.valuesNotSequence");
        } else if (spec.values() != null) {
            emptyValues(ctx, uri, spec.values().value());
        }
    }

    /** Falco decodes every value before it builds anything: an empty one is a YAML error of its own. */
    private static void emptyValues(CheckContext ctx, String uri, YamlValue v) {
        if (v instanceof YamlScalar s && s.value().isEmpty()) {
            ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, s.span(), "exception.emptyValue");
        } else if (v instanceof YamlScalar s && s.isNull()) {
            // yaml-cpp reads ~ and null as null nodes, as it reads an empty item (QA round 18)
            ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, uri, s.span(), "exception.nullValue", s.value());
        } else if (v instanceof YamlSequence seq) {
            seq.items().forEach(item -> emptyValues(ctx, uri, item));
        }
    }

    private static YamlValue mergedFields(EffectiveRule effective, String name) {
        if (effective == null) {
            return null;
        }
        for (EffectiveException e : effective.exceptions()) {
            if (name.equals(e.name())) {
                for (ExceptionSpec s : e.specs()) {
                    if (s.fields() != null) {
                        return s.fields().value();
                    }
                }
            }
        }
        return null;
    }

    private static void listForm(CheckContext ctx, String uri, ExceptionSpec spec, YamlSequence fields,
                                 boolean ownFields, String source) {
        int n = fields.items().size();
        if (ownFields) {
            for (YamlValue f : fields.items()) {
                field(ctx, uri, f, source);
            }
        }
        if (spec.comps() != null) {
            YamlValue comps = spec.comps().value();
            if (!(comps instanceof YamlSequence cseq) || cseq.items().size() != n) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_LENGTH, uri, comps.span(), "exception.compsLength",
                        spec.nameText());
            } else {
                for (YamlValue c : cseq.items()) {
                    comp(ctx, uri, c, false);
                }
            }
        }
        if (spec.values() != null && spec.values().value() instanceof YamlSequence values) {
            for (YamlValue tuple : values.items()) {
                if (tuple instanceof YamlSequence t) {
                    t.items().forEach(v -> listsInValue(ctx, uri, v));
                    for (YamlValue v : t.items()) {
                        if (v instanceof YamlSequence inline) { // pasted as (a, b, …)
                            inline.items().stream().filter(YamlScalar.class::isInstance).forEach(item ->
                                    ItemValueValidator.split(ctx, uri, (YamlScalar) item, "exception.valueSplit"));
                        }
                    }
                }
                int size = tuple instanceof YamlSequence t ? t.items().size() : 1;
                if (size != n) {
                    ctx.sink().add(DiagnosticCode.EXCEPTION_LENGTH, uri, tuple.span(), "exception.valuesLength",
                            spec.nameText(), String.valueOf(n), String.valueOf(size));
                }
            }
        }
    }

    private static void scalarForm(CheckContext ctx, String uri, ExceptionSpec spec, YamlScalar field,
                                   boolean ownFields, String source) {
        if (ownFields) {
            field(ctx, uri, field, source);
        }
        if (spec.comps() != null) {
            YamlValue comps = spec.comps().value();
            if (!(comps instanceof YamlScalar)) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_OPERATOR, uri, comps.span(), "exception.compsNotScalar");
            } else {
                comp(ctx, uri, comps, true);
            }
        }
        if (spec.values() != null && spec.values().value() instanceof YamlSequence values) {
            for (YamlValue v : values.items()) {
                if (!(v instanceof YamlScalar)) {
                    // Falco's compiler says so ("Expected values array to contain a list of strings"), not its reader
                    ctx.sink().add(DiagnosticCode.EXCEPTION_SHAPE, null, FalcoCode.LOAD_ERR_VALIDATE, uri, v.span(),
                            "exception.nestedValue", List.of(), List.of());
                } else {
                    listsInValue(ctx, uri, v);
                    ItemValueValidator.split(ctx, uri, (YamlScalar) v, "exception.valueSplit"); // pasted as (v1, v2, …)
                }
            }
        }
    }

    /**
     * An exception value Falco writes into the condition as a quoted string (it has a blank, or
     * quotes of its own): the lists it names where Falco substitutes them are replaced there too
     * (see ConditionValidator's {@code list-in-string}).
     */
    private static void listsInValue(CheckContext ctx, String uri, YamlValue v) {
        if (!(v instanceof YamlScalar s) || s.isNull()) {
            return;
        }
        String content = ListSubstitution.quotedContent(s.value());
        if (content == null) {
            return; // a bare word: a list's name there is the list itself, a reference
        }
        ListSubstitution.InString found = ConditionValidator.listsIn(ctx, content);
        if (!found.names().isEmpty()) {
            ctx.sink().add(DiagnosticCode.LIST_IN_STRING, uri, v.span(), "list.inString",
                    String.join(", ", found.names()), found.substituted());
        }
    }

    /** One comparison operator: one of the 20, or a string operator with a modifier (Falco 0.44). */
    private static void comp(CheckContext ctx, String uri, YamlValue node, boolean scalarForm) {
        if (!(node instanceof YamlScalar s) || s.isNull()) {
            ctx.sink().add(DiagnosticCode.EXCEPTION_OPERATOR, uri, node.span(), "exception.badComp", "");
            return;
        }
        String c = s.value().trim();
        boolean modified = withModifier(c);
        boolean ok = scalarForm ? SCALAR_COMPS.contains(c) || modified
                : Operator.fromText(c).isPresent() || modified;
        if (!ok) {
            // a misspelt operator gets its fix, as a misspelt field does (QA round 19)
            // 'IN' is 'in' to a reader, not to Falco: a case-only slip is a near name too
            String lower = c.toLowerCase(java.util.Locale.ROOT);
            List<String> close = scalarForm ? List.of()
                    : OPERATOR_TEXTS.contains(lower) ? List.of(lower) : Names.closest(c, OPERATOR_TEXTS);
            if (!close.isEmpty()) {
                ctx.sink().suggest(DiagnosticCode.EXCEPTION_OPERATOR, uri, s.span(), close.subList(0, 1),
                        "exception.badCompDidYouMean", s.value(), close.get(0));
            } else {
                ctx.sink().add(DiagnosticCode.EXCEPTION_OPERATOR, uri, s.span(),
                        scalarForm ? "exception.badScalarComp" : "exception.badComp", s.value());
            }
        }
    }

    /** The operators a comp may name, for did-you-mean ({@code exists} takes no value). */
    private static final List<String> OPERATOR_TEXTS = java.util.Arrays.stream(Operator.values())
            .filter(o -> o != Operator.EXISTS).map(Operator::text).toList();

    private static boolean withModifier(String c) {
        int space = c.lastIndexOf(' ');
        if (space <= 0) {
            return false;
        }
        Optional<Operator> op = Operator.fromText(c.substring(0, space).trim());
        return op.isPresent() && op.get().kind() == Operator.Kind.STRING
                && Modifier.fromText(c.substring(space + 1)).isPresent();
    }

    /** An exception field: a plain field for the source, or an expression Falco compiles as {@code <f> exists}. */
    private static void field(CheckContext ctx, String uri, YamlValue node, String source) {
        if (!(node instanceof YamlScalar s) || s.isNull() || source == null || !ctx.checksSource(source)) {
            return;
        }
        String f = s.value().trim();
        if (f.indexOf('(') >= 0) {
            SourcedText probe = SourcedText.concat(SourcedText.of(new ScalarOrigin(uri, s)),
                    SourcedText.synthetic(" exists"));
            ParsedCondition parsed = ConditionParser.parse(probe.text());
            if (!parsed.ok() || !(parsed.root() instanceof Exists)) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_FIELD, uri, s.span(), "exception.badField", f, source);
            } else {
                new ConditionChecker(ctx, probe, new FieldScope(source), ConditionChecker.Leniency.NONE, Integer.MAX_VALUE).check(parsed.root());
            }
            return;
        }
        Resolution r = FieldSyntax.isFieldText(f) ? ctx.catalog().resolveText(source, f) : null;
        if (r instanceof Resolution.ArgumentMissing || r instanceof Resolution.ArgumentNotAllowed
                || r instanceof Resolution.ArgumentMalformed) {
            return; // the field exists: the check of the condition it becomes says what its argument lacks
        }
        if (!(r instanceof Resolution.Resolved) && !(r instanceof Resolution.PluginNotLoaded)) {
            List<String> close = r instanceof Resolution.Unknown u ? u.suggestions() : List.of();
            if (close.isEmpty()) {
                ctx.sink().add(DiagnosticCode.EXCEPTION_FIELD, uri, s.span(), "exception.badField", f, source);
            } else {
                ctx.sink().suggest(DiagnosticCode.EXCEPTION_FIELD, uri, s.span(), close,
                        "exception.badFieldDidYouMean", f, source, Names.join(close));
            }
        }
    }
}

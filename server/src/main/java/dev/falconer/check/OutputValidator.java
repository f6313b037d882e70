package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldFlag;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.Releases;
import dev.falconer.catalog.Resolution;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.Exists;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Transformer;
import dev.falconer.output.OutputTokens;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.SourcedText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output format strings (spec §3): every {@code %} token must be a field of the rule's source
 * or a transformer call; malformed tokens ({@code 50% done}, a trailing {@code %}) are errors,
 * deprecated fields and {@code %container.info} warnings.
 */
final class OutputValidator implements Validator {
    private static final String CONTAINER_INFO = "container.info";
    /** A word, blanks, then {@code (}: a transformer call with a gap Falco does not allow. */
    private static final Pattern SPACED_CALL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s+\\(");

    @Override
    public void validate(CheckContext ctx) {
        for (EffectiveRule r : ctx.candidates().rules()) {
            SourcedText output = r.output();
            if (output == null || !ctx.touchesWanted(output) || !ctx.checksSource(r.source())) {
                continue;
            }
            ctx.unit(CheckUnits.Kind.RULE_OUTPUT, r.name(), java.util.Arrays.asList(output.text(), r.source()),
                    r.contributions(), java.util.Set.of(), output, u -> rule(u, r, output));
        }
    }

    /**
     * The deprecated fields Falco looks for in an output by plain substring search, wherever they
     * stand, one warning per name (spec §3): {@code %evt.latency.ns} also reads as {@code evt.latency}.
     */
    private static final List<String> SEARCHED_DEPRECATED = List.of("evt.dir", "evt.latency", "evt.latency.s",
            "evt.latency.ns", "evt.latency.human", "evt.wait_latency");

    private static void deprecatedText(CheckContext ctx, SourcedText output) {
        for (String name : SEARCHED_DEPRECATED) {
            int at = output.text().indexOf(name);
            if (at >= 0) {
                CheckContext.Place place = CheckContext.place(output, at, at + name.length());
                if (place.exists()) {
                    ctx.sink().add(DiagnosticCode.DEPRECATED_FIELD, place.location(), "output.deprecatedText", name);
                }
            }
        }
    }

    private static void rule(CheckContext ctx, EffectiveRule r, SourcedText output) {
        deprecatedText(ctx, output);
        boolean skip = ConditionValidator.skipIfUnknown(r);
        String source = r.source();
        List<OutputTokens.Token> tokens = OutputTokens.tokenize(output.text(), t -> usable(ctx, source, t));
        for (OutputTokens.Token t : tokens) {
            switch (t.kind()) {
                case FIELD -> field(ctx, output, t, source);
                // placed only here: placing builds the output's source map
                case UNKNOWN_FIELD -> unknown(ctx, CheckContext.locate(output, t.start(), t.end()), t.text(), source, skip);
                case MALFORMED -> malformed(ctx, output, t);
                case TRANSFORMER -> transformer(ctx, output, t, source, skip);
            }
        }
    }

    private static boolean usable(CheckContext ctx, String source, String text) {
        if (CONTAINER_INFO.equals(text)) {
            return true; // Falco removes it before validating (with a deprecation warning)
        }
        Resolution r = ctx.catalog().resolveText(source, text);
        return r instanceof Resolution.Resolved || r instanceof Resolution.PluginNotLoaded;
    }

    private static void field(CheckContext ctx, SourcedText output, OutputTokens.Token t, String source) {
        CheckContext.Place at = CheckContext.place(output, t.start(), t.end());
        if (!at.exists()) {
            return;
        }
        if (CONTAINER_INFO.equals(t.text())) {
            ctx.sink().add(DiagnosticCode.DEPRECATED_FIELD, at.location(), "output.containerInfo");
            return;
        }
        Resolution r = ctx.catalog().resolveText(source, t.text());
        if (r instanceof Resolution.PluginNotLoaded p) {
            ctx.sink().add(DiagnosticCode.PLUGIN_FIELD, at.location(), "field.pluginNotLoaded", t.text(), p.plugin());
        }
        if (!(r instanceof Resolution.Resolved res)) {
            return;
        }
        if (res.field().has(FieldFlag.DEPRECATED) && !SEARCHED_DEPRECATED.contains(res.field().name())) {
            Location l = at.location();
            ctx.sink().add(DiagnosticCode.DEPRECATED_FIELD, res.field().isPlugin() ? Severity.HINT : null, null,
                    l.uri(), l.span(), "output.deprecatedField", List.of(res.field().name()), List.of());
        }
        FalcoVersion since = FeatureVersions.since(res.field());
        if (since == null) {
            return;
        }
        String uri = at.uri();
        Optional<FalcoVersion> engine = ctx.engineOf(uri);
        if (engine.isPresent() && !Releases.availableFor(since, engine.get())) {
            ctx.sink().add(DiagnosticCode.NEWER_FEATURE, at.location(), "catalog.version.needsNewerFalco",
                    res.field().name(), since, ctx.oldestFalcoFor(uri).map(FalcoVersion::toString).orElse("?"));
        }
    }

    private static void unknown(CheckContext ctx, Location at, String text, String source, boolean skip) {
        if (at == null) {
            return;
        }
        Resolution r = ctx.catalog().resolveText(source, text);
        String key;
        List<String> args;
        List<String> suggestions = List.of();
        if (r instanceof Resolution.Unknown u && !u.suggestions().isEmpty()) {
            key = "output.unknownDidYouMean";
            args = List.of(text, source, Names.join(u.suggestions()));
            // the token is the field with its argument: a replacement keeps the argument written
            String argument = text.indexOf('[') > 0 ? text.substring(text.indexOf('[')) : "";
            suggestions = u.suggestions().stream().map(s -> s + argument).toList();
        } else if (r instanceof Resolution.WrongSource w) {
            key = "output.wrongSource";
            args = List.of(text, source, Names.join(w.validSources()));
        } else if (r instanceof Resolution.Removed gone) {
            RemovedFields message = RemovedFields.of(text, gone);
            key = message.key();
            args = message.args();
        } else if (r instanceof Resolution.ArgumentMissing) {
            key = "output.argumentMissing";
            args = List.of(text);
        } else if (r instanceof Resolution.ArgumentNotAllowed || r instanceof Resolution.ArgumentMalformed) {
            key = "output.badArgument";
            args = List.of(text);
        } else {
            key = "output.unknown";
            args = List.of(text, source);
        }
        ctx.sink().add(DiagnosticCode.OUTPUT_FIELD, skip ? Severity.WARNING : null,
                skip ? FalcoCode.LOAD_UNKNOWN_FILTER : null, at.uri(), at.span(), key, args, List.of(), suggestions);
    }

    /**
     * A malformed token; {@code %toupper (proc.name)} is a transformer whose {@code (} does not
     * follow its name, which Falco reads as no token at all: say so on the name.
     */
    private static void malformed(CheckContext ctx, SourcedText output, OutputTokens.Token t) {
        Matcher spaced = SPACED_CALL.matcher(output.text()).region(t.percent() + 1, output.text().length());
        if (spaced.lookingAt() && FieldTransformer.fromText(spaced.group(1)).isPresent()) {
            ctx.sink().add(DiagnosticCode.OUTPUT_FIELD, CheckContext.locate(output, spaced.start(1), spaced.end(1)),
                    "output.transformerParen", spaced.group(1));
            return;
        }
        ctx.sink().add(DiagnosticCode.OUTPUT_FIELD, CheckContext.locate(output, t.percent(), t.end()),
                "output.malformed", t.text());
    }

    /** A transformer token is compiled like the condition {@code <token> exists}. */
    private static void transformer(CheckContext ctx, SourcedText output, OutputTokens.Token t, String source,
                                    boolean skip) {
        Location at = CheckContext.locate(output, t.start(), t.end());
        String name = t.text().substring(0, t.text().indexOf('(')).strip();
        if (FieldTransformer.fromText(name).filter(k -> k == FieldTransformer.VAL).isPresent()) {
            // spec §3: val() compares fields in conditions; an output prints the field itself
            ctx.sink().add(DiagnosticCode.OUTPUT_FIELD, at, "output.valNotAllowed",
                    t.text().substring(t.text().indexOf('(') + 1, t.text().lastIndexOf(')')).strip());
            return;
        }
        SourcedText probe = SourcedText.concat(output.substring(t.start(), t.end()), SourcedText.synthetic(" exists"));
        ParsedCondition parsed = ctx.parse(probe.text());
        BoolExpr root = parsed.root();
        if (!parsed.ok() || !(root instanceof Exists e) || !(e.left() instanceof Transformer tr) || tr.isVal()) {
            ctx.sink().add(DiagnosticCode.OUTPUT_FIELD, at, "output.malformed", t.text());
            return;
        }
        new ConditionChecker(ctx, probe, new FieldScope(source),
                skip ? ConditionChecker.Leniency.SKIP_IF_UNKNOWN : ConditionChecker.Leniency.NONE, Integer.MAX_VALUE).check(root);
    }
}

package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.Operators;
import dev.falconer.catalog.Releases;
import dev.falconer.condition.AstWalker;
import dev.falconer.condition.Check;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Transformer;
import dev.falconer.output.OutputTokens;
import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlValue;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which Falco release a language feature needs, in one place: the {@code newer-feature} check
 * asks it for each feature it meets, and the engine version fix for the oldest Falco release able
 * to load a whole file, judged by the features it uses: operators, modifiers, transformers and
 * fields of its conditions and outputs, {@code override} entries, and rule keys added later. What
 * {@code required_engine_version} should at least ask for.
 */
public final class FeatureVersions {
    private static final FalcoVersion OVERRIDE = new FalcoVersion(0, 37, 0);
    private static final FalcoVersion CAPTURE = new FalcoVersion(0, 42, 0);
    private static final String DEFAULT_SOURCE = "syscall";

    private FeatureVersions() {
    }

    /** The newest Falco release among the features the document uses ({@link Releases#BASELINE} at least). */
    public static FalcoVersion minimumFalco(RulesDocument doc, FieldCatalog catalog,
                                            Function<String, ParsedCondition> parser) {
        FalcoVersion[] max = {Releases.BASELINE};
        for (RulesItem item : doc.items()) {
            if (item instanceof NamedItem n && n.override() != null) {
                max[0] = later(max[0], OVERRIDE);
            }
            String source = item instanceof RuleItem r && r.sourceText() != null ? r.sourceText() : null;
            if (item instanceof RuleItem r) {
                if (r.mapping().has("capture") || r.mapping().has("capture_duration")) {
                    max[0] = later(max[0], CAPTURE);
                }
                for (ExceptionSpec spec : r.exceptionSpecs()) {
                    if (spec.comps() != null && hasModifier(spec.comps().value())) {
                        max[0] = later(max[0], Operators.since(Modifier.ONEOF));
                    }
                }
                if (r.output() != null && r.output().scalar() != null) {
                    String output = r.output().scalar().value();
                    for (OutputTokens.Token t : OutputTokens.tokenize(output)) {
                        for (OutputTokens.Word w : t.words()) {
                            String text = output.substring(w.start(), w.end());
                            if (w.kind() == OutputTokens.WordKind.TRANSFORMER) {
                                max[0] = later(max[0], FieldTransformer.fromText(text).map(FieldTransformer::since).orElse(null));
                            } else if (w.kind() == OutputTokens.WordKind.FIELD) {
                                max[0] = later(max[0], fieldSince(catalog, source, text));
                            }
                        }
                    }
                }
            }
            ParsedCondition parsed = condition(item, parser);
            if (parsed != null && parsed.root() != null) {
                AstWalker.walk(parsed.root(), node -> {
                    if (node instanceof Check c) {
                        if (c.operator() != null) {
                            max[0] = later(max[0], Operators.since(c.operator()));
                        }
                        if (c.modifier() != null) {
                            max[0] = later(max[0], Operators.since(c.modifier()));
                        }
                    } else if (node instanceof Transformer t) {
                        max[0] = later(max[0], FieldTransformer.fromText(t.name()).map(FieldTransformer::since).orElse(null));
                    } else if (node instanceof FieldRef f) {
                        max[0] = later(max[0], fieldSince(catalog, source, f.name()));
                    }
                });
            }
        }
        return max[0];
    }

    /** The {@code required_engine_version} matching {@link #minimumFalco}, as {@code x.y.z}. */
    public static Optional<FalcoVersion> minimumEngine(RulesDocument doc, FieldCatalog catalog,
                                                       Function<String, ParsedCondition> parser) {
        return Releases.engineForFalco(minimumFalco(doc, catalog, parser));
    }

    /**
     * The Falco release that introduced a field, {@code null} when it follows no Falco release
     * (third-party and most official plugins). Container fields, Falco's own before they moved to
     * a plugin, keep their Falco release.
     */
    public static FalcoVersion since(FieldInfo field) {
        return field.since();
    }

    private static FalcoVersion fieldSince(FieldCatalog catalog, String source, String name) {
        if (catalog == null) {
            return null;
        }
        Optional<FieldInfo> f = source == null ? catalog.field(name) : catalog.field(source, name);
        if (f.isEmpty() && source == null) {
            f = catalog.field(DEFAULT_SOURCE, name);
        }
        return f.map(FeatureVersions::since).orElse(null);
    }

    private static ParsedCondition condition(RulesItem item, Function<String, ParsedCondition> parser) {
        YamlEntry cond = item instanceof MacroItem m ? m.condition() : item instanceof RuleItem r ? r.condition() : null;
        return cond == null || cond.scalar() == null || cond.scalar().isNull() ? null : parser.apply(cond.scalar().value());
    }

    private static boolean hasModifier(YamlValue v) {
        if (v instanceof YamlScalar s) {
            String[] words = s.value().trim().split("\\s+");
            return words.length == 2 && Modifier.fromText(words[1]).isPresent();
        }
        if (v instanceof YamlSequence seq) {
            return seq.items().stream().anyMatch(FeatureVersions::hasModifier);
        }
        return false;
    }

    private static FalcoVersion later(FalcoVersion a, FalcoVersion b) {
        return b != null && b.compareTo(a) > 0 ? b : a;
    }
}

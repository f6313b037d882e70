package dev.falconer.explain;

import dev.falconer.condition.FieldArg;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.Operand;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.TransformerArg;
import dev.falconer.condition.TransformerList;
import dev.falconer.condition.Value;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Words an operand: a field by its catalog noun phrase, a transformer by what it does to its input. */
final class OperandPhraser {

    private static final Set<String> KNOWN_TRANSFORMERS =
            Set.of("tolower", "toupper", "b64", "basename", "len", "join", "concat", "getopt");

    private final ExplainContext context;
    private final Locale locale;

    OperandPhraser(ExplainContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
    }

    PhraseArg operand(Operand operand) {
        return operand instanceof FieldRef f ? field(f.name(), f.argument()) : transformer((Transformer) operand);
    }

    /** A field, with its bracket argument when it has one. */
    PhraseArg field(String name, FieldArg arg) {
        String full = arg == null ? name : name + "[" + arg.value() + "]";
        var phrase = context.fieldPhrase(name, arg, locale);
        if (phrase.isPresent()) {
            return new PhraseArg.Field(full, phrase.get());
        }
        if (arg != null) {
            // The catalog knows the field but not this argument: say which argument is meant.
            var base = context.fieldPhrase(name, null, locale);
            if (base.isPresent()) {
                return new PhraseArg.Sub(Phrase.of("field.arg", new PhraseArg.Field(full, base.get()),
                        new PhraseArg.Code(arg.value())));
            }
        }
        return new PhraseArg.Field(full, null);
    }

    /** Canonical text of an operand, for recognising two checks on the same thing. */
    static String key(Operand operand) {
        return operand instanceof FieldRef f ? f.fullName() : transformerKey((Transformer) operand);
    }

    private static String transformerKey(Transformer t) {
        String inner = t.args().stream().map(OperandPhraser::argKey).collect(Collectors.joining(","));
        return t.name() + "(" + inner + ")" + (t.argument() == null ? "" : "[" + t.argument().value() + "]");
    }

    private static String argKey(TransformerArg a) {
        if (a instanceof FieldRef f) {
            return f.fullName();
        }
        if (a instanceof Transformer t) {
            return transformerKey(t);
        }
        if (a instanceof Value v) {
            return "\"" + v.text() + "\"";
        }
        return "(" + ((TransformerList) a).items().stream().map(OperandPhraser::argKey)
                .collect(Collectors.joining(",")) + ")";
    }

    private PhraseArg transformer(Transformer t) {
        if (t.isVal() && t.args().size() == 1) {
            return arg(t.args().get(0));
        }
        List<PhraseArg> args = t.args().stream().map(this::arg).toList();
        String name = KNOWN_TRANSFORMERS.contains(t.name()) ? t.name() : "other";
        if ("getopt".equals(name) && t.argument() != null) {
            List<PhraseArg> withOption = new java.util.ArrayList<>(args);
            withOption.add(new PhraseArg.Code("-" + t.argument().value()));
            return new PhraseArg.Sub(new Phrase("xf.getopt.option", withOption, null));
        }
        if ("other".equals(name)) {
            return new PhraseArg.Sub(Phrase.of("xf.other", new PhraseArg.Code(t.name()), new PhraseArg.All(args)));
        }
        if ("concat".equals(name)) {
            return new PhraseArg.Sub(Phrase.of("xf.concat", new PhraseArg.All(args)));
        }
        return new PhraseArg.Sub(new Phrase("xf." + name, args, null));
    }

    private PhraseArg arg(TransformerArg a) {
        if (a instanceof FieldRef f) {
            return field(f.name(), f.argument());
        }
        if (a instanceof Transformer t) {
            return transformer(t);
        }
        if (a instanceof Value v) {
            return new PhraseArg.Code(v.text());
        }
        return new PhraseArg.All(((TransformerList) a).items().stream().map(this::arg).toList());
    }
}

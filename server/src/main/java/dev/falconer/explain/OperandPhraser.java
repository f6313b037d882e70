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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Words an operand: a field by its catalog noun phrase, a transformer by what it does to its input. */
final class OperandPhraser {

    /** Fields whose argument names a parameter of the event ({@code evt.arg.flags}, {@code evt.rawarg[0]}). */
    private static final Set<String> EVENT_ARGUMENT_FIELDS = Set.of("evt.arg", "evt.rawarg");
    /** Fields whose argument is a JSON pointer into the event ({@code json.value[/stage]}). */
    private static final Set<String> JSON_POINTER_FIELDS = Set.of("json.value", "jevt.value");
    /** {@code proc.aname[2]}, {@code proc.apid[1]} …: the index counts generations up the process tree. */
    static final Set<String> ANCESTOR_FIELDS = Set.of("proc.aname", "proc.apid", "proc.aexe", "proc.aexepath",
            "proc.acmdline", "proc.aargs", "proc.aenv");

    /**
     * Fields whose argument is neither an index into a list nor a key into a map, by what it
     * stands for: the last part of the phrase key ({@code field.arg.<kind>}). A mount field takes a
     * path or the mount's number ({@code field.arg.<kind>.number}).
     */
    private static final Map<String, String> ARGUMENT_KINDS = Map.of(
            "okta.mfa.failure.countlast", "seconds", "okta.mfa.deny.countlast", "seconds",
            "fd.types", "fd", "evt.around", "timestamp",
            "container.mount", "mount", "container.mount.dest", "mountBySource",
            "container.mount.mode", "mountBySource", "container.mount.rdwr", "mountBySource",
            "container.mount.propagation", "mountBySource", "container.mount.source", "mountByDest");

    /**
     * Socket fields that hold both ends of a connection: {@code =} (and {@code in}) holds when
     * either end matches, and libs' {@code !=} only when both ends differ, like a {@code not}.
     */
    static final Set<String> EITHER_END_FIELDS = Set.of("fd.ip", "fd.port", "fd.net", "fd.proto");

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

    /** A field, with its argument when it has one ("`HOME` in the process environment"). */
    PhraseArg field(String name, FieldArg arg) {
        String full = arg == null ? name : name + "[" + arg.value() + "]";
        var words = context.field(name, arg, locale);
        if (words.isEmpty()) {
            return new PhraseArg.Field(full, null);
        }
        FieldWords w = words.get();
        if (w.argument() == null) {
            return new PhraseArg.Field(full, w.phrase());
        }
        PhraseArg base = new PhraseArg.Field(w.field(), w.phrase());
        String argument = w.argument();
        if (EVENT_ARGUMENT_FIELDS.contains(w.field())) {
            // evt.rawarg is the argument's value before libs formats it (flags as a number); [N] counts from 0
            boolean position = !argument.isEmpty() && argument.chars().allMatch(Character::isDigit);
            String key = "evt.rawarg".equals(w.field()) ? "field.arg.event.raw"
                    : position ? "field.arg.event.position" : "field.arg.event";
            return new PhraseArg.Sub(Phrase.of(key, base, new PhraseArg.Code(argument)));
        }
        if (JSON_POINTER_FIELDS.contains(w.field())) {
            return new PhraseArg.Sub(Phrase.of("field.arg.pointer", base, new PhraseArg.Code(argument)));
        }
        boolean number = argument.chars().allMatch(Character::isDigit) && !argument.isEmpty();
        String kind = ARGUMENT_KINDS.get(w.field());
        if (kind != null) {
            String key = "field.arg." + kind + (kind.startsWith("mount") && number ? ".number" : "");
            return new PhraseArg.Sub(Phrase.of(key, base, new PhraseArg.Code(argument)));
        }
        if (number) {
            if (ANCESTOR_FIELDS.contains(w.field())) {
                String key = "0".equals(argument) || "1".equals(argument) ? "field.arg.ancestor." + argument
                        : "field.arg.ancestor";
                return new PhraseArg.Sub(Phrase.of(key, base, new PhraseArg.Text(argument)));
            }
            return new PhraseArg.Sub(Phrase.of("field.arg.index", base, new PhraseArg.Code(argument)));
        }
        return new PhraseArg.Sub(Phrase.of("field.arg.key", base, new PhraseArg.Code(argument)));
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
        if ("len".equals(name) && t.args().size() == 1 && t.args().get(0) instanceof FieldRef f
                && context.holdsList(f.name())) {
            return new PhraseArg.Sub(new Phrase("xf.len.list", args, null)); // a list's length is its count of values
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

package dev.falconer.check;

import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.FieldType;
import dev.falconer.catalog.OperandType;
import dev.falconer.catalog.Problem;
import dev.falconer.catalog.Transformers;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.TransformerArg;
import dev.falconer.condition.TransformerList;
import dev.falconer.condition.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The type of an operand or transformer argument as libsinsp's compiler derives it (spec §1.6):
 * a field gives its own, a transformer what it makes of its arguments, a quoted string one
 * CHARBUF, a number a UINT64, a parenthesised list a CHARBUF list. The checker walks it to report
 * what is wrong on the way; completion walks it silently for the operators a transformer allows.
 */
public final class OperandTyping {

    /** What a walk asks of, and tells, its user. */
    public interface Hooks {
        /** A field's type, or {@code null} when it has none (unknown, wrong source, bad argument). */
        OperandType field(FieldRef f);

        /** True for a transformer not to type at all (the checker: one past a syntax error). */
        default boolean skipped(Transformer t) {
            return false;
        }

        /** A name that is no transformer. */
        default void unknown(Transformer t) {
        }

        /** A call Falco refuses for its arguments. */
        default void refused(Transformer t, FieldTransformer kind, Problem problem) {
        }

        /** A call Falco accepts. */
        default void accepted(Transformer t, FieldTransformer kind) {
        }
    }

    private OperandTyping() {
    }

    /** The type of {@code a}, or {@code null} when it or any part of it has none. */
    public static OperandType of(TransformerArg a, Hooks hooks) {
        if (a instanceof FieldRef f) {
            return hooks.field(f);
        }
        if (a instanceof Transformer t) {
            return transformer(t, hooks);
        }
        if (a instanceof TransformerList list) {
            for (TransformerArg item : list.items()) {
                if (of(item, hooks) == null) {
                    return null;
                }
            }
            return OperandType.of(FieldType.CHARBUF, true);
        }
        if (a instanceof Value v && (v.kind() == Value.Kind.NUMBER || v.kind() == Value.Kind.HEX)) {
            return OperandType.of(FieldType.UINT64, false);
        }
        return OperandType.of(FieldType.CHARBUF, false);
    }

    private static OperandType transformer(Transformer t, Hooks hooks) {
        if (hooks.skipped(t)) {
            return null;
        }
        Optional<FieldTransformer> kind = FieldTransformer.fromText(t.name());
        if (kind.isEmpty()) {
            hooks.unknown(t);
            return null;
        }
        List<OperandType> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (TransformerArg a : t.args()) {
            OperandType type = of(a, hooks);
            if (type == null) {
                return null;
            }
            args.add(type);
            names.add(a instanceof FieldRef f ? f.fullName() : "");
        }
        Optional<Problem> p = Transformers.check(kind.get(), args, names, t.argument() != null);
        if (p.isPresent()) {
            hooks.refused(t, kind.get(), p.get());
            return null;
        }
        hooks.accepted(t, kind.get());
        return Transformers.output(kind.get(), args, t.argument() != null);
    }
}

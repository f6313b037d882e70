package dev.falconer.catalog;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each transformer accepts and produces (spec falco-language.md §1.6, field-catalog.md §1.6).
 * Arguments are described by {@link OperandType}: a field gives its own; a quoted string is a
 * single CHARBUF; a parenthesised transformer list {@code (a, b)} is a CHARBUF list.
 */
public final class Transformers {

    private static final Set<FieldType> STRINGS = EnumSet.of(FieldType.CHARBUF, FieldType.FSPATH, FieldType.FSRELPATH);
    private static final Set<FieldType> B64_INPUT = EnumSet.of(FieldType.CHARBUF, FieldType.BYTEBUF);
    private static final Set<FieldType> LEN_INPUT = EnumSet.of(FieldType.CHARBUF, FieldType.BYTEBUF, FieldType.FSPATH,
            FieldType.FSRELPATH);

    private Transformers() {
    }

    /**
     * Checks the arguments of a transformer call. {@code hasBracketArgument} is true for
     * {@code t(...)[x]}, which only {@code getopt} supports. For {@code val}, see
     * {@link Operators#checkRhsField}; here it only checks arity and NO_RHS.
     */
    public static Optional<Problem> check(FieldTransformer t, List<OperandType> args, List<String> argNames,
            boolean hasBracketArgument) {
        if (hasBracketArgument && t != FieldTransformer.GETOPT) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NO_ARGUMENT, t.text()));
        }
        for (int i = 0; i < args.size(); i++) {
            if (t != FieldTransformer.VAL && args.get(i).has(FieldFlag.NO_TRANSFORMER)) {
                return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NOT_ON_FIELD, name(argNames, i)));
            }
        }
        return switch (t) {
            case VAL, TOLOWER, TOUPPER, B64, BASENAME, LEN -> single(t, args);
            case JOIN -> join(args);
            case CONCAT -> concat(args);
            case GETOPT -> getopt(args);
        };
    }

    private static Optional<Problem> single(FieldTransformer t, List<OperandType> args) {
        if (args.size() != 1) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_ARITY, t.text(), 1, args.size()));
        }
        OperandType in = args.get(0);
        if (t == FieldTransformer.VAL) {
            return Optional.empty();
        }
        if (t == FieldTransformer.LEN && in.list()) {
            return Optional.empty();
        }
        if (in.list()) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NO_LIST, t.text()));
        }
        Set<FieldType> accepted = switch (t) {
            case B64 -> B64_INPUT;
            case LEN -> LEN_INPUT;
            default -> STRINGS;
        };
        if (!accepted.contains(in.type())) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_INPUT_TYPE, t.text(), in.type()));
        }
        return Optional.empty();
    }

    private static Optional<Problem> join(List<OperandType> args) {
        if (args.size() != 2) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_ARITY, FieldTransformer.JOIN.text(), 2, args.size()));
        }
        if (args.get(0).list()) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NO_LIST, FieldTransformer.JOIN.text()));
        }
        if (!args.get(1).list()) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NEEDS_LIST, FieldTransformer.JOIN.text()));
        }
        return Optional.empty();
    }

    private static Optional<Problem> concat(List<OperandType> args) {
        if (args.size() < 2) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_ARITY, FieldTransformer.CONCAT.text(), 2, args.size()));
        }
        for (OperandType a : args) {
            if (a.list()) {
                return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NO_LIST, FieldTransformer.CONCAT.text()));
            }
            if (a.type() != FieldType.CHARBUF) {
                return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_INPUT_TYPE, FieldTransformer.CONCAT.text(), a.type()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> getopt(List<OperandType> args) {
        if (args.size() != 2) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_ARITY, FieldTransformer.GETOPT.text(), 2, args.size()));
        }
        if (!args.get(0).list()) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NEEDS_LIST, FieldTransformer.GETOPT.text()));
        }
        if (args.get(1).list()) {
            return Optional.of(Problem.of(Problem.Kind.TRANSFORMER_NO_LIST, FieldTransformer.GETOPT.text()));
        }
        return Optional.empty();
    }

    /**
     * The type a (valid) call produces. Transformer output carries no field flags: a nested
     * transformer may apply to it. {@code getopt} gives a list, or one value with {@code [c]}.
     */
    public static OperandType output(FieldTransformer t, List<OperandType> args, boolean hasBracketArgument) {
        OperandType first = args.isEmpty() ? OperandType.of(FieldType.CHARBUF, false) : args.get(0);
        return switch (t) {
            case VAL -> first;
            case TOLOWER, TOUPPER, B64, BASENAME -> OperandType.of(first.type(), false);
            case LEN -> OperandType.of(FieldType.UINT64, false);
            case JOIN, CONCAT -> OperandType.of(FieldType.CHARBUF, false);
            case GETOPT -> OperandType.of(FieldType.CHARBUF, !hasBracketArgument);
        };
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : "";
    }
}

package dev.falconer.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of well-formed ASTs, with string values drawn from the characters and words
 * that Falco's lexer treats specially. Spans are all empty: only the structure matters.
 */
final class RandomConditions {
    private static final Span NO = Span.of(0, 0);
    private static final String[] PIECES = {"a", "b", "Z", "0", "9", "_", ".", "/", "-", "*", " ", "\t", "\n",
        "\r", "\b", "\f", "\u0001", "\"", "'", "(", ")", ",", "=", "\\", "[", "]", "é", "日本", "and", "or",
        "not", "oneof", "in", "exists", "tolower(", "val(", "0x1F", "1e+3", "<", "!"};
    private static final String[] WORDS = {"and", "or", "not", "in", "exists", "oneof", "allof", "tolower",
        "val", "spawned_process", "my_list", "x1"};
    private static final String[] TRANSFORMERS = {"tolower", "toupper", "b64", "basename", "len", "join",
        "concat", "getopt"};
    private static final String[] NUMBERS = {"0", "12", "-3", "+4", "1.", "2.5", "1e+3", "7E-2", "0x1F", "0XaB"};

    private final Random random;

    RandomConditions(long seed) {
        this.random = new Random(seed);
    }

    BoolExpr condition() {
        return bool(4);
    }

    private BoolExpr bool(int depth) {
        int pick = random.nextInt(depth > 0 ? 7 : 3);
        return switch (pick) {
            case 0 -> new MacroRef(pickOf(WORDS), NO);
            case 1 -> new Exists(operand(2), NO, NO);
            case 2 -> check();
            case 3, 4 -> new And(children(depth), NO);
            case 5 -> new Or(children(depth), NO);
            default -> new Not(bool(depth - 1), NO, NO);
        };
    }

    private List<BoolExpr> children(int depth) {
        List<BoolExpr> out = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(bool(depth - 1));
        }
        return out;
    }

    private Check check() {
        Operator op = pickOf(Operator.values());
        while (op == Operator.EXISTS) {
            op = pickOf(Operator.values());
        }
        Modifier mod = null;
        Rhs right;
        switch (op.kind()) {
            case NUMERIC -> right = random.nextInt(4) == 0 ? rhsTransformer() : number();
            case LIST -> right = switch (random.nextInt(4)) {
                case 0 -> new Value(identifier(), Value.Kind.IDENTIFIER, NO);
                case 1 -> rhsTransformer();
                default -> valueList();
            };
            default -> {
                if (random.nextInt(5) == 0) {
                    mod = pickOf(Modifier.values());
                    right = random.nextBoolean() ? valueList() : new Value(identifier(), Value.Kind.IDENTIFIER, NO);
                } else {
                    right = random.nextInt(4) == 0 ? rhsTransformer() : string(Value.Kind.BARE);
                }
            }
        }
        return new Check(operand(2), op, NO, mod, mod == null ? null : NO, right, NO);
    }

    private Operand operand(int depth) {
        return depth > 0 && random.nextInt(3) == 0 ? transformer(depth) : field();
    }

    private Rhs rhsTransformer() {
        if (random.nextBoolean()) {
            return new Transformer("val", NO, List.of(field()), maybeArg(), NO);
        }
        return transformer(2);
    }

    private Transformer transformer(int depth) {
        List<TransformerArg> args = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            args.add(transformerArg(depth - 1, true));
        }
        return new Transformer(pickOf(TRANSFORMERS), NO, args, maybeArg(), NO);
    }

    private TransformerArg transformerArg(int depth, boolean listAllowed) {
        return switch (random.nextInt(listAllowed ? 5 : 4)) {
            case 0 -> field();
            case 1 -> string(Value.Kind.QUOTED);
            case 2 -> number();
            case 3 -> depth > 0 ? transformer(depth) : field();
            default -> {
                List<TransformerArg> items = new ArrayList<>();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.add(transformerArg(depth - 1, false));
                }
                yield new TransformerList(items, NO);
            }
        };
    }

    private FieldRef field() {
        String name = pickOf(new String[] {"proc.name", "fd.name", "evt.arg.flags", "a.b_1.c", "k8s.ns.name"});
        return new FieldRef(name, NO, maybeArg(), NO);
    }

    private FieldArg maybeArg() {
        return random.nextInt(3) == 0 ? new FieldArg(text(), false, NO, NO) : null;
    }

    private ValueList valueList() {
        List<Value> values = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            values.add(string(Value.Kind.QUOTED));
        }
        return new ValueList(values, NO);
    }

    private Value number() {
        String n = pickOf(NUMBERS);
        return new Value(n, n.startsWith("0x") || n.startsWith("0X") ? Value.Kind.HEX : Value.Kind.NUMBER, NO);
    }

    private Value string(Value.Kind kind) {
        return new Value(text(), kind, NO);
    }

    /** An identifier that stays a value after a modifier (not a keyword and/or/not). */
    private String identifier() {
        String id = pickOf(new String[] {"my_list", "x", "oneof_list", "ANDROID", "notice", "b64"});
        return id;
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            out.append(pickOf(PIECES));
        }
        return out.toString();
    }

    private <T> T pickOf(T[] items) {
        return items[random.nextInt(items.length)];
    }
}

package dev.falconer.rules;

import java.util.List;

/**
 * The {@code override:} entry. {@code ops} holds one operation per key of the override mapping;
 * it is empty when the value is not a mapping ({@code isMapping} false).
 */
public record OverrideSpec(YamlEntry entry, boolean isMapping, List<OverrideOp> ops) {
    public OverrideSpec {
        ops = List.copyOf(ops);
    }

    /** The operation for {@code key}, or {@code null} when the key is not mentioned. */
    public OverrideOp op(String key) {
        for (OverrideOp op : ops) {
            if (key.equals(op.key())) {
                return op;
            }
        }
        return null;
    }

    /** One {@code key: append|replace} line; {@code operation} is INVALID for any other text. */
    public record OverrideOp(YamlEntry entry, String key, Operation operation) {
    }

    public enum Operation {
        APPEND, REPLACE, INVALID;

        public static Operation parse(String text) {
            if ("append".equals(text)) {
                return APPEND;
            }
            if ("replace".equals(text)) {
                return REPLACE;
            }
            return INVALID;
        }
    }
}

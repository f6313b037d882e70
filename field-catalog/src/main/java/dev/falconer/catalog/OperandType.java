package dev.falconer.catalog;

import java.util.Set;

/**
 * What the operator, transformer and value rules need to know about one side of a comparison:
 * the type, list-ness and the flags that restrict it. A field gives one ({@link FieldInfo#operandType()}),
 * and so does a transformer's output ({@link Transformers#output}).
 */
public record OperandType(FieldType type, boolean list, Set<FieldFlag> flags) {

    public OperandType {
        flags = Set.copyOf(flags);
    }

    public static OperandType of(FieldType type, boolean list) {
        return new OperandType(type, list, Set.of());
    }

    public boolean has(FieldFlag flag) {
        return flags.contains(flag);
    }
}

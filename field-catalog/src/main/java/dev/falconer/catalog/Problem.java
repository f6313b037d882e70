package dev.falconer.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * A semantic problem found by the operator, transformer or value rules: a kind (whose
 * {@link Kind#key()} names a message in the caller's resource bundle) and the message arguments.
 * The catalog produces no text; diagnostics do.
 */
public record Problem(Kind kind, List<String> args) {

    public Problem {
        args = List.copyOf(args);
    }

    static Problem of(Kind kind, Object... args) {
        return new Problem(kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    public String key() {
        return kind.key();
    }

    /** Every problem the rules report, with the arguments each carries. */
    public enum Kind {
        /** {0} operator, {1} field type. */
        OPERATOR_NOT_FOR_TYPE("catalog.operator.notForType"),
        /** {0} operator: list fields take only in, intersects, exists. */
        OPERATOR_NOT_FOR_LIST("catalog.operator.notForList"),
        /** {0} element type: list fields of this type support only exists. */
        LIST_TYPE_NOT_SUPPORTED("catalog.operator.listTypeNotSupported"),
        /** {0} field, {1} operator: the field accepts only {@code =}. */
        OPERATOR_ONLY_EQUALS("catalog.operator.onlyEquals"),
        /** {0} modifier, {1} operator. */
        MODIFIER_NOT_FOR_OPERATOR("catalog.modifier.notForOperator"),
        /** {0} modifier, {1} field type. */
        MODIFIER_NOT_FOR_TYPE("catalog.modifier.notForType"),
        /** {0} field: it refuses transformers. */
        TRANSFORMER_NOT_ON_FIELD("catalog.transformer.notOnField"),
        /** {0} transformer, {1} input type. */
        TRANSFORMER_INPUT_TYPE("catalog.transformer.inputType"),
        /** {0} transformer: it needs a list argument here. */
        TRANSFORMER_NEEDS_LIST("catalog.transformer.needsList"),
        /** {0} transformer: a list cannot be given here. */
        TRANSFORMER_NO_LIST("catalog.transformer.noList"),
        /** {0} transformer, {1} expected argument count, {2} given. */
        TRANSFORMER_ARITY("catalog.transformer.arity"),
        /** {0} transformer: {@code [..]} after it is not supported. */
        TRANSFORMER_NO_ARGUMENT("catalog.transformer.noArgument"),
        /** {0} operator: it refuses a field on the right ({@code pmatch}, {@code regex}). */
        RHS_FIELD_NOT_FOR_OPERATOR("catalog.rhs.notForOperator"),
        /** {0} left type: network fields refuse a field on the right. */
        RHS_FIELD_NOT_FOR_TYPE("catalog.rhs.notForType"),
        /** {0} field: flagged NO_RHS, it can be on neither side of a field comparison. */
        RHS_FIELD_NOT_ALLOWED("catalog.rhs.notAllowed"),
        /** {0} left type, {1} right type. */
        RHS_FIELD_TYPE_MISMATCH("catalog.rhs.typeMismatch"),
        /** {0} value, {1} type. */
        VALUE_NOT_INTEGER("catalog.value.notInteger"),
        /** {0} value, {1} type, {2} min, {3} max. */
        VALUE_OUT_OF_RANGE("catalog.value.outOfRange"),
        /** {0} value, {1} operator: hex only after {@code < <= > >=}. */
        VALUE_HEX_NOT_ALLOWED("catalog.value.hexNotAllowed"),
        /** {0} value. */
        VALUE_NOT_BOOLEAN("catalog.value.notBoolean"),
        /** {0} value. */
        VALUE_NOT_IP_ADDRESS("catalog.value.notIpAddress"),
        /** {0} value. */
        VALUE_NOT_CIDR("catalog.value.notCidr"),
        /** {0} value. */
        VALUE_NOT_PORT("catalog.value.notPort"),
        /** {0} value, {1} operator: bcontains/bstartswith need an even-length hex string. */
        VALUE_NOT_HEX("catalog.value.notHex"),
        /** {0} value: no such event. */
        VALUE_UNKNOWN_EVENT_TYPE("catalog.value.unknownEventType"),
        /** {0} type: Falco cannot parse a constant of this type. */
        VALUE_TYPE_UNSUPPORTED("catalog.value.typeUnsupported"),
        /** {0} feature, {1} Falco version that introduced it, {2} oldest Falco the file's required_engine_version allows. */
        NEEDS_NEWER_FALCO("catalog.version.needsNewerFalco");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}

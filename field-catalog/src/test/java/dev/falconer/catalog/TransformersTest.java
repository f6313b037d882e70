package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transformer table of spec field-catalog.md §1.6. */
class TransformersTest {

    private final FieldCatalog catalog = FieldCatalog.defaults();

    /** transformer | input type | list | accepted. */
    @ParameterizedTest
    @CsvSource({
        "tolower, CHARBUF, false, true", "tolower, FSPATH, false, true", "tolower, UINT64, false, false",
        "toupper, FSRELPATH, false, true", "toupper, BYTEBUF, false, false",
        "b64, CHARBUF, false, true", "b64, BYTEBUF, false, true", "b64, FSPATH, false, false",
        "basename, CHARBUF, false, true", "basename, BOOL, false, false",
        "len, CHARBUF, false, true", "len, BYTEBUF, false, true", "len, UINT64, true, true",
        "len, UINT64, false, false", "tolower, CHARBUF, true, false",
    })
    void singleValueInputs(String name, FieldType type, boolean list, boolean accepted) {
        FieldTransformer t = FieldTransformer.fromText(name).orElseThrow();
        Optional<Problem> p = Transformers.check(t, List.of(OperandType.of(type, list)), List.of("x.y"), false);
        assertEquals(accepted, p.isEmpty(), name + " " + type + " " + list);
    }

    @Test
    void noTransformerFieldsRefuseTransformers() {
        OperandType aname = catalog.field("proc.aname").orElseThrow().operandType();
        Problem p = Transformers.check(FieldTransformer.TOLOWER, List.of(aname), List.of("proc.aname"), false)
                .orElseThrow();
        assertEquals(Problem.Kind.TRANSFORMER_NOT_ON_FIELD, p.kind());
        assertEquals(List.of("proc.aname"), p.args());
        assertTrue(Transformers.check(FieldTransformer.VAL, List.of(aname), List.of("proc.aname"), false).isEmpty());
    }

    @Test
    void multiValueTransformers() {
        OperandType str = OperandType.of(FieldType.CHARBUF, false);
        OperandType list = OperandType.of(FieldType.CHARBUF, true);
        assertTrue(Transformers.check(FieldTransformer.JOIN, List.of(str, list), List.of(), false).isEmpty());
        assertEquals(Problem.Kind.TRANSFORMER_NEEDS_LIST,
                Transformers.check(FieldTransformer.JOIN, List.of(str, str), List.of(), false).orElseThrow().kind());
        assertTrue(Transformers.check(FieldTransformer.CONCAT, List.of(str, str, str), List.of(), false).isEmpty());
        assertEquals(Problem.Kind.TRANSFORMER_ARITY,
                Transformers.check(FieldTransformer.CONCAT, List.of(str), List.of(), false).orElseThrow().kind());
        assertTrue(Transformers.check(FieldTransformer.GETOPT, List.of(list, str), List.of(), true).isEmpty());
        assertEquals(Problem.Kind.TRANSFORMER_NEEDS_LIST,
                Transformers.check(FieldTransformer.GETOPT, List.of(str, str), List.of(), false).orElseThrow().kind());
        assertEquals(Problem.Kind.TRANSFORMER_NO_ARGUMENT,
                Transformers.check(FieldTransformer.TOLOWER, List.of(str), List.of(), true).orElseThrow().kind());
    }

    @Test
    void outputs() {
        OperandType list = OperandType.of(FieldType.CHARBUF, true);
        assertEquals(OperandType.of(FieldType.UINT64, false), Transformers.output(FieldTransformer.LEN, List.of(list), false));
        assertEquals(OperandType.of(FieldType.CHARBUF, true),
                Transformers.output(FieldTransformer.GETOPT, List.of(list, OperandType.of(FieldType.CHARBUF, false)), false));
        assertEquals(OperandType.of(FieldType.CHARBUF, false),
                Transformers.output(FieldTransformer.GETOPT, List.of(list, OperandType.of(FieldType.CHARBUF, false)), true));
        // Output carries no field flags, so nesting works on NO_TRANSFORMER-free results.
        OperandType lowered = Transformers.output(FieldTransformer.TOLOWER,
                List.of(catalog.field("proc.name").orElseThrow().operandType()), false);
        assertTrue(lowered.flags().isEmpty());
    }

    @Test
    void versions() {
        assertEquals(new FalcoVersion(0, 38, 0), FieldTransformer.VAL.since());
        assertEquals(new FalcoVersion(0, 39, 0), FieldTransformer.BASENAME.since());
        assertEquals(new FalcoVersion(0, 40, 0), FieldTransformer.LEN.since());
        assertEquals(new FalcoVersion(0, 44, 0), FieldTransformer.GETOPT.since());
    }
}

package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator table of spec field-catalog.md §1.5 / falco-language.md §1.4. */
class OperatorsTest {

    private final FieldCatalog catalog = FieldCatalog.defaults();

    /** type | list | allowed operators (space separated, besides exists). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UINT64 | false | = == != < <= > >= in intersects",
        "INT64 | false | = == != < <= > >= in intersects",
        "RELTIME | false | = == != < <= > >= in intersects",
        "PORT | false | = == != < <= > >= in intersects",
        "DOUBLE | false | = == != < <= > >= in intersects",
        "BOOL | false | = == != in intersects",
        "IPADDR | false | = == != in intersects",
        "IPNET | false | = == != in intersects",
        "CHARBUF | false | = == != < <= > >= contains icontains startswith endswith glob iglob pmatch regex in intersects",
        "FSPATH | false | = == != < <= > >= contains icontains startswith endswith glob iglob pmatch regex in intersects",
        "BYTEBUF | false | = == != contains startswith endswith bcontains bstartswith in intersects",
        "CHARBUF | true | in intersects",
        "UINT64 | true | in intersects",
        "IPNET | true | in intersects",
        "INT64 | true | ''",
        "DYNAMIC | false | ''",
    })
    void allowedOperators(FieldType type, boolean list, String ops) {
        Set<Operator> expected = EnumSet.of(Operator.EXISTS);
        if (!ops.isBlank()) {
            Arrays.stream(ops.split(" ")).map(o -> Operator.fromText(o).orElseThrow()).forEach(expected::add);
        }
        OperandType lhs = OperandType.of(type, list);
        assertEquals(expected, Operators.allowed(lhs));
        for (Operator op : Operator.values()) {
            assertEquals(expected.contains(op), Operators.check(lhs, op, null).isEmpty(), type + " " + op.text());
        }
    }

    @Test
    void problemsSayWhy() {
        assertEquals(Problem.Kind.OPERATOR_NOT_FOR_TYPE,
                Operators.check(OperandType.of(FieldType.UINT64, false), Operator.GLOB, null).orElseThrow().kind());
        assertEquals(Problem.Kind.OPERATOR_NOT_FOR_LIST,
                Operators.check(OperandType.of(FieldType.CHARBUF, true), Operator.EQ, null).orElseThrow().kind());
        assertEquals(Problem.Kind.LIST_TYPE_NOT_SUPPORTED,
                Operators.check(OperandType.of(FieldType.INT64, true), Operator.IN, null).orElseThrow().kind());
        Problem p = Operators.check(OperandType.of(FieldType.BOOL, false), Operator.CONTAINS, null).orElseThrow();
        assertEquals(java.util.List.of("contains", "BOOL"), p.args());
        assertEquals("catalog.operator.notForType", p.key());
    }

    @Test
    void modifiers() {
        OperandType string = OperandType.of(FieldType.CHARBUF, false);
        OperandType ip = OperandType.of(FieldType.IPADDR, false);
        assertTrue(Operators.check(string, Operator.STARTSWITH, Modifier.ANYOF).isEmpty());
        assertTrue(Operators.check(ip, Operator.EQEQ, Modifier.ANYOF).isEmpty());
        assertEquals(Problem.Kind.OPERATOR_NOT_FOR_TYPE,
                Operators.check(ip, Operator.CONTAINS, Modifier.ANYOF).orElseThrow().kind());
        assertEquals(Problem.Kind.MODIFIER_NOT_FOR_OPERATOR,
                Operators.check(string, Operator.IN, Modifier.ONEOF).orElseThrow().kind());
    }

    @Test
    void evtAroundTakesOnlyEquals() {
        Resolution.Resolved around = (Resolution.Resolved) catalog.resolve("syscall", "evt.around", "5");
        assertTrue(Operators.check(around, Operator.EQ, null).isEmpty());
        assertEquals(Problem.Kind.OPERATOR_ONLY_EQUALS, Operators.check(around, Operator.GT, null).orElseThrow().kind());
    }

    @Test
    void fdTypesIsAListField() {
        Resolution.Resolved types = (Resolution.Resolved) catalog.resolve("syscall", "fd.types", null);
        assertEquals(Problem.Kind.OPERATOR_NOT_FOR_LIST, Operators.check(types, Operator.EQ, null).orElseThrow().kind());
        assertTrue(Operators.check(types, Operator.INTERSECTS, null).isEmpty());
    }

    @Test
    void fieldToFieldComparisons() {
        OperandType name = catalog.field("proc.name").orElseThrow().operandType();
        OperandType pname = catalog.field("proc.pname").orElseThrow().operandType();
        OperandType wait = catalog.field("evt.is_wait").orElseThrow().operandType();
        OperandType net = catalog.field("fd.net").orElseThrow().operandType();
        OperandType aname = catalog.field("proc.aname").orElseThrow().operandType();
        assertTrue(Operators.checkRhsField(Operator.EQ, name, "proc.name", pname, "proc.pname").isEmpty());
        assertEquals(Optional.of(Problem.Kind.RHS_FIELD_NOT_FOR_OPERATOR), kind(
                Operators.checkRhsField(Operator.PMATCH, name, "proc.name", pname, "proc.pname")));
        assertEquals(Optional.of(Problem.Kind.RHS_FIELD_NOT_FOR_OPERATOR), kind(
                Operators.checkRhsField(Operator.REGEX, name, "proc.name", pname, "proc.pname")));
        assertEquals(Optional.of(Problem.Kind.RHS_FIELD_NOT_FOR_TYPE), kind(
                Operators.checkRhsField(Operator.EQ, net, "fd.net", pname, "proc.pname")));
        assertEquals(Optional.of(Problem.Kind.RHS_FIELD_NOT_ALLOWED), kind(
                Operators.checkRhsField(Operator.EQ, name, "proc.name", aname, "proc.aname")));
        assertEquals(Optional.of(Problem.Kind.RHS_FIELD_TYPE_MISMATCH), kind(
                Operators.checkRhsField(Operator.EQ, catalog.field("syscall.type").orElseThrow().operandType(),
                        "syscall.type", wait, "evt.is_wait")));
    }

    @Test
    void operatorVersions() {
        assertEquals(new FalcoVersion(0, 38, 0), Operators.since(Operator.IGLOB));
        assertEquals(new FalcoVersion(0, 39, 0), Operators.since(Operator.REGEX));
        assertEquals(new FalcoVersion(0, 44, 0), Operators.since(Modifier.ALLOF));
        assertEquals(Releases.BASELINE, Operators.since(Operator.CONTAINS));
        Set<FalcoVersion> all = Arrays.stream(Operator.values()).map(Operators::since).collect(Collectors.toSet());
        assertTrue(all.stream().allMatch(v -> v != null));
    }

    private static Optional<Problem.Kind> kind(Optional<Problem> p) {
        return p.map(Problem::kind);
    }
}

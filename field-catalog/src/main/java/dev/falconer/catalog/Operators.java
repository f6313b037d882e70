package dev.falconer.catalog;

import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which operators and modifiers a left-hand side accepts (libs {@code flt_is_comparable}, spec
 * field-catalog.md §1.5 and falco-language.md §1.4), field-to-field comparison rules, and the
 * Falco release that introduced each operator and modifier.
 */
public final class Operators {

    private static final String EVT_AROUND = "evt.around";
    private static final Set<Operator> EQUALITY = EnumSet.of(Operator.EQ, Operator.EQEQ, Operator.NE);
    private static final Set<Operator> ORDERING = EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE);
    private static final Set<Operator> SET = EnumSet.of(Operator.IN, Operator.INTERSECTS);

    private static final Map<FieldType.Group, Set<Operator>> BY_GROUP = new EnumMap<>(FieldType.Group.class);
    private static final Map<Operator, FalcoVersion> OPERATOR_SINCE = new EnumMap<>(Operator.class);

    static {
        BY_GROUP.put(FieldType.Group.NUMERIC, union(EQUALITY, ORDERING, SET));
        BY_GROUP.put(FieldType.Group.BOOL, union(EQUALITY, SET));
        BY_GROUP.put(FieldType.Group.IP, union(EQUALITY, SET));
        Set<Operator> string = EnumSet.allOf(Operator.class);
        string.removeAll(EnumSet.of(Operator.BCONTAINS, Operator.BSTARTSWITH, Operator.EXISTS));
        BY_GROUP.put(FieldType.Group.STRING, string);
        BY_GROUP.put(FieldType.Group.BUFFER, union(EQUALITY, SET, EnumSet.of(Operator.CONTAINS, Operator.STARTSWITH,
                Operator.ENDSWITH, Operator.BCONTAINS, Operator.BSTARTSWITH)));
        BY_GROUP.put(FieldType.Group.OTHER, EnumSet.noneOf(Operator.class));

        for (Operator op : Operator.values()) {
            OPERATOR_SINCE.put(op, Releases.BASELINE);
        }
        // ==, the b-operators and intersects came with the libs 0.7 parser (Falco 0.32), but the
        // Lua-era grammar before it was not studied (spec §5): they count as baseline, so a file
        // requiring an engine older than 0.32 gets no claim we cannot back.
        OPERATOR_SINCE.put(Operator.IGLOB, new FalcoVersion(0, 38, 0));
        OPERATOR_SINCE.put(Operator.REGEX, new FalcoVersion(0, 39, 0));
    }

    /** Comparison modifiers came with libs 0.25 (Falco 0.44). */
    private static final FalcoVersion MODIFIER_SINCE = new FalcoVersion(0, 44, 0);

    private Operators() {
    }

    @SafeVarargs
    private static Set<Operator> union(Set<Operator>... sets) {
        Set<Operator> out = EnumSet.noneOf(Operator.class);
        for (Set<Operator> s : sets) {
            out.addAll(s);
        }
        return out;
    }

    /** The operators a left-hand side of this type accepts ({@code exists} always). */
    public static Set<Operator> allowed(OperandType lhs) {
        Set<Operator> out = EnumSet.of(Operator.EXISTS);
        if (lhs.list()) {
            if (lhs.type().isListElementType()) {
                out.addAll(SET);
            }
            return out;
        }
        out.addAll(BY_GROUP.get(lhs.type().group()));
        return out;
    }

    /** Checks an operator (and optional modifier) against a left-hand side type. */
    public static Optional<Problem> check(OperandType lhs, Operator op, Modifier modifier) {
        if (op != Operator.EXISTS && !allowed(lhs).contains(op)) {
            if (lhs.list()) {
                return Optional.of(lhs.type().isListElementType()
                        ? Problem.of(Problem.Kind.OPERATOR_NOT_FOR_LIST, op.text())
                        : Problem.of(Problem.Kind.LIST_TYPE_NOT_SUPPORTED, lhs.type()));
            }
            return Optional.of(Problem.of(Problem.Kind.OPERATOR_NOT_FOR_TYPE, op.text(), lhs.type()));
        }
        if (modifier != null) {
            if (op.kind() != Operator.Kind.STRING) {
                return Optional.of(Problem.of(Problem.Kind.MODIFIER_NOT_FOR_OPERATOR, modifier.text(), op.text()));
            }
            // On addresses and networks a modifier only goes with equality (fd.ip == anyof (...)).
            if (lhs.type().group() == FieldType.Group.IP && !EQUALITY.contains(op)) {
                return Optional.of(Problem.of(Problem.Kind.MODIFIER_NOT_FOR_TYPE, modifier.text(), lhs.type()));
            }
        }
        return Optional.empty();
    }

    /** Checks an operator for a resolved field: the type rules plus per-field ones ({@code evt.around} takes only {@code =}). */
    public static Optional<Problem> check(Resolution.Resolved field, Operator op, Modifier modifier) {
        if (onlyEquals(field.field()) && op != Operator.EQ && op != Operator.EQEQ) {
            return Optional.of(Problem.of(Problem.Kind.OPERATOR_ONLY_EQUALS, field.field().name(), op.text()));
        }
        return check(field.operandType(), op, modifier);
    }

    /** libs hard-codes "= only" in the {@code evt.around} check. */
    private static boolean onlyEquals(FieldInfo f) {
        return f.plugin() == null && EVT_AROUND.equals(f.name());
    }

    /**
     * Checks a field-to-field comparison ({@code lhs op val(rhs)} or a transformer on the right):
     * {@code pmatch} and {@code regex} refuse it, network-typed left sides refuse it, NO_RHS
     * fields refuse it on either side, and the two types must be comparable.
     */
    public static Optional<Problem> checkRhsField(Operator op, OperandType lhs, String lhsName, OperandType rhs,
            String rhsName) {
        if (op == Operator.PMATCH || op == Operator.REGEX) {
            return Optional.of(Problem.of(Problem.Kind.RHS_FIELD_NOT_FOR_OPERATOR, op.text()));
        }
        if (lhs.type().isNetwork()) {
            return Optional.of(Problem.of(Problem.Kind.RHS_FIELD_NOT_FOR_TYPE, lhs.type()));
        }
        if (lhs.has(FieldFlag.NO_RHS)) {
            return Optional.of(Problem.of(Problem.Kind.RHS_FIELD_NOT_ALLOWED, lhsName));
        }
        if (rhs.has(FieldFlag.NO_RHS)) {
            return Optional.of(Problem.of(Problem.Kind.RHS_FIELD_NOT_ALLOWED, rhsName));
        }
        if (!comparable(lhs.type(), rhs.type())) {
            return Optional.of(Problem.of(Problem.Kind.RHS_FIELD_TYPE_MISMATCH, lhs.type(), rhs.type()));
        }
        return Optional.empty();
    }

    private static boolean comparable(FieldType a, FieldType b) {
        if (a == b) {
            return true;
        }
        FieldType.Group ga = a.group();
        return ga == b.group() && ga != FieldType.Group.OTHER && ga != FieldType.Group.BOOL;
    }

    /** The first Falco release with this operator ({@link Releases#BASELINE} for the original ones). */
    public static FalcoVersion since(Operator op) {
        return OPERATOR_SINCE.get(op);
    }

    public static FalcoVersion since(Modifier modifier) {
        return MODIFIER_SINCE;
    }
}

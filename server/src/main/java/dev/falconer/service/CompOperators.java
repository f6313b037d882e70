package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Operators;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.condition.Operator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operators an exception's comp may be, from the field at the same place in its
 * {@code fields}: Falco builds {@code field comp value} from the two, so a comp that the field's
 * type does not take is a load error (an IP address has no {@code startswith}).
 */
final class CompOperators {
    private CompOperators() {
    }

    /**
     * {@code fields}: the value written after {@code fields:} ({@code [proc.name, fd.sip]} or one
     * name), or {@code null}; {@code typed}: the {@code comps} value up to the cursor. Every operator
     * when the field is not written or not known.
     */
    static Set<Operator> at(FieldCatalog catalog, String source, String fields, String typed) {
        Set<Operator> all = EnumSet.allOf(Operator.class);
        if (fields == null || fields.isBlank()) {
            return all;
        }
        int open = typed.lastIndexOf('[');
        if ((open >= 0) != fields.startsWith("[")) {
            return all; // one written as a list and the other not: nothing pairs them up
        }
        int index = open < 0 ? 0 : (int) typed.substring(open).chars().filter(c -> c == ',').count();
        return atIndex(catalog, source, fields, index);
    }

    /**
     * The operators of the comp at {@code index} of a list of comps (a flow list, or a block
     * sequence's items): those of the field at the same place of {@code fields}; every operator
     * when that field is not written or not known. A single {@code fields} takes one comp (index 0).
     */
    static Set<Operator> atIndex(FieldCatalog catalog, String source, String fields, int index) {
        Set<Operator> all = EnumSet.allOf(Operator.class);
        if (fields == null || fields.isBlank()) {
            return all;
        }
        boolean flowFields = fields.startsWith("[");
        List<String> names = flowFields ? items(fields) : List.of(unquoted(fields));
        if (index >= names.size()) {
            return all;
        }
        String written = names.get(index);
        int bracket = written.indexOf('[');
        String name = bracket < 0 ? written : written.substring(0, bracket);
        String arg = bracket < 0 || !written.endsWith("]") ? null : written.substring(bracket + 1, written.length() - 1);
        Resolution r = catalog.resolve(source == null ? SourceScope.SYSCALL : source, name, arg);
        Set<Operator> out = EnumSet.copyOf(r instanceof Resolution.Resolved res ? Operators.allowed(res.operandType()) : all);
        if (!flowFields) {
            // one field: the comp compares it with the whole list of values (spec §2.9): a list
            // operator, or a string operator that a modifier follows (startswith oneof)
            out.removeIf(op -> op.kind() != Operator.Kind.LIST && op.kind() != Operator.Kind.STRING);
        }
        return out;
    }

    /**
     * True when {@code fields} is one field and the comp one operator (not lists): the comp then
     * compares the field with every value, so a string operator needs a modifier after it
     * ({@code startswith oneof}, spec §2.9).
     */
    static boolean singleField(String fields, String typed) {
        return fields != null && !fields.isBlank() && !fields.startsWith("[") && typed.lastIndexOf('[') < 0;
    }

    /** The items of a one-line flow sequence, unquoted; its closing bracket may be missing (still typing). */
    private static List<String> items(String flow) {
        String inner = flow.substring(1);
        long opens = inner.chars().filter(c -> c == '[').count();
        long closes = inner.chars().filter(c -> c == ']').count();
        if (closes > opens && inner.endsWith("]")) {
            inner = inner.substring(0, inner.length() - 1); // the list's own bracket, not an argument's
        }
        List<String> out = new ArrayList<>();
        for (String item : inner.split(",", -1)) {
            out.add(unquoted(item));
        }
        return out;
    }

    /** {@code s} stripped, without the quotes around it if it has a pair. */
    static String unquoted(String s) {
        String v = s.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}

package dev.falconer.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Falco's rewriting of a rule's condition with its exceptions (spec §2.9,
 * {@code build_rule_exception_infos}): {@code (C)} followed by {@code and not <E>} for every
 * exception with values. Reproduced character for character, because Falco parses the result.
 * Shape errors (length mismatches, nested values in the scalar form, empty values, which Falco
 * rejects before compiling) are the validators' job; here they are skipped so the function
 * never fails.
 */
public final class ExceptionExpansion {
    private static final Set<String> LIST_OPERATORS = Set.of("in", "intersects", "pmatch");
    private static final Set<String> MODIFIERS = Set.of("oneof", "anyof", "allof");

    private ExceptionExpansion() {
    }

    /** True for the comps after which Falco wraps a single value in parentheses. */
    public static boolean isListOperator(String comp) {
        if (LIST_OPERATORS.contains(comp)) {
            return true;
        }
        int space = comp.lastIndexOf(' ');
        return space > 0 && MODIFIERS.contains(comp.substring(space + 1));
    }

    public static SourcedText expand(SourcedText condition, List<EffectiveException> exceptions) {
        if (exceptions.isEmpty()) {
            return condition;
        }
        List<SourcedText> out = new ArrayList<>();
        out.add(syn("("));
        out.add(condition);
        out.add(syn(")"));
        for (EffectiveException ex : exceptions) {
            List<SourcedText> icond = ex.fields().isList() ? listForm(ex) : scalarForm(ex);
            if (!icond.isEmpty()) {
                out.add(syn(" and not "));
                out.addAll(icond);
            }
        }
        return SourcedText.concat(out);
    }

    /** Plain-string form, for tests and quick checks. */
    public static String expand(String condition, List<EffectiveException> exceptions) {
        return expand(SourcedText.synthetic(condition), exceptions).text();
    }

    private static List<SourcedText> scalarForm(EffectiveException ex) {
        List<SourcedText> icond = new ArrayList<>();
        for (SourcedValue v : ex.values()) {
            if (v.isList() || isEmpty(v)) {
                continue;
            }
            if (icond.isEmpty()) {
                icond.add(syn("("));
                icond.add(ex.fields().sourced());
                icond.add(syn(" "));
                icond.add(ex.comps().sourced());
                icond.add(syn(" ("));
            } else {
                icond.add(syn(", "));
            }
            icond.add(quoted(v));
        }
        if (!icond.isEmpty()) {
            icond.add(syn("))"));
        }
        return icond;
    }

    private static List<SourcedText> listForm(EffectiveException ex) {
        List<SourcedValue> fields = ex.fields().items();
        List<SourcedValue> comps = ex.comps() != null && ex.comps().isList() ? ex.comps().items() : List.of();
        List<SourcedText> icond = new ArrayList<>();
        icond.add(syn("("));
        boolean first = true;
        for (SourcedValue tuple : ex.values()) {
            if (!tuple.isList() || tuple.items().size() != fields.size() || comps.size() != fields.size()
                    || isEmpty(tuple)) {
                continue;
            }
            icond.add(syn(first ? "(" : " or ("));
            first = false;
            for (int k = 0; k < fields.size(); k++) {
                if (k > 0) {
                    icond.add(syn(" and "));
                }
                SourcedValue value = tuple.items().get(k);
                String comp = comps.get(k).text() == null ? "" : comps.get(k).text();
                icond.add(syn(" "));
                icond.add(fields.get(k).sourced());
                icond.add(syn(" "));
                icond.add(comps.get(k).sourced());
                icond.add(syn(" "));
                if (value.isList()) {
                    icond.add(syn("("));
                    for (int i = 0; i < value.items().size(); i++) {
                        if (i > 0) {
                            icond.add(syn(", "));
                        }
                        icond.add(quoted(value.items().get(i)));
                    }
                    icond.add(syn(")"));
                } else if (isListOperator(comp)) {
                    String text = value.text() == null ? "" : value.text();
                    boolean wrap = text.isEmpty() || text.charAt(0) != '(';
                    if (wrap) {
                        icond.add(syn("("));
                    }
                    icond.add(value.sourced());
                    if (wrap) {
                        icond.add(syn(")"));
                    }
                } else {
                    icond.add(quoted(value));
                }
            }
            icond.add(syn(")"));
        }
        icond.add(syn(")"));
        return icond.size() == 2 ? List.of() : icond;
    }

    /** True when {@code v} is, or holds, an empty value (Falco: "Value must be non-empty"). */
    private static boolean isEmpty(SourcedValue v) {
        return v.isList() ? v.items().stream().anyMatch(ExceptionExpansion::isEmpty) : v.text() == null || v.text().isEmpty();
    }

    private static SourcedText quoted(SourcedValue v) {
        String text = v.text() == null ? "" : v.text();
        if (ListSubstitution.quoteItem(text).equals(text)) {
            return v.sourced();
        }
        return SourcedText.concat(syn("\""), v.sourced(), syn("\""));
    }

    private static SourcedText syn(String s) {
        return SourcedText.synthetic(s);
    }
}

package dev.falconer.explain;

import java.util.List;

/**
 * One entry of a rule's {@code exceptions}, normalised: {@code fields} and {@code comps} have the
 * same length (the loader's defaults already applied: {@code =} per field in the list form,
 * {@code in} in the scalar form), and each tuple holds one element per field. The scalar form
 * ({@code fields: proc.name}, {@code values: [a, b]}) is one tuple with one list element.
 */
public record ExceptionDoc(String name, List<String> fields, List<String> comps, List<List<Element>> tuples) {

    public ExceptionDoc {
        fields = List.copyOf(fields);
        comps = List.copyOf(comps);
        tuples = tuples.stream().map(List::copyOf).toList();
    }

    /** One value of a tuple: a single value, or an inline list ({@code [a, b]}). */
    public record Element(List<String> items, boolean list) {
        public Element {
            items = List.copyOf(items);
        }

        public static Element single(String value) {
            return new Element(List.of(value), false);
        }

        public static Element list(List<String> values) {
            return new Element(values, true);
        }
    }
}

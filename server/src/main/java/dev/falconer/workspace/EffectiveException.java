package dev.falconer.workspace;

import dev.falconer.rules.ExceptionSpec;

import java.util.List;

/**
 * An exception of a merged rule: fields ({@code fields.isList()} tells the list form from the
 * scalar form), comps with Falco's defaults filled in and trimmed, and every value tuple in the
 * order appends added them. {@code specs} are the exception entries that contributed, in load order.
 */
public record EffectiveException(String name, SourcedValue fields, SourcedValue comps, List<SourcedValue> values,
                                 List<ExceptionSpec> specs) {
    public EffectiveException {
        values = List.copyOf(values);
        specs = List.copyOf(specs);
    }
}

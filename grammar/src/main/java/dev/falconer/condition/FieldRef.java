package dev.falconer.condition;

/**
 * A field such as {@code proc.name}, {@code proc.aname[2]} or {@code evt.arg.flags}.
 * {@code name} is the dotted name exactly as written (the dotted argument forms such as
 * {@code evt.arg.flags} are part of the name: the catalog decides what they mean);
 * {@code argument} is the bracket argument, or {@code null} when there is none.
 */
public record FieldRef(String name, Span nameSpan, FieldArg argument, Span span)
        implements Operand, TransformerArg {

    /** The field as Falco's compiler re-joins it: {@code name[arg]}. */
    public String fullName() {
        return argument == null ? name : name + "[" + argument.value() + "]";
    }
}

package dev.falconer.condition;

import java.util.List;

/**
 * A field transformer call: {@code tolower(proc.name)}, {@code join("-", (a.b, c.d))},
 * {@code getopt(proc.args, "nt:")[t]}, and {@code val(proc.pname)} (represented with name "val",
 * valid on the right-hand side only). {@code argument} is the optional {@code [..]} after the
 * closing parenthesis, {@code null} when absent.
 */
public record Transformer(String name, Span nameSpan, List<TransformerArg> args, FieldArg argument, Span span)
        implements Operand, Rhs, TransformerArg {
    public Transformer {
        args = List.copyOf(args);
    }

    public boolean isVal() {
        return "val".equals(name);
    }
}

package dev.falconer.condition;

import java.util.List;

/** An n-ary {@code or}; never has fewer than two children (a single child is returned unwrapped). */
public record Or(List<BoolExpr> children, Span span) implements BoolExpr {
    public Or {
        children = List.copyOf(children);
    }
}

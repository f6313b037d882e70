package dev.falconer.condition;

import java.util.List;

/** An n-ary {@code and}; never has fewer than two children (a single child is returned unwrapped). */
public record And(List<BoolExpr> children, Span span) implements BoolExpr {
    public And {
        children = List.copyOf(children);
    }
}

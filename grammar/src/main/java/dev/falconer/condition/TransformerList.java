package dev.falconer.condition;

import java.util.List;

/** A parenthesised list inside a multi-value transformer: {@code join("-", (fd.name, fd.directory))}. */
public record TransformerList(List<TransformerArg> items, Span span) implements TransformerArg {
    public TransformerList {
        items = List.copyOf(items);
    }
}

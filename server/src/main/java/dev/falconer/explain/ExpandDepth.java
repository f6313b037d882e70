package dev.falconer.explain;

/** How many levels of macros the markdown explains in place; deeper ones get a one-line reading. */
public record ExpandDepth(int levels) {

    public static final ExpandDepth NONE = new ExpandDepth(0);
    public static final ExpandDepth ONE = new ExpandDepth(1);
    public static final ExpandDepth ALL = new ExpandDepth(ClauseBuilder.MAX_MACRO_DEPTH);

    public ExpandDepth {
        levels = Math.max(0, levels);
    }
}

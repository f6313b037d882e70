package dev.falconer.explain;

import dev.falconer.condition.FieldArg;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the explainer needs to know about the world around a condition: field noun phrases (the
 * field catalog), macros and lists (the workspace) and value glosses. The server implements it
 * with thin adapters over the real catalog and workspace; tests implement it with maps.
 */
public interface ExplainContext {

    /**
     * How to word a field in the given language: its noun phrase ("the process name" /
     * "プロセス名") and, for fields that take an argument ({@code proc.env[HOME]},
     * {@code evt.arg.flags}), which argument; empty when the catalog has no phrase for it.
     */
    Optional<FieldWords> field(String fieldName, FieldArg arg, Locale locale);

    /** The macro visible under this name, parsed. */
    Optional<MacroDoc> macro(String name);

    /** As {@link ExplainSymbols#macroVisibleFrom}. */
    default boolean macroVisibleFrom(String name, String referrer) {
        return true;
    }

    /** The items of the list of this name, as written (items may name other lists). */
    Optional<List<String>> list(String name);

    /**
     * A short gloss of a value that carries meaning ({@code mkhomedir_helper}, {@code /dev/shm}) where
     * it is compared with {@code field} ({@code null} when not a plain field): only glosses about the
     * kind of thing the field holds.
     */
    Optional<String> valueGloss(String field, String value, Locale locale);

    /**
     * Whether {@code text}, a constant in a condition, is exactly the name of a field of the
     * item's source: libs compares it as text (a {@code val()} was probably meant).
     */
    default boolean isFieldName(String text) {
        return false;
    }

    /**
     * Whether the field is known to hold one value, not a list: {@code intersects} on it is then
     * {@code in} ({@code proc.args intersects (x, y)} is "is x or y", not "includes").
     */
    default boolean holdsOneValue(String fieldName) {
        return false;
    }

    /**
     * Whether the field is known to hold a list of values ({@code ka.req.pod.containers.image}):
     * {@code in} on it asks that every value be in the set.
     */
    default boolean holdsList(String fieldName) {
        return false;
    }

    /** Whether the field holds a span of time in nanoseconds ({@code proc.duration}), read as "5 seconds". */
    default boolean isDuration(String fieldName) {
        return false;
    }

    /**
     * Where explained macro bodies may be kept between explanations in one language, or
     * {@code null} to explain them afresh each time. A context that caches must be replaced when
     * the macros, lists or catalog it answers from change.
     */
    default java.util.Map<String, Clause> macroBodies(Locale locale) {
        return null;
    }
}

package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/** A list, macro or rule: named, and possibly appending to or overriding an earlier one. */
public sealed interface NamedItem extends MappedItem permits RuleItem, MacroItem, ListItem {
    ItemKind kind();

    /** The {@code list:}/{@code macro:}/{@code rule:} entry; never null. */
    YamlEntry nameEntry();

    /** The legacy {@code append:} entry, or {@code null}. */
    YamlEntry append();

    /** The {@code override:} entry, or {@code null}. */
    OverrideSpec override();

    /** The name text, {@code null} when empty or not a scalar (Falco rejects such items). */
    default String name() {
        return nameEntry().text();
    }

    /** Where the name is written (its value), or the key when the value is missing. */
    default TextSpan nameSpan() {
        YamlScalar s = nameEntry().scalar();
        return s != null && !s.isNull() ? s.span() : nameEntry().keySpan();
    }

    /**
     * True when its condition is added to an earlier one's ({@code append: true}, or
     * {@code override: condition: append}): Falco joins them with a blank, so the written text
     * is a fragment that starts with {@code and} or {@code or}.
     */
    default boolean appendsCondition() {
        if (isLegacyAppend()) {
            return true;
        }
        OverrideSpec.OverrideOp op = override() == null ? null : override().op("condition");
        return op != null && op.operation() == OverrideSpec.Operation.APPEND;
    }

    /**
     * {@code written} (this item's condition, or the start of it) as the condition grammar can
     * read it on its own: an appended fragment's leading {@code and} or {@code or}, which joins it
     * to the earlier condition, is blanked. Same length, so every offset holds.
     */
    default String readableCondition(String written) {
        if (!appendsCondition()) {
            return written;
        }
        int start = 0;
        while (start < written.length() && Character.isWhitespace(written.charAt(start))) {
            start++;
        }
        for (String joiner : JOINERS) {
            int end = start + joiner.length();
            if (written.startsWith(joiner, start)
                    && (end == written.length() || Character.isWhitespace(written.charAt(end)) || written.charAt(end) == '(')) {
                return written.substring(0, start) + " ".repeat(joiner.length()) + written.substring(end);
            }
        }
        return written;
    }

    /** The words that join an appended condition to the earlier one. */
    java.util.List<String> JOINERS = java.util.List.of("and", "or");

    /** True for {@code append: true} read the way yaml-cpp reads booleans. */
    default boolean isLegacyAppend() {
        return append() != null && FalcoScalars.bool(append().text()).orElse(false);
    }
}

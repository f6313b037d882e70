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

    /** True for {@code append: true} read the way yaml-cpp reads booleans. */
    default boolean isLegacyAppend() {
        return append() != null && FalcoScalars.bool(append().text()).orElse(false);
    }
}

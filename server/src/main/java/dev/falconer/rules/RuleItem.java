package dev.falconer.rules;

import java.util.List;

/**
 * {@code - rule: name}. Absent keys are {@code null}; {@code exceptionSpecs} are the mapping
 * entries of {@code exceptions} (non-mapping entries, which Falco rejects, are left out).
 */
public record RuleItem(ItemFrame frame, YamlMapping mapping, YamlEntry nameEntry, YamlEntry condition,
                       YamlEntry output, YamlEntry desc, YamlEntry priority, YamlEntry source, YamlEntry enabled,
                       YamlEntry tags, YamlEntry exceptions, List<ExceptionSpec> exceptionSpecs,
                       YamlEntry append, OverrideSpec override) implements NamedItem {
    public RuleItem {
        exceptionSpecs = List.copyOf(exceptionSpecs);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.RULE;
    }

    /**
     * A full definition that writes no {@code source:} (yet: the plugin rulesets write it last).
     * An override or a legacy append keeps the earlier rule's source instead.
     */
    public boolean definesWithoutSource() {
        return source == null && override == null && !isLegacyAppend();
    }

    /** The explicit source text, {@code null} when absent or empty. */
    public String sourceText() {
        String text = source == null ? null : source.text();
        return text == null || text.isEmpty() ? null : text;
    }
}

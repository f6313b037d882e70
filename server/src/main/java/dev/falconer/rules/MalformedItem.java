package dev.falconer.rules;

/** Valid YAML in the wrong shape for a rules file. */
public record MalformedItem(ItemFrame frame, Reason reason, YamlValue node) implements RulesItem {
    public enum Reason {
        /** A sequence entry that is a scalar or a sequence, not a mapping. */
        ENTRY_NOT_A_MAPPING,
        /** A document that is a mapping instead of a sequence. */
        DOCUMENT_NOT_A_SEQUENCE,
        /** A document that is a single non-null scalar. */
        DOCUMENT_IS_A_SCALAR
    }
}

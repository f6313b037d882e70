package dev.falconer.catalog;

/**
 * Field properties beyond type, list-ness and argument (those have their own places in
 * {@link FieldInfo}). Names follow libs' {@code EPF_*} bits without the prefix.
 */
public enum FieldFlag {
    /** Usable in conditions, not in outputs. */
    FILTER_ONLY,
    /** Usable in outputs only. */
    PRINT_ONLY,
    /** Hidden from {@code falco --list} (plugin "hidden" property), yet valid in conditions. */
    TABLE_ONLY,
    /** Plugin "info" property. */
    INFO,
    /** Plugin "conversation" property. */
    CONVERSATION,
    /** Deprecated: libs' flag for built-ins, the plugin's own wording for plugin fields. */
    DEPRECATED,
    /** Refuses transformers such as {@code tolower()}. */
    NO_TRANSFORMER,
    /** Cannot take part in a field-to-field comparison, on either side. */
    NO_RHS,
    /** Internal caching hint of libs; kept for fidelity with the facts. */
    NO_PTR_STABILITY,
    /** Suggested output field (plugin "addOutput"). */
    FORMAT_SUGGESTED;

    /** True for flags that hide a field from Falco's listings. */
    public boolean hides() {
        return this == PRINT_ONLY || this == TABLE_ONLY || this == DEPRECATED;
    }
}

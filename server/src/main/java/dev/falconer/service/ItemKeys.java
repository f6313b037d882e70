package dev.falconer.service;

import java.util.List;
import java.util.Map;

/** The keys Falco accepts in each kind of entry (spec falco-language.md §2.2, §2.9, §2.10). */
final class ItemKeys {
    static final Map<String, List<String>> BY_KIND = Map.of(
            "rule", List.of("condition", "output", "desc", "priority", "source", "enabled", "tags", "exceptions",
                    "override", "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration", "append"),
            "macro", List.of("condition", "override", "append"),
            "list", List.of("items", "override", "append"),
            "exception", List.of("name", "fields", "comps", "values"),
            "plugin", List.of("name", "version", "alternatives"));

    /** The keys Falco reads in a legacy {@code append: true} entry, per item kind (spec §2.10). */
    static final Map<String, List<String>> LEGACY_APPEND = Map.of(
            "rule", List.of("condition", "exceptions", "append"),
            "macro", List.of("condition", "append"),
            "list", List.of("items", "append"));

    /** Keys that may appear under {@code override:}, per item kind. */
    static final Map<String, List<String>> OVERRIDABLE = Map.of(
            "rule", List.of("condition", "output", "desc", "priority", "tags", "exceptions", "enabled",
                    "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration"),
            "macro", List.of("condition"),
            "list", List.of("items"));

    /** Keys holding a yaml-cpp boolean. */
    static final List<String> BOOLEAN_KEYS = List.of("enabled", "append", "warn_evttypes", "skip-if-unknown-filter",
            "capture");

    static final List<String> PRIORITIES = List.of("EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE",
            "INFORMATIONAL", "DEBUG");

    private ItemKeys() {
    }
}

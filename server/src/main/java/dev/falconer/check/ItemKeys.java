package dev.falconer.check;

import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.MappedItem;
import dev.falconer.rules.PluginVersionsItem;
import dev.falconer.rules.RuleItem;
import java.util.List;
import java.util.Set;

/** The keys Falco 0.44 accepts per item kind (spec §2.2), in Falco's order, and their value types. */
final class ItemKeys {
    static final List<String> RULE = List.of("rule", "condition", "output", "desc", "priority", "source", "enabled",
            "capture", "capture_duration", "warn_evttypes", "skip-if-unknown-filter", "tags", "exceptions",
            "override", "append");
    static final List<String> MACRO = List.of("macro", "condition", "append", "override");
    static final List<String> LIST = List.of("list", "items", "append", "override");
    static final List<String> ENGINE = List.of("required_engine_version");
    static final List<String> PLUGINS = List.of("required_plugin_versions");
    /**
     * The keys of a legacy {@code append: true} rule entry that Falco reads: the rest are skipped
     * unread (spec §2.10). The source is kept: a different one is still the merge's error.
     */
    static final Set<String> READ_BY_LEGACY_RULE_APPEND = Set.of("rule", "append", "condition", "exceptions", "source");
    /** Keys whose value yaml-cpp must read as a boolean. */
    static final Set<String> BOOLEANS = Set.of("enabled", "append", "capture", "warn_evttypes", "skip-if-unknown-filter");
    /** Keys whose value must be a non-empty scalar. */
    static final Set<String> TEXTS = Set.of("rule", "macro", "list", "condition", "output", "desc", "priority");
    /** Keys whose value must be a sequence of scalars. */
    static final Set<String> SCALAR_SEQUENCES = Set.of("items", "tags");
    /** The keys a full rule definition needs, in the order Falco checks them. */
    static final List<String> RULE_REQUIRED = List.of("condition", "output", "desc", "priority");

    private ItemKeys() {
    }

    static List<String> allowed(MappedItem item) {
        if (item instanceof RuleItem) {
            return RULE;
        }
        if (item instanceof MacroItem) {
            return MACRO;
        }
        if (item instanceof ListItem) {
            return LIST;
        }
        if (item instanceof EngineVersionItem) {
            return ENGINE;
        }
        if (item instanceof PluginVersionsItem) {
            return PLUGINS;
        }
        return List.of();
    }

    /** Every key of every kind, for suggestions on unknown items. */
    static List<String> all() {
        return List.of("rule", "macro", "list", "required_engine_version", "required_plugin_versions", "condition",
                "output", "desc", "priority", "source", "enabled", "tags", "exceptions", "items", "override", "append");
    }
}

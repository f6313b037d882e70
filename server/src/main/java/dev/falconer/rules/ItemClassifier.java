package dev.falconer.rules;

import java.util.ArrayList;
import java.util.List;

/** Gives a mapping entry its kind the way Falco's reader does (spec §2.2) and types its keys. */
final class ItemClassifier {
    private ItemClassifier() {
    }

    /** The slots of the keys read here in {@link #firstEntries}. */
    private static final int ENGINE = 0, PLUGINS = 1, LIST = 2, MACRO = 3, RULE = 4, ITEMS = 5, APPEND = 6,
            OVERRIDE = 7, CONDITION = 8, OUTPUT = 9, DESC = 10, PRIORITY = 11, SOURCE = 12, ENABLED = 13, TAGS = 14,
            EXCEPTIONS = 15;

    private static final ThreadLocal<YamlEntry[]> SCRATCH = ThreadLocal.withInitial(() -> new YamlEntry[EXCEPTIONS + 1]);

    static RulesItem classify(ItemFrame frame, YamlMapping m) {
        YamlEntry[] e = firstEntries(m);
        if (e[ENGINE] != null) {
            return new EngineVersionItem(frame, m, e[ENGINE]);
        }
        if (e[PLUGINS] != null) {
            return new PluginVersionsItem(frame, m, e[PLUGINS],
                    PluginVersionsItem.PluginRequirement.listOf(e[PLUGINS].value()));
        }
        if (e[LIST] != null) {
            return new ListItem(frame, m, e[LIST], e[ITEMS], e[APPEND], override(e[OVERRIDE]));
        }
        if (e[MACRO] != null) {
            return new MacroItem(frame, m, e[MACRO], e[CONDITION], e[APPEND], override(e[OVERRIDE]));
        }
        if (e[RULE] != null) {
            return new RuleItem(frame, m, e[RULE], e[CONDITION], e[OUTPUT], e[DESC], e[PRIORITY], e[SOURCE],
                    e[ENABLED], e[TAGS], e[EXCEPTIONS], exceptionSpecs(e[EXCEPTIONS]), e[APPEND], override(e[OVERRIDE]));
        }
        return new UnknownItem(frame, m);
    }

    /**
     * The first entry of each key read here ({@link YamlMapping#get}'s answer), in one pass:
     * a lookup per key scanned the entries a dozen times for every item an edit moves.
     */
    private static YamlEntry[] firstEntries(YamlMapping m) {
        // a scratch array per thread: read before the next call on the thread, never kept
        YamlEntry[] out = SCRATCH.get();
        java.util.Arrays.fill(out, null);
        List<YamlEntry> entries = m.entries();
        for (int i = 0; i < entries.size(); i++) {
            YamlEntry entry = entries.get(i);
            String key = entry.keyText();
            int slot = key == null ? -1 : slot(key);
            if (slot >= 0 && out[slot] == null) {
                out[slot] = entry;
            }
        }
        return out;
    }

    private static int slot(String key) {
        return switch (key) {
            case "required_engine_version" -> ENGINE;
            case "required_plugin_versions" -> PLUGINS;
            case "list" -> LIST;
            case "macro" -> MACRO;
            case "rule" -> RULE;
            case "items" -> ITEMS;
            case "append" -> APPEND;
            case "override" -> OVERRIDE;
            case "condition" -> CONDITION;
            case "output" -> OUTPUT;
            case "desc" -> DESC;
            case "priority" -> PRIORITY;
            case "source" -> SOURCE;
            case "enabled" -> ENABLED;
            case "tags" -> TAGS;
            case "exceptions" -> EXCEPTIONS;
            default -> -1;
        };
    }

    private static OverrideSpec override(YamlEntry e) {
        if (e == null) {
            return null;
        }
        if (!(e.value() instanceof YamlMapping om)) {
            return new OverrideSpec(e, false, List.of());
        }
        if (om.entries().isEmpty()) {
            // Falco asks the map for appends and replaces and finds none: a plain entry (QA round 18)
            return null;
        }
        List<OverrideSpec.OverrideOp> ops = new ArrayList<>();
        for (YamlEntry op : om.entries()) {
            ops.add(new OverrideSpec.OverrideOp(op, op.keyText(), OverrideSpec.Operation.parse(op.text())));
        }
        return new OverrideSpec(e, true, ops);
    }

    private static List<ExceptionSpec> exceptionSpecs(YamlEntry e) {
        List<ExceptionSpec> out = new ArrayList<>();
        if (e != null && e.value() instanceof YamlSequence seq) {
            for (YamlValue v : seq.items()) {
                if (v instanceof YamlMapping em) {
                    out.add(ExceptionSpec.of(em));
                }
            }
        }
        return out;
    }
}

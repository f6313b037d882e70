package dev.falconer.rules;

import java.util.ArrayList;
import java.util.List;

/** Gives a mapping entry its kind the way Falco's reader does (spec §2.2) and types its keys. */
final class ItemClassifier {
    private ItemClassifier() {
    }

    static RulesItem classify(ItemFrame frame, YamlMapping m) {
        if (m.has("required_engine_version")) {
            return new EngineVersionItem(frame, m, m.get("required_engine_version"));
        }
        if (m.has("required_plugin_versions")) {
            YamlEntry e = m.get("required_plugin_versions");
            return new PluginVersionsItem(frame, m, e, PluginVersionsItem.PluginRequirement.listOf(e.value()));
        }
        if (m.has("list")) {
            return new ListItem(frame, m, m.get("list"), m.get("items"), m.get("append"), override(m));
        }
        if (m.has("macro")) {
            return new MacroItem(frame, m, m.get("macro"), m.get("condition"), m.get("append"), override(m));
        }
        if (m.has("rule")) {
            YamlEntry exceptions = m.get("exceptions");
            return new RuleItem(frame, m, m.get("rule"), m.get("condition"), m.get("output"), m.get("desc"),
                    m.get("priority"), m.get("source"), m.get("enabled"), m.get("tags"), exceptions,
                    exceptionSpecs(exceptions), m.get("append"), override(m));
        }
        return new UnknownItem(frame, m);
    }

    private static OverrideSpec override(YamlMapping m) {
        YamlEntry e = m.get("override");
        if (e == null) {
            return null;
        }
        if (!(e.value() instanceof YamlMapping om)) {
            return new OverrideSpec(e, false, List.of());
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

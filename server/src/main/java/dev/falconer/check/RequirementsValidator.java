package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.Releases;
import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.PluginVersionsItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlMapping;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code required_engine_version} (spec §2.4: integer or x.y.z; newer than any released engine
 * means no Falco release can load the file) and the shape of {@code required_plugin_versions}
 * (spec §2.5).
 */
final class RequirementsValidator implements Validator {
    private static final Pattern PLUGIN_VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+.*", Pattern.DOTALL);

    @Override
    public void validate(CheckContext ctx) {
        for (RulesDocument doc : ctx.wantedDocuments()) {
            for (EngineVersionItem item : doc.itemsOf(EngineVersionItem.class)) {
                ctx.itemUnit(CheckUnits.Kind.ITEM_REQUIREMENTS, doc, item, u -> engine(u, doc.uri(), item));
            }
            for (PluginVersionsItem item : doc.itemsOf(PluginVersionsItem.class)) {
                ctx.itemUnit(CheckUnits.Kind.ITEM_REQUIREMENTS, doc, item, u -> plugins(u, doc.uri(), item));
            }
        }
    }

    private static void engine(CheckContext ctx, String uri, EngineVersionItem item) {
        YamlEntry e = item.version();
        YamlScalar s = e.scalar();
        if (s == null || s.isNull()) {
            // say what is wrong, as Falco does ("not a scalar value", "empty"), not "'' is not a version" (QA round 18)
            ctx.sink().add(DiagnosticCode.ENGINE_VERSION, uri, s == null ? e.valueSpan() : e.keySpan(),
                    s == null ? "key.notScalar" : "key.empty", "required_engine_version");
            return;
        }
        Optional<FalcoVersion> v = EngineVersions.parse(s.value());
        if (v.isEmpty()) {
            ctx.sink().add(DiagnosticCode.ENGINE_VERSION, uri, s.span(), "engine.notVersion", s.value());
            return;
        }
        FalcoVersion newest = Releases.all().get(Releases.all().size() - 1).engine();
        if (v.get().major() != newest.major() || v.get().compareTo(newest) > 0) {
            ctx.sink().add(DiagnosticCode.ENGINE_VERSION, null, FalcoCode.LOAD_ERR_VALIDATE, uri, s.span(),
                    "engine.tooNew", List.of(v.get().toString(), newest.toString(), Releases.LATEST.toString()),
                    List.of());
        }
    }

    private static void plugins(CheckContext ctx, String uri, PluginVersionsItem item) {
        YamlValue v = item.entry().value();
        if (!(v instanceof YamlSequence seq)) {
            ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, uri, v.span(), "plugins.notSequence");
            return;
        }
        for (YamlValue entry : seq.items()) {
            requirement(ctx, uri, entry, true);
        }
    }

    private static void requirement(CheckContext ctx, String uri, YamlValue node, boolean top) {
        if (!(node instanceof YamlMapping m)) {
            ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, uri, node.span(),
                    top ? "plugins.entryNotMapping" : "plugins.alternativeNotMapping");
            return;
        }
        String name = scalar(ctx, uri, m, "name");
        String version = scalar(ctx, uri, m, "version");
        if (version != null && !PLUGIN_VERSION.matcher(version.trim()).matches()) {
            ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, null, FalcoCode.LOAD_ERR_VALIDATE, uri,
                    m.get("version").value().span(), "plugins.badVersion",
                    List.of(version, name == null ? "" : name), List.of());
        }
        YamlEntry alts = m.get("alternatives");
        if (!top || alts == null) {
            return;
        }
        if (!(alts.value() instanceof YamlSequence seq)) {
            ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, uri, alts.value().span(), "plugins.alternativesNotSequence");
            return;
        }
        Set<String> seen = new HashSet<>();
        if (name != null) {
            seen.add(name);
        }
        for (YamlValue alt : seq.items()) {
            requirement(ctx, uri, alt, false);
            if (alt instanceof YamlMapping am && am.get("name") != null && am.get("name").text() != null
                    && !seen.add(am.get("name").text())) {
                ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, null, FalcoCode.LOAD_ERR_VALIDATE, uri,
                        am.get("name").valueSpan(), "plugins.duplicateAlternative", List.of(am.get("name").text()),
                        List.of());
            }
        }
    }

    /** A required non-empty scalar key of a requirement; reports and returns {@code null} when absent or bad. */
    private static String scalar(CheckContext ctx, String uri, YamlMapping m, String key) {
        YamlEntry e = m.get(key);
        if (e == null) {
            // the culprit is the entry that lacks the key: point at its first key
            ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, uri, m.entries().isEmpty() ? m.span()
                    : m.entries().get(0).keySpan(), "plugins.missingKey", key);
            return null;
        }
        String text = e.text();
        if (text == null || text.isEmpty()) {
            ctx.sink().add(DiagnosticCode.PLUGIN_VERSIONS, uri, e.value().asScalar() == null ? e.valueSpan() : e.keySpan(),
                    "plugins.emptyKey", key);
            return null;
        }
        return text;
    }
}

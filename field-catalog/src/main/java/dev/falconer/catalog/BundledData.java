package dev.falconer.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the catalog's own resources: one field file per group under {@code fields/}, the removed
 * built-ins, the event tables, and the per-group description files under {@code descriptions/}
 * (a group without a description file simply has no texts yet).
 */
final class BundledData {

    static final String ROOT = "/dev/falconer/catalog/";
    /** Data groups in load order: built-ins first, then the plugins. */
    static final List<String> GROUPS = List.of("builtin", "container", "k8smeta", "krsi", "anomalydetection",
            "json", "k8saudit", "cloudtrail", "okta", "github", "gcpaudit", "dummy");

    private BundledData() {
    }

    record Loaded(List<FieldInfo> fields, List<RemovedField> removed, EventTables events) {
    }

    /** A removed built-in and the plugin that took it over, if any. */
    record RemovedField(FieldInfo field, String movedTo) {
    }

    static Loaded load() {
        List<FieldInfo> fields = new ArrayList<>();
        for (String group : GROUPS) {
            JsonObject root = json("fields/" + group + ".json").getAsJsonObject();
            Supplier<Descriptions> texts = Descriptions.later(group);
            String plugin = stringOrNull(root, "plugin");
            for (JsonElement e : root.getAsJsonArray("fields")) {
                FieldInfo f = field(e.getAsJsonObject(), plugin, null);
                String name = f.name();
                fields.add(f.withTexts(LocalizedText.later(() -> texts.get().description(name).byLanguage()),
                        LocalizedText.later(() -> texts.get().phrase(name).byLanguage())));
            }
        }
        List<RemovedField> removed = new ArrayList<>();
        for (JsonElement e : json("fields/removed.json").getAsJsonObject().getAsJsonArray("fields")) {
            JsonObject o = e.getAsJsonObject();
            FieldInfo f = new FieldInfo(o.get("name").getAsString(), SourceScope.of(Set.of(SourceScope.SYSCALL)),
                    o.get("class").getAsString(), FieldType.valueOf(o.get("type").getAsString()), false,
                    ArgumentSpec.NONE, Set.of(), FalcoVersion.of(o.get("since").getAsString()),
                    FalcoVersion.of(o.get("removedIn").getAsString()), null, LocalizedText.EMPTY, LocalizedText.EMPTY);
            removed.add(new RemovedField(f, stringOrNull(o, "movedTo")));
        }
        return new Loaded(List.copyOf(fields), List.copyOf(removed), events());
    }

    static FieldInfo field(JsonObject o, String plugin, FalcoVersion removedIn) {
        List<String> scope = new ArrayList<>();
        for (JsonElement s : o.getAsJsonArray("sources")) {
            scope.add(s.getAsString());
        }
        Set<FieldFlag> flags = EnumSet.noneOf(FieldFlag.class);
        for (JsonElement s : o.getAsJsonArray("flags")) {
            flags.add(FieldFlag.valueOf(s.getAsString()));
        }
        ArgumentSpec.Presence presence = ArgumentSpec.Presence.valueOf(
                o.get("argument").getAsString().toUpperCase(java.util.Locale.ROOT));
        ArgumentSpec.Form form = o.has("form") ? ArgumentSpec.Form.valueOf(o.get("form").getAsString())
                : ArgumentSpec.Form.NONE;
        String since = stringOrNull(o, "since");
        return new FieldInfo(o.get("name").getAsString(), SourceScope.parse(scope), o.get("class").getAsString(),
                FieldType.valueOf(o.get("type").getAsString()), o.get("list").getAsBoolean(),
                ArgumentSpec.of(presence, form), flags, since == null ? null : FalcoVersion.of(since), removedIn,
                plugin, LocalizedText.EMPTY, LocalizedText.EMPTY);
    }

    private static EventTables events() {
        Set<String> types = new LinkedHashSet<>();
        for (String line : text("events/evttypes.txt").split("\n")) {
            if (!line.isBlank()) {
                types.add(line.strip());
            }
        }
        Map<String, Set<FieldType>> params = new HashMap<>();
        JsonObject p = json("events/params.json").getAsJsonObject().getAsJsonObject("params");
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            Set<FieldType> ts = EnumSet.noneOf(FieldType.class);
            for (JsonElement t : (JsonArray) e.getValue()) {
                FieldType.fromFalcoName(t.getAsString()).ifPresent(ts::add);
            }
            params.put(e.getKey(), ts);
        }
        Map<String, String> pluginEvents = new HashMap<>();
        for (String line : text("events/plugin-events.txt").split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && !line.startsWith("#")) {
                pluginEvents.put(parts[1], parts[0]);
            }
        }
        return new EventTables(types, params, pluginEvents);
    }

    static String stringOrNull(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static boolean exists(String path) {
        return BundledData.class.getResource(ROOT + path) != null;
    }

    static JsonElement json(String path) {
        try (Reader r = reader(path)) {
            return JsonParser.parseReader(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String path) {
        return new InputStreamReader(stream(path), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String path) {
        InputStream in = BundledData.class.getResourceAsStream(ROOT + path);
        if (in == null) {
            // A missing bundled resource is a packaging bug, not bad user input.
            throw new IllegalStateException("missing catalog resource " + ROOT + path);
        }
        return in;
    }
}

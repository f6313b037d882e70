package dev.falconer.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.falconer.service.FalconerSettings;
import dev.falconer.service.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code falconer} settings section as clients send it. Accepts nested objects
 * ({@code {"explain": {"codeLens": false}}}) and dotted keys ({@code "explain.codeLens": false}),
 * with or without the enclosing {@code falconer} object. Anything missing or of the wrong type
 * keeps its default: bad settings never break the server.
 */
final class SettingsReader {
    static final String SECTION = "falconer";

    private SettingsReader() {
    }

    /**
     * @param json         the section (or an object holding it), may be {@code null} or JSON null
     * @param clientLocale the {@code locale} the client sent in {@code initialize}, may be {@code null}
     */
    static FalconerSettings read(JsonElement json, String clientLocale) {
        FalconerSettings d = FalconerSettings.defaults();
        return read(json, new FalconerSettings(FalconerSettings.languageOf(clientLocale), d.rulesFiles(),
                d.catalogFiles(), d.sources(), d.severity(), d.explainCodeLens(), d.referencesCodeLens(),
                d.diagnosticsDelayMs(), d.filePatterns()));
    }

    /**
     * {@code json} over {@code under}: what it sets, else what {@code under} has. The settings an
     * editor pulls or pushes are read over the {@code initializationOptions}, so a client that
     * answers the pull with nothing (the user set nothing there) keeps them.
     */
    static FalconerSettings read(JsonElement json, FalconerSettings under) {
        JsonObject o = section(json);
        String locale = string(o, "locale", "");
        JsonElement severity = get(o, "severity");
        return new FalconerSettings(
                locale.isBlank() ? under.locale() : FalconerSettings.languageOf(locale),
                strings(o, "rulesFiles", under.rulesFiles()),
                strings(o, "catalogFiles", under.catalogFiles()),
                strings(o, "sources", under.sources()),
                severity == null ? under.severity() : merged(under.severity(), severities(severity)),
                bool(o, "explain.codeLens", under.explainCodeLens()),
                bool(o, "references.codeLens", under.referencesCodeLens()),
                integer(o, "diagnostics.delay", under.diagnosticsDelayMs()),
                strings(o, "filePatterns", under.filePatterns()));
    }

    private static JsonObject section(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            return new JsonObject();
        }
        JsonObject o = json.getAsJsonObject();
        JsonElement inner = o.get(SECTION);
        return inner != null && inner.isJsonObject() ? inner.getAsJsonObject() : o;
    }

    /** Follows a dotted path through nested objects, or takes the dotted key as written. */
    private static JsonElement get(JsonObject o, String path) {
        if (o.has(path)) {
            return o.get(path);
        }
        JsonElement cur = o;
        for (String part : path.split("\\.")) {
            if (cur == null || !cur.isJsonObject()) {
                return null;
            }
            cur = cur.getAsJsonObject().get(part);
        }
        return cur;
    }

    private static String string(JsonObject o, String path, String fallback) {
        JsonElement e = get(o, path);
        return e instanceof JsonPrimitive p && p.isString() ? p.getAsString() : fallback;
    }

    private static boolean bool(JsonObject o, String path, boolean fallback) {
        JsonElement e = get(o, path);
        return e instanceof JsonPrimitive p && p.isBoolean() ? p.getAsBoolean() : fallback;
    }

    private static int integer(JsonObject o, String path, int fallback) {
        JsonElement e = get(o, path);
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            double v = p.getAsDouble();
            return v >= 0 && v <= 60_000 ? (int) v : fallback;
        }
        return fallback;
    }

    private static List<String> strings(JsonObject o, String path, List<String> fallback) {
        JsonElement e = get(o, path);
        if (e instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString().isBlank() ? List.of() : List.of(p.getAsString());
        }
        if (!(e instanceof JsonArray a)) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : a) {
            if (item instanceof JsonPrimitive p && p.isString() && !p.getAsString().isBlank()) {
                out.add(p.getAsString());
            }
        }
        return out;
    }

    /** {@code under}'s entries, with {@code over}'s in their place where both name a code: severities merge code by code. */
    private static Map<String, Severity> merged(Map<String, Severity> under, Map<String, Severity> over) {
        Map<String, Severity> out = new LinkedHashMap<>(under);
        out.putAll(over);
        return out;
    }

    private static Map<String, Severity> severities(JsonElement e) {
        Map<String, Severity> out = new LinkedHashMap<>();
        if (e != null && e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                if (entry.getValue() instanceof JsonPrimitive p && p.isString()) {
                    Severity.parse(p.getAsString())
                            .ifPresent(s -> out.put(entry.getKey().trim().toUpperCase(Locale.ROOT), s));
                }
            }
        }
        return out;
    }
}

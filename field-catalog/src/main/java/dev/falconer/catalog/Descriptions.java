package dev.falconer.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Our own field descriptions and noun phrases for one data group, read from
 * {@code descriptions/<group>.json}: {@code {"proc.name": {"description": {"en","ja"}, "phrase": {"en","ja"}}}}.
 */
final class Descriptions {

    private static final Descriptions NONE = new Descriptions(Map.of(), Map.of());

    private final Map<String, LocalizedText> descriptions;
    private final Map<String, LocalizedText> phrases;

    private Descriptions(Map<String, LocalizedText> descriptions, Map<String, LocalizedText> phrases) {
        this.descriptions = descriptions;
        this.phrases = phrases;
    }

    static String path(String group) {
        return "descriptions/" + group + ".json";
    }

    static boolean present(String group) {
        return BundledData.exists(path(group));
    }

    /**
     * The group's texts, read when first asked for (once, by any thread): a hover, a completion
     * or an explanation needs them, the catalog's load does not. Their ~280 KB of JSON were a
     * fifth of that load, which runs beside the first reading of the workspace when a language
     * server starts.
     */
    static Supplier<Descriptions> later(String group) {
        return new Supplier<>() {
            private volatile Descriptions done;

            @Override
            public Descriptions get() {
                Descriptions d = done;
                if (d == null) {
                    synchronized (this) {
                        if (done == null) {
                            done = load(group);
                        }
                        d = done;
                    }
                }
                return d;
            }
        };
    }

    static Descriptions load(String group) {
        if (!present(group)) {
            return NONE;
        }
        Map<String, LocalizedText> d = new HashMap<>();
        Map<String, LocalizedText> p = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : BundledData.json(path(group)).getAsJsonObject().entrySet()) {
            JsonObject o = e.getValue().getAsJsonObject();
            d.put(e.getKey(), texts(o.get("description")));
            p.put(e.getKey(), texts(o.get("phrase")));
        }
        return new Descriptions(d, p);
    }

    private static LocalizedText texts(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            return LocalizedText.EMPTY;
        }
        Map<String, String> byLanguage = new HashMap<>();
        for (Map.Entry<String, JsonElement> t : e.getAsJsonObject().entrySet()) {
            if (t.getValue().isJsonPrimitive()) {
                byLanguage.put(t.getKey(), t.getValue().getAsString());
            }
        }
        return new LocalizedText(byLanguage, null);
    }

    LocalizedText description(String field) {
        return descriptions.getOrDefault(field, LocalizedText.EMPTY);
    }

    LocalizedText phrase(String field) {
        return phrases.getOrDefault(field, LocalizedText.EMPTY);
    }
}

package dev.falconer.catalog;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog as JSON, for {@code falconer catalog list --format json} and tools:
 * {@code {"fields":[{"name","sources","type","list","argument","flags","since","description":{"en","ja"},
 * "phrase":{"en","ja"},"class","form","plugin"}]}}. {@code since} is null when unknown.
 */
public final class CatalogJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
            .create();

    private CatalogJson() {
    }

    public static String toJson(FieldCatalog catalog, List<FieldInfo> fields) {
        List<Object> out = new ArrayList<>();
        for (FieldInfo f : fields) {
            out.add(field(catalog, f));
        }
        return GSON.toJson(Map.of("fields", out));
    }

    private static Map<String, Object> field(FieldCatalog catalog, FieldInfo f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("sources", List.copyOf(f.scope().expand(catalog.sources())));
        m.put("type", f.type().name());
        m.put("list", f.list());
        m.put("argument", f.argument().presence().jsonName());
        m.put("flags", f.flags().stream().map(Enum::name).sorted().toList());
        m.put("since", f.since() == null ? null : f.since().toString());
        m.put("description", texts(f.description()));
        m.put("phrase", texts(f.phrase()));
        m.put("class", f.fieldClass());
        m.put("form", f.argument().form().name());
        m.put("plugin", f.plugin());
        return m;
    }

    private static Map<String, String> texts(LocalizedText t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", t.get(Locale.ENGLISH));
        m.put("ja", t.get(Locale.JAPANESE));
        return m;
    }
}

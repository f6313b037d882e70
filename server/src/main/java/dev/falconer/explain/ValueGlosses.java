package dev.falconer.explain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our short glosses of values that carry meaning ({@code mkhomedir_helper}, {@code /dev/shm}),
 * from {@code value-glosses.json}: {@code {"value": {"kind": "program", "en": "…", "ja": "…"}}}.
 * A gloss with a kind is about one kind of thing ({@code program}, {@code path}, {@code syscall},
 * {@code user}) and is shown only beside a field of that kind: {@code sync} is a command as a
 * process name, not as a user name. Values that mean something only in one field ({@code f} in
 * {@code fd.typechar}) come from {@code field-values.json}: {@code {"field": {"value": {…}}}}.
 */
public final class ValueGlosses {

    private static final ValueGlosses BUILT_IN = load();
    private static final String KIND = "kind";

    private final Map<String, Map<String, String>> glosses;
    private final Map<String, Map<String, Map<String, String>>> byField;

    private ValueGlosses(Map<String, Map<String, String>> glosses, Map<String, Map<String, Map<String, String>>> byField) {
        this.glosses = glosses;
        this.byField = byField;
    }

    /**
     * The gloss of a value compared with {@code field} ({@code null} when not known): the field's
     * own meaning of the value, else a gloss whose kind fits the field.
     */
    public Optional<String> gloss(String field, String value, Locale locale) {
        String lang = Phrasebook.supported(locale).getLanguage();
        if (field != null) {
            Map<String, String> own = byField.getOrDefault(field, Map.of()).get(value);
            if (own != null) {
                return Optional.ofNullable(own.get(lang));
            }
        }
        Map<String, String> entry = glosses.get(value);
        if (entry == null || field != null && entry.containsKey(KIND) && !kindsOf(field).contains(entry.get(KIND))) {
            return Optional.empty();
        }
        return Optional.ofNullable(entry.get(lang));
    }

    /** The kinds of values a field holds, by its class. */
    static java.util.Set<String> kindsOf(String field) {
        if (field.equals("evt.type")) {
            return java.util.Set.of("syscall");
        }
        if (field.startsWith("proc.") || field.startsWith("thread.")) {
            return java.util.Set.of("program", "path");
        }
        if (field.startsWith("fd.") || field.startsWith("fs.") || field.startsWith("evt.arg") || field.startsWith("evt.rawarg")) {
            return java.util.Set.of("path");
        }
        if (field.startsWith("user.") || field.startsWith("group.")) {
            return java.util.Set.of("user");
        }
        return java.util.Set.of();
    }

    public static ValueGlosses builtIn() {
        return BUILT_IN;
    }

    public Optional<String> gloss(String value, Locale locale) {
        Map<String, String> byLang = glosses.get(value);
        return byLang == null ? Optional.empty()
                : Optional.ofNullable(byLang.get(Phrasebook.supported(locale).getLanguage()));
    }

    public int size() {
        return glosses.size();
    }

    static ValueGlosses read(Reader reader) {
        return new ValueGlosses(entries(JsonParser.parseReader(reader).getAsJsonObject()), Map.of());
    }

    private static Map<String, Map<String, String>> entries(JsonObject root) {
        Map<String, Map<String, String>> glosses = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (!e.getValue().isJsonObject()) {
                continue;
            }
            Map<String, String> byLang = new HashMap<>();
            e.getValue().getAsJsonObject().entrySet().stream()
                    .filter(l -> l.getValue().isJsonPrimitive() && !l.getValue().getAsString().isBlank())
                    .forEach(l -> byLang.put(l.getKey(), l.getValue().getAsString().strip()));
            glosses.put(e.getKey(), Map.copyOf(byLang));
        }
        return Map.copyOf(glosses);
    }

    private static ValueGlosses load() {
        JsonObject values = resource("value-glosses.json");
        JsonObject fields = resource("field-values.json");
        Map<String, Map<String, Map<String, String>>> byField = new HashMap<>();
        for (Map.Entry<String, JsonElement> f : fields.entrySet()) {
            if (f.getValue().isJsonObject()) {
                byField.put(f.getKey(), entries(f.getValue().getAsJsonObject()));
            }
        }
        return new ValueGlosses(entries(values), Map.copyOf(byField));
    }

    private static JsonObject resource(String name) {
        try (InputStream in = ValueGlosses.class.getResourceAsStream(name)) {
            if (in == null) {
                return new JsonObject();
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

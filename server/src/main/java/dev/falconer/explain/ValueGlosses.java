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
 * from {@code value-glosses.json}: {@code {"value": {"en": "…", "ja": "…"}}}.
 */
public final class ValueGlosses {

    private static final ValueGlosses BUILT_IN = load();

    private final Map<String, Map<String, String>> glosses;

    private ValueGlosses(Map<String, Map<String, String>> glosses) {
        this.glosses = glosses;
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
        Map<String, Map<String, String>> glosses = new HashMap<>();
        JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
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
        return new ValueGlosses(Map.copyOf(glosses));
    }

    private static ValueGlosses load() {
        try (InputStream in = ValueGlosses.class.getResourceAsStream("value-glosses.json")) {
            if (in == null) {
                return new ValueGlosses(Map.of());
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

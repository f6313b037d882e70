package dev.falconer.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * One text in several languages. Lookup falls back from the requested language to English, then
 * to {@code imported} (the text a user's own Falco or plugin supplied), then to the empty string.
 */
public record LocalizedText(Map<String, String> byLanguage, String imported) {

    public static final LocalizedText EMPTY = new LocalizedText(Map.of(), null);

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    public static LocalizedText of(String en, String ja) {
        return new LocalizedText(Map.of("en", en, "ja", ja), null);
    }

    public static LocalizedText importedOnly(String text) {
        return new LocalizedText(Map.of(), text);
    }

    public String get(Locale locale) {
        String own = byLanguage.get(locale.getLanguage());
        if (own != null && !own.isBlank()) {
            return own;
        }
        String en = byLanguage.get("en");
        if (en != null && !en.isBlank()) {
            return en;
        }
        return imported == null ? "" : imported;
    }

    /** True when we ship our own text in this language (not a fallback). */
    public boolean has(String language) {
        String t = byLanguage.get(language);
        return t != null && !t.isBlank();
    }

    LocalizedText withImported(String text) {
        return new LocalizedText(byLanguage, text);
    }
}

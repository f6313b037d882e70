package dev.falconer.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One text in several languages. Lookup falls back from the requested language to English, then
 * to {@code imported} (the text a user's own Falco or plugin supplied), then to the empty string.
 * The bundled texts of a data group may be read when first asked for ({@link #later}): a
 * language server's start needs none of them, and they are most of the catalog's bytes.
 */
public final class LocalizedText {

    public static final LocalizedText EMPTY = new LocalizedText(Map.of(), null);

    private final String imported;
    private volatile Map<String, String> byLanguage;
    /** Reads {@link #byLanguage} when first asked; {@code null} once read (or when given at once). */
    private Supplier<Map<String, String>> pending;

    public LocalizedText(Map<String, String> byLanguage, String imported) {
        this.byLanguage = Map.copyOf(byLanguage);
        this.imported = imported;
    }

    private LocalizedText(Supplier<Map<String, String>> pending) {
        this.pending = pending;
        this.imported = null;
    }

    public static LocalizedText of(String en, String ja) {
        return new LocalizedText(Map.of("en", en, "ja", ja), null);
    }

    public static LocalizedText importedOnly(String text) {
        return new LocalizedText(Map.of(), text);
    }

    /** A text whose languages {@code texts} reads when first asked for (once, by any thread). */
    static LocalizedText later(Supplier<Map<String, String>> texts) {
        return new LocalizedText(texts);
    }

    /** The text per language code ({@code en}, {@code ja}). */
    public Map<String, String> byLanguage() {
        Map<String, String> texts = byLanguage;
        if (texts == null) {
            synchronized (this) {
                if (byLanguage == null) {
                    byLanguage = Map.copyOf(pending.get());
                    pending = null;
                }
                texts = byLanguage;
            }
        }
        return texts;
    }

    public String imported() {
        return imported;
    }

    public String get(Locale locale) {
        Map<String, String> texts = byLanguage();
        String own = texts.get(locale.getLanguage());
        if (own != null && !own.isBlank()) {
            return own;
        }
        String en = texts.get("en");
        if (en != null && !en.isBlank()) {
            return en;
        }
        return imported == null ? "" : imported;
    }

    /** True when we ship our own text in this language (not a fallback). */
    public boolean has(String language) {
        String t = byLanguage().get(language);
        return t != null && !t.isBlank();
    }

    LocalizedText withImported(String text) {
        return new LocalizedText(byLanguage(), text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText t && byLanguage().equals(t.byLanguage()) && Objects.equals(imported, t.imported);
    }

    @Override
    public int hashCode() {
        return byLanguage().hashCode() * 31 + Objects.hashCode(imported);
    }

    @Override
    public String toString() {
        return "LocalizedText[byLanguage=" + byLanguage() + ", imported=" + imported + "]";
    }
}

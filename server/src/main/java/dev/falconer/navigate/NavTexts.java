package dev.falconer.navigate;

import dev.falconer.service.Texts;
import java.util.Locale;

/**
 * The user-facing words of navigation and editing features (lens titles, code action titles,
 * symbol details, rename refusals), from {@code dev/falconer/navigate/Navigate*.properties}.
 * English is the root bundle; the JVM's default locale never leaks in.
 */
public final class NavTexts {
    private static final String BUNDLE = "dev.falconer.navigate.Navigate";

    private final Locale locale;
    private final Texts texts;

    public NavTexts(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.texts = Texts.of(BUNDLE, this.locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in ({@link java.text.MessageFormat} patterns). */
    public String get(String key, Object... args) {
        return texts.get(key, args);
    }

    public boolean has(String key) {
        return texts.has(key);
    }
}

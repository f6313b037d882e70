package dev.falconer.navigate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing words of navigation and editing features (lens titles, code action titles,
 * symbol details, rename refusals), from {@code dev/falconer/navigate/Navigate*.properties}.
 * English is the root bundle; the JVM's default locale never leaks in.
 */
public final class NavTexts {
    private static final String BUNDLE = "dev.falconer.navigate.Navigate";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    public NavTexts(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, NO_FALLBACK);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in ({@link MessageFormat} patterns). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // always formatted, so that '' is the apostrophe in every pattern
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}

package dev.falconer.navigate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Compiled patterns: building a MessageFormat costs far more than formatting with one. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public NavTexts(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, NO_FALLBACK);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in ({@link MessageFormat} patterns). */
    public String get(String key, Object... args) {
        MessageFormat format = formats.get(key);
        if (format == null) {
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
            // always formatted, so that '' is the apostrophe in every pattern
            format = new MessageFormat(pattern, locale);
            formats.put(key, format);
        }
        synchronized (format) { // MessageFormat is not thread-safe
            return format.format(args);
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}

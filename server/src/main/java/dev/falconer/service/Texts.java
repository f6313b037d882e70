package dev.falconer.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One resource bundle in one language. Lookup never falls back to the JVM's default locale
 * (a Japanese desktop must still get English when the user asks for it). Every text is a
 * {@link MessageFormat} pattern, with or without arguments, so a quote is always written {@code ''}.
 */
public final class Texts {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Map<List<Object>, Texts> KNOWN = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;
    /** Texts without arguments, formatted once: completion and hover ask for the same few on every request. */
    private final Map<String, String> plain = new ConcurrentHashMap<>();
    /**
     * Patterns with arguments, compiled once: an outline or a file's lenses format one per entry,
     * and compiling a pattern costs more than formatting with it.
     */
    private final Map<String, Compiled> patterns = new ConcurrentHashMap<>();

    /** A compiled pattern, and which of its arguments it formats itself ({@code {0,number,#}}, choices). */
    private record Compiled(MessageFormat format, boolean[] ownFormat) {
        static Compiled of(String text, Locale locale) {
            MessageFormat format = new MessageFormat(text, locale);
            Format[] byArgument = format.getFormatsByArgumentIndex();
            boolean[] own = new boolean[byArgument.length];
            for (int i = 0; i < own.length; i++) {
                own[i] = byArgument[i] != null;
            }
            return new Compiled(format, own);
        }

        String format(Object[] args) {
            synchronized (format) { // MessageFormat is not thread-safe
                return format.format(args);
            }
        }
    }

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Texts of(String baseName, Locale locale) {
        return KNOWN.computeIfAbsent(List.of(baseName, locale), k -> new Texts(
                ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(), NO_FALLBACK), locale));
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}; the key itself when missing, so a gap shows up instead of failing. */
    public String get(String key, Object... args) {
        if (args.length == 0) {
            return plain.computeIfAbsent(key, k -> format(k, args));
        }
        return format(key, args);
    }

    private String format(String key, Object[] args) {
        Compiled pattern = patterns.get(key);
        if (pattern == null) {
            try {
                pattern = Compiled.of(bundle.getString(key), locale);
            } catch (MissingResourceException e) {
                return key;
            }
            patterns.put(key, pattern);
        }
        Object[] written = smallNumbersAsDigits(pattern, args);
        try {
            return pattern.format(written);
        } catch (IllegalArgumentException e) {
            return pattern.format(args); // the number is also used where the pattern formats it itself
        }
    }

    /**
     * Whole numbers from -999 to 999 in plain arguments as their digits: the text the locale's
     * number format writes in our languages (no grouping below a thousand), without the number
     * format, which {@link MessageFormat} makes anew for each number it writes (and whose first
     * use costs ~10 ms at a cold start, where the first reading's progress counts its files).
     */
    private static Object[] smallNumbersAsDigits(Compiled pattern, Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if ((args[i] instanceof Integer || args[i] instanceof Long || args[i] instanceof Short)
                    && ((Number) args[i]).longValue() > -1000 && ((Number) args[i]).longValue() < 1000
                    && !(i < pattern.ownFormat().length && pattern.ownFormat()[i])) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = Long.toString(((Number) args[i]).longValue());
            }
        }
        return out;
    }
}

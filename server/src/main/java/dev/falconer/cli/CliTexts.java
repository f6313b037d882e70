package dev.falconer.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Run-time messages of the command line, from {@code dev/falconer/cli/Messages*.properties}. */
final class CliTexts {

    private CliTexts() {
    }

    static Locale locale() {
        return Locale.getDefault();
    }

    static String get(String key, Object... args) {
        return get(locale(), key, args);
    }

    /**
     * The text of {@code key} in {@code locale}: English is the base bundle, so the JVM's own
     * locale is never a fallback ({@code --lang en} on a Japanese system stays English), and
     * numbers are written for {@code locale} too.
     */
    static String get(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle("dev.falconer.cli.Messages", locale, NO_FALLBACK).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}

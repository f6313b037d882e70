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

    static String get(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle("dev.falconer.cli.Messages", locale).getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}

package dev.falconer.condition;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders a {@link SyntaxError} in a language, from {@code dev/falconer/condition/messages*.properties}. */
public final class ConditionMessages {
    private static final String BUNDLE = "dev.falconer.condition.messages";

    private ConditionMessages() {
    }

    public static String format(SyntaxError error, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        String pattern;
        try {
            pattern = bundle.getString(error.key());
        } catch (MissingResourceException e) {
            pattern = error.key();
        }
        return new MessageFormat(pattern, locale).format(error.args().toArray());
    }
}

package dev.falconer.catalog;

import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Short descriptions of operators, modifiers, transformers and event sources, and the import
 * error messages, from {@code dev/falconer/catalog/catalog*.properties} (English and Japanese).
 */
public final class CatalogTexts {

    private static final String BUNDLE = "dev.falconer.catalog.catalog";

    private CatalogTexts() {
    }

    public static String operator(Operator op, Locale locale) {
        return text("operator." + op.name().toLowerCase(Locale.ROOT), locale);
    }

    public static String modifier(Modifier modifier, Locale locale) {
        return text("modifier." + modifier.text(), locale);
    }

    public static String transformer(FieldTransformer t, Locale locale) {
        return text("transformer." + t.text(), locale);
    }

    /** A description of a known event source; empty for sources we have no text for (imported ones). */
    public static Optional<String> source(String source, Locale locale) {
        String key = "source." + source;
        ResourceBundle b = bundle(locale);
        return b.containsKey(key) ? Optional.of(b.getString(key)) : Optional.empty();
    }

    /** The message for an import failure, with its position when known. */
    public static String message(ImportResult.Failed failure, Locale locale) {
        String body = MessageFormat.format(text(failure.key(), locale), failure.args().toArray());
        if (failure.line() > 0) {
            return MessageFormat.format(text("catalog.import.at", locale), failure.origin(),
                    String.valueOf(failure.line()), String.valueOf(failure.column()), body);
        }
        return MessageFormat.format(text("catalog.import.in", locale), failure.origin(), body);
    }

    /** Any text of the bundle by key (message keys of {@link Problem.Kind} and {@link Resolution.ArgumentProblem} included). */
    public static String text(String key, Locale locale) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

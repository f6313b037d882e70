package dev.falconer.check;

import dev.falconer.catalog.CatalogTexts;
import dev.falconer.condition.ConditionMessages;
import dev.falconer.condition.SyntaxError;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders message keys: ours ({@code dev/falconer/check/messages*.properties}), the catalog's
 * problem keys ({@code catalog.*}) and the grammar's syntax-error keys ({@code condition.*}), so
 * each text lives once, in its own module's bundle.
 */
public final class CheckMessages {
    private static final String BUNDLE = "dev.falconer.check.messages";

    private CheckMessages() {
    }

    public static String format(String key, List<String> args, Locale locale) {
        if (key.startsWith("catalog.")) {
            return MessageFormat.format(CatalogTexts.text(key, locale), args.toArray());
        }
        if (key.startsWith("condition.")) {
            return ConditionMessages.format(new SyntaxError(dev.falconer.condition.Span.of(0, 0), key, args), locale);
        }
        Object[] values = args.toArray();
        if (key.startsWith("yaml.")) {
            // SnakeYAML's token names ("<block end>") are data: worded here, in the reader's language
            for (int i = 0; i < values.length; i++) {
                values[i] = yamlToken((String) values[i], locale);
            }
        }
        return new MessageFormat(text(key, locale), locale).format(values);
    }

    private static String yamlToken(String token, Locale locale) {
        String t = token.length() > 2 && token.startsWith("'") && token.endsWith("'") ? token.substring(1, token.length() - 1)
                : token;
        if (!t.startsWith("<") || !t.endsWith(">")) {
            // SnakeYAML's words for what it expected ("the node content"): worded too (QA round 18)
            String phrase = "yaml.phrase." + t.replaceAll("[^A-Za-z0-9]+", "_");
            String worded = text(phrase, locale);
            if (!worded.equals(phrase)) {
                return new MessageFormat(worded, locale).format(new Object[0]);
            }
            return token.replace("' or '", "' " + text("yaml.or", locale) + " '"); // "',' or ']'"
        }
        String key = "yaml.token." + t.substring(1, t.length() - 1).replace(' ', '_');
        String word = text(key, locale);
        return word.equals(key) ? token : new MessageFormat(word, locale).format(new Object[0]);
    }

    /** A text of our bundle by key; the key itself when missing (never throws). */
    public static String text(String key, Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}

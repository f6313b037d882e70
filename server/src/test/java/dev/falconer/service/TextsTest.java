package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TextsTest {
    private static final String BUNDLE = "dev.falconer.service.TextsTestMessages";

    /** Small numbers are written without the number format; the text must be the number format's. */
    @Test
    void numbersReadAsTheLocalesNumberFormatWritesThem() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
            Texts texts = Texts.of(BUNDLE, locale);
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
            for (String key : new String[] {"plain", "formatted", "choice", "twice", "reversed"}) {
                String pattern = bundle.getString(key);
                for (long n = -1500; n <= 1500; n += 7) {
                    Object[][] argsList = {
                        {n, (int) n, (short) n},
                        {(int) n, "file.yaml", n},
                        {Long.MIN_VALUE, Long.MAX_VALUE, n},
                        {0.5 + n, n, (int) n},
                    };
                    for (Object[] args : argsList) {
                        assertEquals(new MessageFormat(pattern, locale).format(args), texts.get(key, args),
                                locale + " " + key + " " + java.util.Arrays.toString(args));
                    }
                }
            }
        }
    }
}

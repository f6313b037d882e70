package dev.falconer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every text the project formats with {@link MessageFormat}, in every module and language, keeps
 * its apostrophes: a literal ' must be written '' (a lone one starts a quote and vanishes).
 */
class MessageFormatBundlesTest {
    /** A bundle resource and which of its keys are MessageFormat patterns. */
    private record Bundle(String resource, Predicate<String> formatted) {
    }

    private static final Predicate<String> ALL = k -> true;
    private static final List<Bundle> BUNDLES = List.of(
            new Bundle("dev/falconer/check/messages", ALL),
            new Bundle("dev/falconer/condition/messages", ALL),
            // the rest of the CLI bundle is picocli's help text, which picocli renders itself
            new Bundle("dev/falconer/cli/Messages", k -> k.equals("usage.seeHelp") || k.matches(
                    "catalog\\.(missingSubcommand|unknownSource|import\\.(summary|added|changed))"
                    + "|check\\.(missing|unreadable|notUtf8|summary|noSuchFile)|explain\\.(badLang|missingPath|noRule)")),
            new Bundle("dev/falconer/lsp/Messages", ALL),
            new Bundle("dev/falconer/service/Features", ALL),
            new Bundle("dev/falconer/navigate/Navigate", ALL),
            // grammar.* are regular expressions, not messages
            new Bundle("dev/falconer/explain/phrases", k -> !k.startsWith("grammar.")),
            // operator/modifier/transformer/source descriptions are plain text; catalog.* are messages
            new Bundle("dev/falconer/catalog/catalog", k -> k.startsWith("catalog.")));

    @Test
    void noApostropheIsLostWhenFormatting() throws IOException {
        List<String> lost = new ArrayList<>();
        int checked = 0;
        for (Bundle b : BUNDLES) {
            for (String suffix : List.of("", "_ja")) {
                Properties p = load(b.resource() + suffix + ".properties");
                for (String key : p.stringPropertyNames()) {
                    if (!b.formatted().test(key)) {
                        continue;
                    }
                    String pattern = p.getProperty(key);
                    String formatted = new MessageFormat(pattern, Locale.ROOT).format(args(10));
                    // quoted braces ('{', '}') are deliberate quoting; every other literal ' is written ''
                    String literal = pattern.replace("'{'", "").replace("'}'", "");
                    long expected = count(literal.replace("''", "\u0000"), '\u0000');
                    if (count(formatted, '\'') != expected || literal.replace("''", "").indexOf('\'') >= 0) {
                        lost.add(b.resource() + suffix + ":" + key + " -> " + formatted);
                    }
                    checked++;
                }
            }
        }
        assertFalse(checked < 300, "too few patterns checked: " + checked);
        assertEquals(List.of(), lost);
    }

    private static Object[] args(int n) {
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2; // a number fits plain, number and choice arguments alike
        }
        return out;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessageFormatBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}

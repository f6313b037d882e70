package dev.falconer.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * How often the official Falco rulesets use each field, operator, {@code evt.type} value, macro
 * and the {@code not} keyword: a relevance prior for completion. Counted by
 * {@code UsageFrequenciesGenerator} (under src/test) into {@code usage-frequencies.properties},
 * with keys {@code field.NAME}, {@code operator.OP}, {@code evtType.NAME}, {@code macro.NAME},
 * {@code keyword.not}.
 */
final class UsageFrequencies {
    static final String RESOURCE = "usage-frequencies.properties";
    private static final UsageFrequencies BUILT_IN = load();

    private final Properties counts;

    private UsageFrequencies(Properties counts) {
        this.counts = counts;
    }

    static UsageFrequencies builtIn() {
        return BUILT_IN;
    }

    int field(String name) {
        return count("field." + name);
    }

    int operator(String op) {
        return count("operator." + op);
    }

    int eventType(String name) {
        return count("evtType." + name);
    }

    int macro(String name) {
        return count("macro." + name);
    }

    int keyword(String kw) {
        return count("keyword." + kw);
    }

    private int count(String key) {
        String v = counts.getProperty(key);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A sort key part: higher counts sort first, as fixed-width text. */
    static String inverted(int count) {
        // by hand: String.format costs more than the rest of a completion request put together
        String digits = Integer.toString(9_999_999 - Math.min(Math.max(count, 0), 9_999_999));
        return "0000000".substring(digits.length()) + digits;
    }

    private static UsageFrequencies load() {
        Properties p = new Properties();
        try (InputStream in = UsageFrequencies.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UsageFrequencies(p);
    }
}

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
        int c = Math.min(Math.max(count, 0), 9_999_999);
        // kept per count: a completion after "evt.type in (" ranks ~350 event types, after "and "
        // every macro, each request anew (three strings per proposal, a fifth of its garbage)
        return c < INVERTED.length() ? INVERTED.get(c, UsageFrequencies::invertedText) : invertedText(c);
    }

    private static String invertedText(int count) {
        // by hand: String.format costs more than the rest of a completion request put together
        String digits = Integer.toString(9_999_999 - count);
        return "0000000".substring(digits.length()) + digits;
    }

    /** The texts of the counts below 4,096 (the built-in counts and most of the workspace's). */
    private static final KeptTexts INVERTED = new KeptTexts(4096);

    /** Texts computed once per small index, lazily; races only compute the same text twice. */
    private static final class KeptTexts {
        private final java.util.concurrent.atomic.AtomicReferenceArray<String> texts;

        KeptTexts(int size) {
            this.texts = new java.util.concurrent.atomic.AtomicReferenceArray<>(size);
        }

        int length() {
            return texts.length();
        }

        String get(int i, java.util.function.IntFunction<String> compute) {
            String t = texts.get(i);
            if (t == null) {
                t = compute.apply(i);
                texts.set(i, t);
            }
            return t;
        }
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

package dev.falconer.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wording of explanations in one language: {@code phrases.properties} (English) and
 * {@code phrases_ja.properties} (Japanese), UTF-8, MessageFormat patterns. Each language is loaded
 * on its own, without a parent bundle, so a missing Japanese phrase never shows up as English.
 */
public final class Phrasebook {

    /** The languages we write explanations in; any other locale gets English. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "ja");

    private static final Map<String, Phrasebook> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final Properties phrases;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final Map<String, java.util.regex.Pattern> patterns = new ConcurrentHashMap<>();

    private Phrasebook(Locale locale, Properties phrases) {
        this.locale = locale;
        this.phrases = phrases;
    }

    public static Phrasebook of(Locale locale) {
        String lang = supported(locale).getLanguage();
        return CACHE.computeIfAbsent(lang, l -> new Phrasebook(Locale.forLanguageTag(l), load(l)));
    }

    /** The locale explanations are actually written in for a requested locale. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return Locale.ENGLISH;
        }
        return switch (locale.getLanguage()) {
            case "ja" -> Locale.JAPANESE;
            default -> Locale.ENGLISH;
        };
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return phrases.containsKey(key);
    }

    public Set<String> keys() {
        return phrases.stringPropertyNames();
    }

    /** A regular expression the phrasebook defines (grammar rules of the language), compiled once. */
    public Optional<java.util.regex.Pattern> pattern(String key) {
        if (!phrases.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(patterns.computeIfAbsent(key, k -> java.util.regex.Pattern.compile(phrases.getProperty(k))));
    }

    /**
     * Applies the language's spacing rules to worded text: {@code grammar.gap} matches the character
     * after which a blank belongs (Japanese: an ASCII word followed by a particle), {@code grammar.gap.before}
     * the same before an ASCII word,
     * {@code grammar.nogap} a character and the blank after it that must go (between two Japanese
     * words); group 1 is the character kept.
     */
    public String orthography(String text) {
        if (text.chars().allMatch(c -> c < 0x80)) {
            return text; // nothing to space out in pure ASCII
        }
        // values (code spans, 『…』 in plain text) and link targets are not prose: a blank inside
        // changes the value Falco compares ('a日本' is not 'a 日本'; QA round 22) or breaks the link.
        // Each stands aside as a placeholder that meets its neighbours as its first and last characters do.
        java.util.regex.Matcher m = PROTECTED.matcher(text);
        if (!m.find()) {
            return spaced(text);
        }
        java.util.List<String> kept = new java.util.ArrayList<>();
        StringBuilder masked = new StringBuilder();
        int at = 0;
        do {
            String g = m.group();
            masked.append(text, at, m.start()).append(g.charAt(0)).append(HOLD).append(kept.size()).append(HOLD)
                    .append(g.charAt(g.length() - 1));
            kept.add(g);
            at = m.end();
        } while (m.find());
        masked.append(text, at, text.length());
        String spaced = spaced(masked.toString());
        java.util.regex.Matcher h = HELD.matcher(spaced);
        StringBuilder out = new StringBuilder();
        at = 0;
        while (h.find()) {
            // a private-use character in the text itself is no placeholder of ours
            int i = h.group(1).length() < 10 ? Integer.parseInt(h.group(1)) : -1;
            if (i < 0 || i >= kept.size()) {
                continue;
            }
            out.append(spaced, at, h.start()).append(kept.get(i));
            at = h.end();
        }
        return out.append(spaced, at, spaced.length()).toString();
    }

    /** Marks a placeholder: a private-use character, in no spacing rule's classes. */
    private static final char HOLD = '\uE000';
    private static final java.util.regex.Pattern PROTECTED =
            java.util.regex.Pattern.compile("(`+)[^\\n]*?\\1|『[^』\\n]*』|\\]\\([^)\\s]*\\)");
    private static final java.util.regex.Pattern HELD = java.util.regex.Pattern.compile(".\uE000(\\d+)\uE000.");

    private String spaced(String text) {
        String out = text;
        var gap = pattern("grammar.gap");
        if (gap.isPresent()) {
            out = gap.get().matcher(out).replaceAll("$1 ");
        }
        var gapBefore = pattern("grammar.gap.before");
        if (gapBefore.isPresent()) {
            out = gapBefore.get().matcher(out).replaceAll("$1 ");
        }
        var nogap = pattern("grammar.nogap");
        if (nogap.isPresent()) {
            out = nogap.get().matcher(out).replaceAll("$1");
        }
        return out;
    }

    public Optional<String> raw(String key) {
        return Optional.ofNullable(phrases.getProperty(key));
    }

    /**
     * Formats the pattern of {@code key}. A missing key yields the key itself in angle brackets:
     * visible in a golden file or a test, never an exception in the editor.
     */
    public String format(String key, Object... args) {
        if (!phrases.containsKey(key)) {
            return "<" + key + ">";
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(phrases.getProperty(k), locale));
        synchronized (format) {
            return format.format(args);
        }
    }

    private static Properties load(String lang) {
        String name = "en".equals(lang) ? "phrases.properties" : "phrases_" + lang + ".properties";
        Properties p = new Properties();
        try (InputStream in = Phrasebook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing phrasebook " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

package dev.falconer.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's settings (section {@code falconer}), already resolved: {@code locale} is English or
 * Japanese, never "follow the client" (the reader resolves that).
 *
 * @param locale             language of every text we show
 * @param rulesFiles         files and directories in Falco's load order; empty = discover in the workspace
 * @param catalogFiles       extra field catalogs ({@code falco --list --format json}, plugin {@code get_fields})
 * @param sources            event sources the user's Falco has; empty = every source the catalog knows
 * @param severity           per diagnostic code (upper case): a new severity, or {@link Severity#OFF}
 * @param explainCodeLens    the "explain" lens above each {@code condition:}
 * @param referencesCodeLens the "N references" lens above each macro and list
 * @param diagnosticsDelayMs debounce between the last edit and the diagnostics run
 * @param filePatterns       globs (relative to a workspace folder) of files to treat as rules files
 */
public record FalconerSettings(Locale locale, List<String> rulesFiles, List<String> catalogFiles,
                               List<String> sources, Map<String, Severity> severity, boolean explainCodeLens,
                               boolean referencesCodeLens, int diagnosticsDelayMs, List<String> filePatterns) {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale JAPANESE = Locale.JAPANESE;
    /** Small on purpose: edit-to-diagnostics latency is a product requirement. */
    /**
     * No pause by default: a run takes a few milliseconds, keystrokes come tens of milliseconds
     * apart, and a newer edit cancels a run still waiting, so a pause would only add latency.
     */
    public static final int DEFAULT_DELAY_MS = 0;
    public static final List<String> DEFAULT_FILE_PATTERNS =
            List.of("**/*rules*.yaml", "**/*rules*.yml", "**/rules.d/*.yaml", "**/rules.d/*.yml");

    public FalconerSettings {
        locale = languageOf(locale == null ? null : locale.toLanguageTag());
        rulesFiles = List.copyOf(rulesFiles);
        catalogFiles = List.copyOf(catalogFiles);
        sources = List.copyOf(sources);
        severity = Map.copyOf(severity);
        diagnosticsDelayMs = Math.max(0, diagnosticsDelayMs);
        filePatterns = List.copyOf(filePatterns);
    }

    public static FalconerSettings defaults() {
        return new FalconerSettings(ENGLISH, List.of(), List.of(), List.of(), Map.of(), true, true,
                DEFAULT_DELAY_MS, DEFAULT_FILE_PATTERNS);
    }

    /** {@code ja*} means Japanese, anything else (including nothing) English. */
    public static Locale languageOf(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("ja") ? JAPANESE : ENGLISH;
    }

    public FalconerSettings withLocale(Locale newLocale) {
        return new FalconerSettings(newLocale, rulesFiles, catalogFiles, sources, severity, explainCodeLens,
                referencesCodeLens, diagnosticsDelayMs, filePatterns);
    }

    /** The severity the user wants for {@code code}, or {@code fallback} when they did not say. */
    public Severity severityFor(String code, Severity fallback) {
        return code == null ? fallback : severity.getOrDefault(code.toUpperCase(Locale.ROOT), fallback);
    }
}

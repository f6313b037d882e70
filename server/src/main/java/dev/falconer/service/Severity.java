package dev.falconer.service;

import java.util.Optional;

/**
 * How loudly a diagnostic is shown. {@link #OFF} only appears in settings (a code switched off);
 * diagnostics themselves carry one of the other four.
 */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT, OFF;

    /** Reads the settings spelling: the checks' levels ({@code error} … {@code hint}, {@code info}) or {@code off}. */
    public static Optional<Severity> parse(String text) {
        if (text != null && text.trim().equalsIgnoreCase(OFF.name())) {
            return Optional.of(OFF);
        }
        return dev.falconer.check.Severity.parse(text).map(Severity::of);
    }

    /** The same level as the checks' one. */
    public static Severity of(dev.falconer.check.Severity severity) {
        return valueOf(severity.name());
    }
}

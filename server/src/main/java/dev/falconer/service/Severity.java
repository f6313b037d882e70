package dev.falconer.service;

import java.util.Locale;
import java.util.Optional;

/**
 * How loudly a diagnostic is shown. {@link #OFF} only appears in settings (a code switched off);
 * diagnostics themselves carry one of the other four.
 */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT, OFF;

    /** Reads the settings spelling ({@code error}, {@code warning}, {@code information}, {@code hint}, {@code off}). */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("info")) {
            return Optional.of(INFORMATION);
        }
        for (Severity s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

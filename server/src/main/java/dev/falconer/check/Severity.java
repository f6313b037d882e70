package dev.falconer.check;

import java.util.Locale;
import java.util.Optional;

/** How serious a diagnostic is; the four levels of LSP, most serious first. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    /** The lower-case spelling used in settings, JSON output and LSP clients' configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** LSP's numeric DiagnosticSeverity (1 = error … 4 = hint). */
    public int lspValue() {
        return ordinal() + 1;
    }

    /** Reads {@code error}, {@code warning}, {@code information} (or {@code info}), {@code hint}; any case. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("info")) {
            return Optional.of(INFORMATION);
        }
        for (Severity s : values()) {
            if (s.id().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

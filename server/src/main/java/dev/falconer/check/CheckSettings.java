package dev.falconer.check;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the user configured for the checks: a severity per code, or off. Built from a plain map
 * of code id ({@code unknown-field}) to {@code error|warning|information|hint|off}; unknown codes
 * and unreadable levels are ignored (settings must never break diagnostics).
 */
public final class CheckSettings {
    private static final CheckSettings DEFAULTS = new CheckSettings(Map.of());
    private final Map<DiagnosticCode, Optional<Severity>> levels;

    private CheckSettings(Map<DiagnosticCode, Optional<Severity>> levels) {
        this.levels = levels;
    }

    public static CheckSettings defaults() {
        return DEFAULTS;
    }

    /** From {@code code -> level}; {@code off} switches a code off. Codes match case-insensitively. */
    public static CheckSettings of(Map<String, String> byCode) {
        Map<DiagnosticCode, Optional<Severity>> out = new EnumMap<>(DiagnosticCode.class);
        byCode.forEach((code, level) -> {
            Optional<DiagnosticCode> c = DiagnosticCode.fromId(code == null ? "" : code.trim().toLowerCase(Locale.ROOT));
            if (c.isEmpty() || level == null) {
                return;
            }
            if (level.trim().equalsIgnoreCase("off")) {
                out.put(c.get(), Optional.empty());
            } else {
                Severity.parse(level).ifPresent(s -> out.put(c.get(), Optional.of(s)));
            }
        });
        return new CheckSettings(out);
    }

    /** The severity to show a diagnostic with, or empty when its code is switched off. */
    public Optional<Severity> severityFor(Diagnostic d) {
        Optional<Severity> configured = levels.get(d.code());
        return configured == null ? Optional.of(d.severity()) : configured;
    }
}

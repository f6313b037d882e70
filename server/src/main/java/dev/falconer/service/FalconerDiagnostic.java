package dev.falconer.service;

import dev.falconer.text.TextRange;
import java.util.List;

/**
 * One problem in one document, ready to show: range in that document, severity, a stable code
 * (the key of the per-code severity setting) and a message already rendered in the user's
 * language. {@code unnecessary}/{@code deprecated} become the LSP diagnostic tags; {@code related}
 * points at other places (often in other files) that explain the problem.
 */
public record FalconerDiagnostic(TextRange range, Severity severity, String code, String message,
                                 boolean unnecessary, boolean deprecated, List<Related> related) {

    public FalconerDiagnostic {
        if (severity == Severity.OFF) {
            throw new IllegalArgumentException("a diagnostic cannot be emitted switched off");
        }
        related = related == null ? List.of() : List.copyOf(related);
    }

    public static FalconerDiagnostic of(TextRange range, Severity severity, String code, String message) {
        return new FalconerDiagnostic(range, severity, code, message, false, false, List.of());
    }

    public FalconerDiagnostic withSeverity(Severity newSeverity) {
        return new FalconerDiagnostic(range, newSeverity, code, message, unnecessary, deprecated, related);
    }

    /** Another place that matters for this diagnostic. */
    public record Related(String uri, TextRange range, String message) {
    }
}

package dev.falconer.service;

import dev.falconer.text.TextRange;
import java.util.List;

/**
 * One problem in one document, ready to show: range in that document, severity, a stable code
 * (the key of the per-code severity setting) and a message already rendered in the user's
 * language. {@code unnecessary}/{@code deprecated} become the LSP diagnostic tags; {@code related}
 * points at other places (often in other files) that explain the problem. {@code falcoCode} is
 * Falco's own code for the problem ({@code null} where Falco has none); {@code suggestions} are
 * replacements for the text at {@code range} that would fix it, closest first (quick fixes
 * offer them).
 */
public record FalconerDiagnostic(TextRange range, Severity severity, String code, String message,
                                 boolean unnecessary, boolean deprecated, List<Related> related,
                                 String falcoCode, List<String> suggestions) {

    public FalconerDiagnostic {
        if (severity == Severity.OFF) {
            throw new IllegalArgumentException("a diagnostic cannot be emitted switched off");
        }
        related = related == null ? List.of() : List.copyOf(related);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** Without Falco code and suggestions. */
    public FalconerDiagnostic(TextRange range, Severity severity, String code, String message,
                              boolean unnecessary, boolean deprecated, List<Related> related) {
        this(range, severity, code, message, unnecessary, deprecated, related, null, List.of());
    }

    public static FalconerDiagnostic of(TextRange range, Severity severity, String code, String message) {
        return new FalconerDiagnostic(range, severity, code, message, false, false, List.of());
    }

    public FalconerDiagnostic withSeverity(Severity newSeverity) {
        return new FalconerDiagnostic(range, newSeverity, code, message, unnecessary, deprecated, related, falcoCode,
                suggestions);
    }

    /** Another place that matters for this diagnostic. */
    public record Related(String uri, TextRange range, String message) {
    }
}

package dev.falconer.check;

import dev.falconer.text.TextRange;
import dev.falconer.text.TextSpan;
import java.util.List;
import java.util.Locale;

/**
 * One problem at an exact place: {@code span} (document offsets) and {@code range} (LSP
 * positions) in the file {@code uri}. The message is not text yet: {@code key} and {@code args}
 * are rendered per language by {@link #message(Locale)}. {@code falcoCode} is what Falco itself
 * would report ({@code null} when Falco accepts the file silently); {@code related} points at
 * other places that explain the problem (the defining entry, the list, …). {@code suggestions}
 * are the replacements for the text at {@code span} that would fix it ("did you mean"), closest
 * first, as a quick fix inserts them (the same names the message may quote).
 */
public record Diagnostic(DiagnosticCode code, Severity severity, FalcoCode falcoCode, String uri, TextSpan span,
                         TextRange range, String key, List<String> args, List<Related> related,
                         List<String> suggestions) {
    public Diagnostic {
        args = List.copyOf(args);
        related = List.copyOf(related);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** A diagnostic without replacement suggestions. */
    public Diagnostic(DiagnosticCode code, Severity severity, FalcoCode falcoCode, String uri, TextSpan span,
                      TextRange range, String key, List<String> args, List<Related> related) {
        this(code, severity, falcoCode, uri, span, range, key, args, related, List.of());
    }

    /** Another place that matters, e.g. where a list is defined. */
    public record Related(String uri, TextSpan span, TextRange range, String key, List<String> args) {
        public Related {
            args = List.copyOf(args);
        }

        public String message(Locale locale) {
            return CheckMessages.format(key, args, locale);
        }
    }

    public String message(Locale locale) {
        return CheckMessages.format(key, args, locale);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, falcoCode, uri, span, range, key, args, related, suggestions);
    }

    /** Falco's code as text, or {@code null}. */
    public String falcoCodeName() {
        return falcoCode == null ? null : falcoCode.name();
    }
}

package dev.falconer.check;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Collects what the validators find, keeps only the files asked for, turns offsets into LSP
 * ranges, and drops duplicates (a list item checked once per rule using it is one problem).
 */
final class DiagnosticSink {
    private final Function<String, RulesDocument> documents;
    private final Predicate<String> wanted;
    private final Map<String, Diagnostic> found = new LinkedHashMap<>();
    /** When set, every finding (wanted or not) is kept here as found, for a cached unit to replay. */
    private final List<Raw> capture;

    /** One finding as a validator reported it, before the file filter and range resolution. */
    record Raw(DiagnosticCode code, Severity severity, FalcoCode falcoCode, String uri, TextSpan span, String key,
               List<String> args, List<Diagnostic.Related> related, List<String> suggestions) {
    }

    DiagnosticSink(WorkspaceSnapshot snapshot, Predicate<String> wanted) {
        this(snapshot::document, wanted, null);
    }

    DiagnosticSink(Function<String, RulesDocument> documents, Predicate<String> wanted, List<Raw> capture) {
        this.documents = documents;
        this.wanted = wanted;
        this.capture = capture;
    }

    /** A sink that keeps everything reported into {@code into}, resolving related places like this one. */
    DiagnosticSink capturing(List<Raw> into) {
        return new DiagnosticSink(documents, wanted, into);
    }

    boolean wants(String uri) {
        return uri != null && wanted.test(uri);
    }

    void add(DiagnosticCode code, String uri, TextSpan span, String key, Object... args) {
        add(code, null, null, uri, span, key, strings(args), List.of());
    }

    void add(DiagnosticCode code, Location at, String key, Object... args) {
        if (at != null) {
            add(code, at.uri(), at.span(), key, args);
        }
    }

    /** With "did you mean" replacements for the text at {@code span}, closest first. */
    void suggest(DiagnosticCode code, String uri, TextSpan span, List<String> suggestions, String key, Object... args) {
        add(code, null, null, uri, span, key, strings(args), List.of(), suggestions);
    }

    void suggest(DiagnosticCode code, Location at, List<String> suggestions, String key, Object... args) {
        if (at != null) {
            suggest(code, at.uri(), at.span(), suggestions, key, args);
        }
    }

    /** Full form: {@code severity}/{@code falcoCode} {@code null} take the code's defaults. */
    void add(DiagnosticCode code, Severity severity, FalcoCode falcoCode, String uri, TextSpan span, String key,
             List<String> args, List<Diagnostic.Related> related) {
        add(code, severity, falcoCode, uri, span, key, args, related, List.of());
    }

    void add(DiagnosticCode code, Severity severity, FalcoCode falcoCode, String uri, TextSpan span, String key,
             List<String> args, List<Diagnostic.Related> related, List<String> suggestions) {
        if (capture != null) {
            if (span != null && uri != null) {
                capture.add(new Raw(code, severity, falcoCode, uri, span, key, args, related, suggestions));
            }
            return;
        }
        if (!wants(uri) || span == null) {
            return;
        }
        RulesDocument doc = documents.apply(uri);
        if (doc == null) {
            return;
        }
        Diagnostic d = new Diagnostic(code, severity == null ? code.defaultSeverity() : severity,
                falcoCode == null ? code.falcoCode() : falcoCode, uri, span, doc.lineIndex().range(span), key, args,
                related, suggestions);
        String id = code.id() + '|' + uri + '|' + span.start() + '|' + span.end() + '|' + key + '|' + args;
        // the same finding from two contexts (a value an alias shares between a lenient rule and a
        // strict one): the more severe stands, as Falco fails the load if either fails
        found.merge(id, d, (was, now) -> now.severity().ordinal() < was.severity().ordinal() ? now : was);
    }

    /** A related place, with its range resolved; {@code null} when the file is unknown. */
    Diagnostic.Related related(Location at, String key, Object... args) {
        RulesDocument doc = at == null ? null : documents.apply(at.uri());
        if (doc == null) {
            return null;
        }
        return new Diagnostic.Related(at.uri(), at.span(), doc.lineIndex().range(at.span()), key, strings(args));
    }

    /** Everything found, in file then position order. */
    List<Diagnostic> result() {
        List<Diagnostic> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing(Diagnostic::uri).thenComparingInt(d -> d.span().start())
                .thenComparingInt(d -> d.span().end()).thenComparing(d -> d.code().ordinal()));
        return out;
    }

    /** Removes diagnostics of {@code code} that sit exactly where one of {@code over} sits. */
    void dropShadowed(DiagnosticCode code, DiagnosticCode over) {
        java.util.Set<String> covered = found.values().stream().filter(d -> d.code() == over)
                .map(d -> d.uri() + '|' + d.span()).collect(java.util.stream.Collectors.toSet());
        found.values().removeIf(d -> d.code() == code && covered.contains(d.uri() + '|' + d.span()));
    }

    /**
     * Drops {@code code} findings that lie in an exception entry which also has one of the
     * {@code broken} findings: Falco stops at the exception's own error (comps, lengths) before it
     * builds the condition from it, so a syntax error of that built text is the same defect again.
     */
    void dropInBrokenExceptions(DiagnosticCode code, java.util.Set<DiagnosticCode> broken) {
        java.util.List<Diagnostic> causes = found.values().stream().filter(d -> broken.contains(d.code())).toList();
        if (causes.isEmpty()) {
            return;
        }
        found.values().removeIf(d -> d.code() == code && causes.stream().anyMatch(c -> sameException(c, d)));
    }

    private boolean sameException(Diagnostic a, Diagnostic b) {
        if (!a.uri().equals(b.uri())) {
            return false;
        }
        RulesDocument doc = documents.apply(a.uri());
        if (doc == null || !(doc.itemAt(a.span().start()) instanceof dev.falconer.rules.RuleItem rule)) {
            return false;
        }
        for (dev.falconer.rules.ExceptionSpec spec : rule.exceptionSpecs()) {
            TextSpan s = spec.node().span();
            if (s.contains(a.span().start()) && s.contains(b.span().start())) {
                return true;
            }
        }
        return false;
    }

    static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }
}

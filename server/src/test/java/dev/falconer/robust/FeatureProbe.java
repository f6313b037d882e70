package dev.falconer.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.lsp.LanguageServerRunner;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.CompletionEntry;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.service.HoverResult;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls every feature the way the server does (snapshot, production diagnostics, hover,
 * completion) and asserts what must hold for any input: nothing throws, each call returns
 * within a second, and every range it hands back lies inside the document.
 */
final class FeatureProbe {
    static final long MAX_CALL_MS = 1_000;
    static final FalconerService SERVICE = new FalconerService(FieldCatalog.defaults(),
            LanguageServerRunner.productionDiagnostics());

    private final FalconerSettings settings;
    long maxCallMs = MAX_CALL_MS;
    int calls;

    FeatureProbe(FalconerSettings settings) {
        this.settings = settings;
    }

    /** Diagnostics of {@code uri}, then hover and completion at each position. */
    void probe(RulesWorkspace ws, String uri, List<TextPosition> positions, String context) {
        WorkspaceSnapshot snapshot = timed(ws::snapshot, "snapshot", context);
        RulesDocument doc = snapshot.document(uri);
        if (doc == null) {
            fail("document missing after " + context);
        }
        LineIndex lines = doc.lineIndex();
        List<FalconerDiagnostic> found = timed(() -> SERVICE.diagnostics(
                new AnalysisRequest(snapshot, uri, SERVICE.catalog(), settings), () -> false), "diagnostics", context);
        for (FalconerDiagnostic d : found) {
            inside(lines, d.range(), "diagnostic " + d.code(), context);
        }
        // what the server does in the background once a document is open
        timed(() -> {
            SERVICE.explainAhead(snapshot, uri, settings.locale());
            return null;
        }, "explaining ahead", context);
        for (TextPosition p : positions) {
            Optional<HoverResult> h = timed(() -> SERVICE.hover(snapshot, uri, p, settings), "hover", context);
            h.ifPresent(r -> {
                if (r.range() != null) {
                    inside(lines, r.range(), "hover at " + p, context);
                }
            });
            List<CompletionEntry> entries = timed(() -> SERVICE.complete(snapshot, uri, p, settings), "completion",
                    context);
            for (CompletionEntry e : entries) {
                if (e.replace() != null) {
                    inside(lines, e.replace(), "completion " + e.label() + " at " + p, context);
                }
            }
        }
    }

    private <T> T timed(Supplier<T> call, String what, String context) {
        long t0 = System.nanoTime();
        T out;
        try {
            out = call.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(what + " threw after " + context, e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < maxCallMs, what + " took " + ms + " ms after " + context);
        calls++;
        return out;
    }

    static void inside(LineIndex lines, TextRange r, String what, String context) {
        boolean ok = valid(lines, r.start()) && valid(lines, r.end()) && r.start().compareTo(r.end()) <= 0;
        assertTrue(ok, what + " has range " + r + " outside the document after " + context);
    }

    private static boolean valid(LineIndex lines, TextPosition p) {
        if (p.line() < 0 || p.line() >= lines.lineCount() || p.character() < 0) {
            return false;
        }
        return p.character() <= lines.lineEnd(p.line()) - lines.lineStart(p.line());
    }
}

package dev.falconer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import dev.falconer.text.TextPosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * In the manner of LemMinX's XMLAssert: a {@code |} marks the cursor in a small rules file, the
 * service function is called directly, and the result is compared.
 */
final class ServiceAssert {
    static final String URI = "file:///rules/test_rules.yaml";
    static final FalconerService SERVICE = new FalconerService(FieldCatalog.defaults(), DiagnosticsProvider.none());
    static final FalconerSettings EN = FalconerSettings.defaults();
    static final FalconerSettings JA = FalconerSettings.defaults().withLocale(Locale.JAPANESE);

    private ServiceAssert() {
    }

    /** A document with its cursor: the text without the {@code |}, and where the {@code |} was. */
    record Cursor(RulesDocument document, TextPosition position, int offset) {
        static Cursor of(String uri, String marked) {
            int at = marked.indexOf('|');
            if (at < 0) {
                throw new IllegalArgumentException("no | cursor in test document");
            }
            String text = marked.substring(0, at) + marked.substring(at + 1);
            RulesDocument doc = RulesDocument.parse(uri, text);
            return new Cursor(doc, doc.lineIndex().position(at), at);
        }
    }

    /** A workspace of {@code others} (as if on disk, in that order) plus the test document, open. */
    static WorkspaceSnapshot workspace(Cursor c, RulesDocument... others) {
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        for (RulesDocument d : others) {
            ws.open(d.uri(), 0, d.text());
        }
        ws.open(URI, 1, c.document().text());
        return ws.snapshot();
    }

    static Optional<HoverResult> hover(String marked, FalconerSettings settings, RulesDocument... others) {
        Cursor c = Cursor.of(URI, marked);
        return SERVICE.hover(workspace(c, others), URI, c.position(), settings);
    }

    /** Asserts a hover whose range covers exactly {@code token} and whose markdown contains every {@code expected}. */
    static HoverResult assertHover(String marked, String token, String... expected) {
        return assertHover(marked, EN, token, expected);
    }

    static HoverResult assertHover(String marked, FalconerSettings settings, String token, String... expected) {
        Optional<HoverResult> h = hover(marked, settings);
        assertTrue(h.isPresent(), "expected a hover");
        RulesDocument doc = Cursor.of(URI, marked).document();
        int start = doc.lineIndex().offset(h.get().range().start());
        int end = doc.lineIndex().offset(h.get().range().end());
        assertEquals(token, doc.text().substring(start, end), "hover range");
        for (String e : expected) {
            assertTrue(h.get().markdown().contains(e), () -> "hover lacks <" + e + ">:\n" + h.get().markdown());
        }
        return h.get();
    }

    static List<CompletionEntry> complete(String marked, FalconerSettings settings, RulesDocument... others) {
        Cursor c = Cursor.of(URI, marked);
        return SERVICE.complete(workspace(c, others), URI, c.position(), settings);
    }

    static List<String> labels(String marked, RulesDocument... others) {
        return complete(marked, EN, others).stream().map(CompletionEntry::label).toList();
    }

    /** Asserts the proposals include every {@code expected} label. */
    static List<String> assertCompletion(String marked, String... expected) {
        List<String> labels = labels(marked);
        for (String e : expected) {
            assertTrue(labels.contains(e), () -> "missing <" + e + "> in " + labels);
        }
        return labels;
    }

    static CompletionEntry entry(String marked, String label) {
        return complete(marked, EN).stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no proposal " + label));
    }

    static void assertNoHover(String marked) {
        assertTrue(hover(marked, EN).isEmpty(), "expected no hover");
    }
}

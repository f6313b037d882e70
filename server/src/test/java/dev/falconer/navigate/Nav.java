package dev.falconer.navigate;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.BrokenItem;
import dev.falconer.rules.MalformedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.WorkspaceAnalyzer;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test support in the LemMinX {@code XMLAssert} style: a {@code |} marks the cursor in a small
 * document; features are called directly on a workspace built from the texts.
 */
final class Nav {
    static final String A = "file:///ws/a_rules.yaml";
    static final String B = "file:///ws/b_rules.yaml";
    static final FieldCatalog CATALOG = FieldCatalog.defaults();
    static final Navigator NAV = new Navigator(CATALOG);

    private Nav() {
    }

    /** A text with its cursor: the {@code |} is removed, its offset kept. */
    record Cursor(String text, int offset) {
        TextPosition position() {
            return LineIndex.of(text).position(offset);
        }
    }

    /** The first {@code |} that is not a YAML literal block header ({@code key: |}, {@code key: |-} …). */
    static Cursor cursor(String withBar) {
        int at = withBar.indexOf('|');
        while (at >= 0 && isBlockHeader(withBar, at)) {
            at = withBar.indexOf('|', at + 1);
        }
        if (at < 0) {
            throw new IllegalArgumentException("no | cursor in " + withBar);
        }
        return new Cursor(withBar.substring(0, at) + withBar.substring(at + 1), at);
    }

    private static boolean isBlockHeader(String s, int at) {
        boolean afterKey = at >= 2 && s.startsWith(": ", at - 2);
        char next = at + 1 < s.length() ? s.charAt(at + 1) : '\n';
        return afterKey && (next == '\n' || next == '-' || next == '+' || Character.isDigit(next));
    }

    /** A workspace of {@code uri, text, uri, text …} in that load order. */
    static WorkspaceSnapshot workspace(String... uriAndText) {
        List<RulesDocument> docs = new ArrayList<>();
        for (int i = 0; i < uriAndText.length; i += 2) {
            docs.add(RulesDocument.parse(uriAndText[i], uriAndText[i + 1]));
        }
        return new WorkspaceAnalyzer(new ConditionCache()).analyze(docs);
    }

    static WorkspaceSnapshot workspace(Map<String, String> texts) {
        List<String> args = new ArrayList<>();
        texts.forEach((u, t) -> {
            args.add(u);
            args.add(t);
        });
        return workspace(args.toArray(String[]::new));
    }

    /** The range of the {@code occurrence}-th (0-based) {@code word} in {@code text}. */
    static Range r(String text, String word, int occurrence) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.indexOf(word, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException(word + " #" + occurrence + " not in text");
            }
        }
        LineIndex index = LineIndex.of(text);
        TextPosition s = index.position(at);
        TextPosition e = index.position(at + word.length());
        return new Range(new Position(s.line(), s.character()), new Position(e.line(), e.character()));
    }

    static Range r(int sl, int sc, int el, int ec) {
        return new Range(new Position(sl, sc), new Position(el, ec));
    }

    /** Applies non-overlapping edits (any order) to a text. */
    static String apply(String text, List<TextEdit> edits) {
        LineIndex index = LineIndex.of(text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> offset(index, e.getRange().getStart())).reversed());
        StringBuilder sb = new StringBuilder(text);
        int lastStart = Integer.MAX_VALUE;
        for (TextEdit e : sorted) {
            int s = offset(index, e.getRange().getStart());
            int end = offset(index, e.getRange().getEnd());
            assertTrue(end <= lastStart, "overlapping edits");
            sb.replace(s, end, e.getNewText());
            lastStart = s;
        }
        return sb.toString();
    }

    static Map<String, String> apply(Map<String, String> texts, WorkspaceEdit edit) {
        Map<String, String> out = new LinkedHashMap<>(texts);
        edit.getChanges().forEach((uri, edits) -> out.put(uri, apply(out.get(uri), edits)));
        return out;
    }

    private static int offset(LineIndex index, Position p) {
        return index.offset(p.getLine(), p.getCharacter());
    }

    /** The file still reads as YAML with the same items, none broken. */
    static void assertValidYaml(String text, int items) {
        RulesDocument doc = RulesDocument.parse("file:///check.yaml", text);
        assertTrue(doc.items().stream().noneMatch(i -> i instanceof BrokenItem || i instanceof MalformedItem),
                () -> "not valid YAML any more:\n" + text);
        assertEquals(items, doc.items().size(), () -> "items changed:\n" + text);
    }
}

package dev.falconer.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.service.FalconerSettings;
import dev.falconer.support.Corpus;
import dev.falconer.text.ContentChange;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random edits of the official rules files, each followed by diagnostics, hover and
 * completion at random places (see {@link FeatureProbe} for what must hold). Edits are sent as
 * LSP incremental changes, so the incremental re-parse is what gets fuzzed. Deterministic.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServiceFuzzTest {
    private static final String[] SNIPPETS = {"\"", "'", "[", "]", "(", ")", "{", "}", ":", ": ", "- ", ">", "|",
        "|-", ">+", "\n", "\n  ", "  ", "\t", "#", "&a", "*a", "!!str ", "---\n", "%", "\\", "and ", " or not ",
        "proc.", "evt.type in (", "condition: ", "- macro: ", "- rule: x\n", "append: true\n", "override:\n",
        "\u00e9", "\ud83e\udd85", "\u30eb\u30fc\u30eb", "\u0000", "\r\n", "\ufeff"};

    private static final String FALCO = "falcosecurity/rules/rules/falco_rules.yaml";
    private static final String SANDBOX = "falcosecurity/rules/rules/falco-sandbox_rules.yaml";

    @Test
    void randomEditsOfFalcoRules() {
        // three windows of the file: lists and macros, macros and rules, rules with exceptions
        fuzz(FALCO, 0, 40, 11, 250, FalconerSettings.defaults());
        fuzz(FALCO, 60, 40, 12, 250, FalconerSettings.defaults());
        fuzz(FALCO, 140, 30, 13, 250, FalconerSettings.defaults());
    }

    @Test
    void randomEditsOfSandboxRulesInJapanese() {
        fuzz(SANDBOX, 40, 40, 21, 500, FalconerSettings.defaults().withLocale(Locale.JAPANESE));
    }

    @Test
    void randomEditsOfPluginRules() {
        // other event sources' fields; seed 102 also picks places inside a "\r\n" it typed
        fuzz("falcosecurity/plugins/plugins/k8saudit/rules/k8s_audit_rules.yaml", 27, 30, 101, 300,
                FalconerSettings.defaults().withLocale(Locale.JAPANESE));
        fuzz("falcosecurity/plugins/plugins/cloudtrail/rules/aws_cloudtrail_rules.yaml", 34, 30, 102, 300,
                FalconerSettings.defaults());
    }

    @Test
    void truncationAtEveryOffsetOfARule() {
        String uri = "file:///fuzz/falco_rules.yaml";
        RulesDocument full = RulesDocument.parse(uri, Corpus.read(Corpus.file(FALCO)));
        // a rule of median length (folded condition, output, tags), after a few items for context
        List<RuleItem> byLength = full.itemsOf(RuleItem.class).stream()
                .sorted(java.util.Comparator.comparingInt(r -> r.span().length())).toList();
        RuleItem longest = byLength.get(byLength.size() / 2);
        int at = full.items().indexOf(longest);
        String original = window(full, Math.max(0, at - 6), 7);
        RulesDocument parsed = RulesDocument.parse(uri, original);
        RuleItem rule = parsed.itemsOf(RuleItem.class).get(parsed.itemsOf(RuleItem.class).size() - 1);
        int from = rule.span().start();
        int to = rule.span().end();
        String head = original.substring(0, to);
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(uri, 1, head);
        FeatureProbe probe = new FeatureProbe(FalconerSettings.defaults());
        int version = 2;
        for (int cut = to - 1; cut >= from; cut--) {
            LineIndex lines = LineIndex.of(head.substring(0, cut + 1));
            // delete the last character: the document is always the file cut at {@code cut}
            TextPosition a = lines.position(cut);
            TextPosition b = lines.position(cut + 1);
            ws.change(uri, version++, List.of(new ContentChange(new dev.falconer.text.TextRange(a, b), "")));
            LineIndex now = LineIndex.of(head.substring(0, cut));
            probe.probe(ws, uri, List.of(now.position(cut), now.position(Math.max(from, cut - 5))), "cut at " + cut);
        }
        assertEquals(original.substring(0, from), ws.document(uri).text());
    }

    /**
     * Fuzzes the items {@code [first, first + count)} of a corpus file: each call costs a
     * diagnostics run, so a window keeps thousands of edits within the test budget.
     */
    private static void fuzz(String corpusFile, int first, int count, long seed, int edits, FalconerSettings settings) {
        String uri = "file:///fuzz/" + corpusFile.substring(corpusFile.lastIndexOf('/') + 1);
        String original = window(RulesDocument.parse(uri, Corpus.read(Corpus.file(corpusFile))), first, count);
        Random random = new Random(seed);
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(uri, 1, original);
        StringBuilder expected = new StringBuilder(original);
        FeatureProbe probe = new FeatureProbe(settings);
        for (int i = 0; i < edits; i++) {
            if (i % 150 == 149) {
                // back to the real file now and then, so edits keep landing in mostly valid YAML
                ws.change(uri, i + 2, List.of(ContentChange.full(original)));
                expected.setLength(0);
                expected.append(original);
                continue;
            }
            ContentChange change = randomChange(random, expected);
            ws.change(uri, i + 2, List.of(change));
            assertEquals(expected.toString(), ws.document(uri).text(), "text after edit " + i);
            List<TextPosition> at = new ArrayList<>();
            LineIndex lines = LineIndex.of(expected.toString());
            int near = lines.offset(change.range() == null ? new TextPosition(0, 0) : change.range().start());
            at.add(lines.position(near));
            at.add(lines.position(random.nextInt(expected.length() + 1)));
            if (i % 4 == 0) {
                // positions past the end of a line or of the document are clamped, never thrown at
                at.add(new TextPosition(random.nextInt(lines.lineCount() + 3), random.nextInt(400)));
            }
            probe.probe(ws, uri, at, "edit " + i + " (seed " + seed + ")");
        }
        assertTrue(probe.calls > edits * 3);
    }

    /** The text of {@code count} top-level items from {@code first} (fewer at the end of the file). */
    private static String window(RulesDocument doc, int first, int count) {
        List<RulesItem> items = doc.items();
        int a = Math.min(first, items.size() - 1);
        int b = Math.min(items.size(), a + count) - 1;
        return doc.text().substring(items.get(a).frame().chunk().start(), items.get(b).frame().chunk().end());
    }

    /** A random LSP change; applies it to {@code text} as the client would. */
    private static ContentChange randomChange(Random random, StringBuilder text) {
        LineIndex lines = LineIndex.of(text.toString());
        int start = random.nextInt(text.length() + 1);
        int end = start;
        String insert;
        switch (random.nextInt(7)) {
            case 0, 1 -> insert = SNIPPETS[random.nextInt(SNIPPETS.length)];
            case 2 -> { // delete a few characters
                end = Math.min(text.length(), start + 1 + random.nextInt(12));
                insert = "";
            }
            case 3 -> { // random characters, any code unit but lone surrogates
                StringBuilder sb = new StringBuilder();
                for (int k = random.nextInt(6); k >= 0; k--) {
                    char c = (char) random.nextInt(0xD800);
                    sb.append(c);
                }
                insert = sb.toString();
            }
            case 4 -> { // indent or dedent a line
                int line = lines.lineOf(start);
                start = lines.lineStart(line);
                boolean dedent = random.nextBoolean() && text.length() > start + 1 && text.charAt(start) == ' ';
                end = dedent ? start + 1 : start;
                insert = dedent ? "" : " ".repeat(1 + random.nextInt(4));
            }
            case 5 -> { // duplicate a line
                int line = lines.lineOf(start);
                start = lines.lineStart(line);
                end = start;
                insert = text.substring(start, lines.lineEnd(line)) + "\n";
            }
            default -> { // delete to the end of the line or of the next line
                int line = lines.lineOf(start);
                end = lines.lineEnd(Math.min(line + random.nextInt(2), lines.lineCount() - 1));
                end = Math.max(start, end);
                insert = "";
            }
        }
        // a client cannot name a place inside "\r\n" (a position's line ends before its break):
        // such an edit would land before the "\r" and the text here would disagree
        start = outsideCrLf(text, start);
        end = Math.max(start, outsideCrLf(text, end));
        ContentChange change = new ContentChange(new dev.falconer.text.TextRange(lines.position(start),
                lines.position(end)), insert);
        text.replace(start, end, insert);
        return change;
    }

    /** {@code offset}, or the start of the {@code "\r\n"} it falls inside. */
    private static int outsideCrLf(CharSequence text, int offset) {
        return offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n'
                ? offset - 1 : offset;
    }
}

package dev.falconer.rules;

import dev.falconer.support.Corpus;
import dev.falconer.text.ContentChange;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextDocument;
import dev.falconer.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link RulesDocument#update} after random edits gives exactly what a fresh parse of the new
 * text gives: the same items (spans, comments, indexes, documents), the same chunks, the same
 * source maps, and {@link TextDocument#withChanges} the same line index as a fresh one.
 */
class IncrementalParseTest {
    private static final String FIXTURE = """
            # Engine
            - required_engine_version: 0.57.0

            # Shells we know.
            - list: shell_binaries
              items: [bash, "z sh", 'it''s']

            - macro: spawned_process
              condition: evt.type = execve and proc.name = "caf\\u00e9 😀"

            - macro: b
              condition: y

            - rule: Shell spawned
              desc: >
                a shell,
                folded

                here
              condition: |
                spawned_process
                and proc.name in (shell_binaries)
              output: "shell (%proc.name)"
              priority: WARNING
              exceptions:
                - name: known
                  fields: [proc.pname]
                  values: [[sshd]]
            ---
            # second document
            - macro: b
              condition: y
            - foo: bar
            - just a scalar
            -
            ...
            """;

    /** Pieces that change how a file is cut and read: entries, markers, quotes, breaks, surrogates. */
    private static final String[] PIECES = {"-", "- ", "\n- macro: m\n  condition: a\n", " ", "  ", "\t", "\n", "\r\n",
        "\r", ":", ": ", "#", "# c\n", "'", "\"", "|", ">", "[", "]", "{", "}", "---\n", "--- x\n", "...\n", "%YAML 1.2\n",
        "x", "rule", "😀", "é", "\\u00e9", "\\", "&a ", "*a", "!t ", ",", "\uFEFF"};

    @Test
    void randomEditsOfAFixtureMatchAFreshParse() {
        for (String base : List.of(FIXTURE, FIXTURE.replace("\n", "\r\n"), "  - macro: a\n    condition: x\n  - macro: b\n")) {
            edit(base, new Random(base.length()), 600, 40, true);
        }
    }

    @Test
    void randomEditsOfAnOfficialFileMatchAFreshParse() throws Exception {
        Path p = Corpus.root().resolve("falcosecurity/rules/rules/falco_rules.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(p), "corpus not available");
        edit(Files.readString(p), new Random(7), 50, 25, false);
    }

    /**
     * {@code count} random edits, each checked (with every source map when {@code maps}),
     * restarting from {@code base} every {@code chain} edits.
     */
    private static void edit(String base, Random random, int count, int chain, boolean maps) {
        TextDocument text = new TextDocument("file:///r.yaml", 1, base);
        RulesDocument doc = RulesDocument.parse(text);
        for (int i = 0; i < count; i++) {
            if (i % chain == 0) {
                text = new TextDocument("file:///r.yaml", 1, base);
                doc = RulesDocument.parse(text);
            }
            TextDocument next = next(text, random);
            RulesDocument updated = random.nextInt(8) == 0
                    ? doc.update(new TextDocument(next.uri(), next.version(), next.text())) // no edit hint
                    : doc.update(next);
            assertMatchesFreshParse(next, updated, maps);
            assertMovedItemsKeepTheirChunkText(doc, updated);
            text = next;
            doc = updated;
        }
    }

    private static TextDocument next(TextDocument text, Random random) {
        String s = text.text();
        int edits = random.nextInt(10) == 0 ? 2 : 1;
        List<ContentChange> changes = new ArrayList<>();
        int length = s.length();
        for (int k = 0; k < edits; k++) {
            // edits cluster where one types, sometimes anywhere
            int at = random.nextInt(length + 1);
            int end = Math.min(length, at + (random.nextBoolean() ? 0 : random.nextInt(random.nextInt(4) == 0 ? 40 : 3) + 1));
            String insert = random.nextInt(3) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];
            LineIndex index = LineIndex.of(s);
            TextPosition a = index.position(at);
            TextPosition b = index.position(end);
            changes.add(ContentChange.replace(a.line(), a.character(), b.line(), b.character(), insert));
            s = s.substring(0, index.offset(a)) + insert + s.substring(Math.max(index.offset(a), index.offset(b)));
            length = s.length();
        }
        if (random.nextInt(50) == 0) {
            changes.add(ContentChange.full(s));
        }
        TextDocument next = text.withChanges(text.version() + 1, changes);
        assertEquals(s, next.text());
        return next;
    }

    /**
     * What {@link RulesDocument#sameChunkKnown} claims (the lineage step skips comparing those
     * chunks) holds: the item has the same index and chunk text as in the earlier version.
     */
    private static void assertMovedItemsKeepTheirChunkText(RulesDocument earlier, RulesDocument updated) {
        for (int i = 0; i < updated.items().size() + 2; i++) {
            if (!updated.sameChunkKnown(earlier, i)) {
                continue;
            }
            RulesItem n = updated.items().get(i);
            RulesItem o = earlier.items().get(i);
            assertEquals(i, n.index());
            assertEquals(o.frame().chunk().textOf(earlier.text()), n.frame().chunk().textOf(updated.text()),
                    "chunk of moved item " + i);
        }
        RulesDocument unrelated = RulesDocument.parse(updated.textDocument());
        for (int i = 0; i < updated.items().size(); i++) {
            // only the version it was updated from is known; any other stays unknown
            org.junit.jupiter.api.Assertions.assertFalse(updated.sameChunkKnown(unrelated, i));
            org.junit.jupiter.api.Assertions.assertFalse(unrelated.sameChunkKnown(earlier, i));
        }
    }

    /** A fresh parse knows no earlier version, and an official-file keystroke moves the tail. */
    @Test
    void aKeystrokeMarksTheItemsAfterItAsMoved() {
        String base = FIXTURE;
        RulesDocument doc = RulesDocument.parse(new TextDocument("file:///r.yaml", 1, base));
        int at = base.indexOf("condition: y");
        TextPosition p = doc.lineIndex().position(at + "condition: ".length());
        RulesDocument next = doc.update(doc.textDocument().withChanges(2,
                List.of(ContentChange.replace(p.line(), p.character(), p.line(), p.character(), "x"))));
        int edited = next.itemAt(at).index();
        for (int i = 0; i < next.items().size(); i++) {
            assertEquals(i > edited, next.sameChunkKnown(doc, i), "item " + i);
        }
        assertEquals(false, next.sameChunkKnown(null, edited + 1));
    }

    private static void assertMatchesFreshParse(TextDocument next, RulesDocument updated, boolean maps) {
        String t = next.text();
        LineIndex fresh = LineIndex.of(t);
        LineIndex kept = next.lineIndex();
        assertEquals(fresh.lineCount(), kept.lineCount(), () -> "line count of " + t);
        for (int line = 0; line < fresh.lineCount(); line++) {
            assertEquals(fresh.lineStart(line), kept.lineStart(line), "start of line " + line);
            assertEquals(fresh.lineEnd(line), kept.lineEnd(line), "end of line " + line);
        }
        RulesDocument expected = RulesDocument.parse(new TextDocument(next.uri(), next.version(), t));
        assertEquals(ChunkSplitter.split(t), updated.slots.stream().map(RulesDocumentParser.Slot::chunk).toList(),
                () -> "chunks of " + t);
        assertEquals(expected.items(), updated.items(), () -> "items of " + t);
        int firstIndex = 0;
        for (RulesDocumentParser.Slot slot : updated.slots) {
            assertEquals(firstIndex, slot.firstIndex());
            firstIndex += slot.items().size();
        }
        if (!maps) {
            return; // equal scalars give equal maps; computing every map of a large file takes long
        }
        List<YamlScalar> a = YamlFixtures.scalars(expected);
        List<YamlScalar> b = YamlFixtures.scalars(updated);
        for (int i = 0; i < a.size(); i++) {
            SourceMap x = a.get(i).sourceMap();
            SourceMap y = b.get(i).sourceMap();
            assertEquals(x.exact(), y.exact());
            assertEquals(x.value(), y.value());
            for (int c = 0; c <= x.value().length(); c++) {
                assertEquals(x.documentOffset(c), y.documentOffset(c));
            }
        }
    }
}

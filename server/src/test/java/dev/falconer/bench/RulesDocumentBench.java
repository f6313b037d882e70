package dev.falconer.bench;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.WorkspaceAnalyzer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bounded benchmark of the rules layer on falco_rules.yaml: full parse, re-parse after a
 * one-character edit, source maps of every condition, and the workspace merge (without
 * condition parsing). Run: {@code java -cp ... dev.falconer.bench.RulesDocumentBench [file]}.
 */
public final class RulesDocumentBench {
    private static final int WARMUP = 200;
    private static final int RUNS = 300;

    private RulesDocumentBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("falconer.shared", "../shared"),
                "corpus/falcosecurity/rules/rules/falco_rules.yaml");
        String text = Files.readString(file);
        TextDocument v1 = new TextDocument(file.toUri().toString(), 1, text);
        RulesDocument base = RulesDocument.parse(v1);
        int at = text.indexOf("condition:", text.length() / 2) + 12;
        TextPosition p = v1.position(at);
        TextDocument v2 = v1.withChange(2, ContentChange.replace(p.line(), p.character(), p.line(), p.character(), "x"));
        WorkspaceAnalyzer analyzer = new WorkspaceAnalyzer(t -> new ParsedCondition(t, null, List.of()));

        report("full parse", () -> RulesDocument.parse(v1));
        report("re-parse after one-character edit", () -> base.update(v2));
        // typing: every keystroke shifts the items after it, which are rebuilt (not re-read)
        RulesDocument[] typing = {base};
        report("typing one character (chained edits)", () -> {
            TextDocument cur = typing[0].textDocument();
            TextPosition q = cur.position(at);
            typing[0] = typing[0].update(cur.withChange(cur.version() + 1,
                    ContentChange.replace(q.line(), q.character(), q.line(), q.character(), "y")));
        });
        report("source maps of all macro conditions", () -> {
            for (MacroItem m : base.itemsOf(MacroItem.class)) {
                YamlScalar s = m.condition() == null ? null : m.condition().scalar();
                if (s != null) {
                    s.sourceMap();
                }
            }
        });
        report("merge + substitution (no condition parsing)", () -> analyzer.analyze(List.of(base)));
        WorkspaceAnalyzer parsing = new WorkspaceAnalyzer();
        report("merge + names, real parser, warm parse cache", () -> parsing.analyze(List.of(base)));
        report("merge + names, real parser, cold parse cache", () -> new WorkspaceAnalyzer().analyze(List.of(base)));
        System.err.printf("%d lines, %d items, %d chunks re-parsed after the edit%n",
                v1.lineIndex().lineCount(), base.items().size(), base.update(v2).parsedChunks());
    }

    private static void report(String name, Runnable task) {
        for (int i = 0; i < WARMUP; i++) {
            task.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            task.run();
        }
        double micros = (System.nanoTime() - start) / 1000.0 / RUNS;
        System.err.printf("%-46s %9.1f us%n", name, micros);
    }
}

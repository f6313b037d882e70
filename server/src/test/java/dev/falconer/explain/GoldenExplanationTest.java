package dev.falconer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule and macro of our fixture rules files, explained in English and Japanese, against
 * golden files that a person has read. Regenerate with {@code -Dfalconer.updateGolden=true}, then
 * read the diff before committing it.
 */
class GoldenExplanationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/explain/rules");
    private static final Path GOLDEN = Path.of("src/test/resources/explain/golden");
    private static final boolean UPDATE = Boolean.getBoolean("falconer.updateGolden");
    private static final FieldCatalog CATALOG = FieldCatalog.defaults();

    @TestFactory
    Stream<DynamicTest> explanationsMatchGoldenFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path file : files.sorted().toList()) {
                LoadedRules rules = LoadedRules.load(List.of(file));
                String set = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                for (RuleDoc rule : rules.rules()) {
                    tests.add(DynamicTest.dynamicTest(set + ": " + rule.name(),
                            () -> check(set, slug(rule.name()), rule, rules.symbols(), rule.source())));
                }
                for (MacroDoc macro : rules.macros()) {
                    tests.add(DynamicTest.dynamicTest(set + ": macro " + macro.name(),
                            () -> check(set, "macro-" + slug(macro.name()), macro, rules.symbols(), "syscall")));
                }
            }
        }
        return tests.stream();
    }

    private static void check(String set, String slug, ExplainItem item, ExplainSymbols rules, String source)
            throws IOException {
        ExplainContext context = new CatalogExplainContext(CATALOG, source, rules);
        StringBuilder summaries = new StringBuilder();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Explanation e = Explainer.explain(item, context, locale);
            String lang = locale.getLanguage();
            compare(GOLDEN.resolve(set).resolve(slug + "." + lang + ".md"), MarkdownRenderer.render(e, ExpandDepth.ONE));
            String summary = SummaryRenderer.render(e, SummaryRenderer.DEFAULT_MAX_CHARS);
            assertTrue(summary.length() <= SummaryRenderer.DEFAULT_MAX_CHARS, summary);
            summaries.append(lang).append(": ").append(summary).append('\n');
        }
        compare(GOLDEN.resolve(set).resolve(slug + ".summary.txt"), summaries.toString());
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), "missing golden file " + golden + " (run with -Dfalconer.updateGolden=true)");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, golden.toString());
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}

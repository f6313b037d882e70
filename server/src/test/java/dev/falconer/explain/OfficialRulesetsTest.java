package dev.falconer.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every rule and macro of the official rulesets gets an explanation in both languages with no
 * fallback: no condition text standing in for a sentence, no "unknown", no missing phrase, and
 * no English words left in the Japanese outside code spans and quoted author text.
 */
class OfficialRulesetsTest {

    private static final Path CORPUS = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus",
            "falcosecurity");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s:.*?)\\1");
    private static final Pattern MISSING_PHRASE = Pattern.compile("<[a-z]+(?:\\.[a-zA-Z0-9]+)+>");
    private static final Pattern FIELD_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(?:\\.[a-zA-Z][a-zA-Z0-9_]*)+");
    private static final Pattern LOWER_WORD = Pattern.compile("(?<![A-Za-z0-9_./-])[a-z][a-z]+(?![A-Za-z0-9_])");
    private static final Pattern CONDITION_SYNTAX = Pattern.compile("\\b(?:and not|or not)\\b|\\bin \\(|[!=]=");

    /** Rulesets as Falco loads them: the default rules first where a file builds on them. */
    private static List<List<Path>> rulesets() throws IOException {
        Path rules = CORPUS.resolve("rules/rules");
        Path base = rules.resolve("falco_rules.yaml");
        List<List<Path>> sets = new ArrayList<>();
        sets.add(List.of(base));
        sets.add(List.of(base, rules.resolve("falco-incubating_rules.yaml")));
        sets.add(List.of(base, rules.resolve("falco-sandbox_rules.yaml")));
        try (var files = Files.walk(CORPUS.resolve("plugins/plugins"))) {
            files.filter(p -> p.toString().endsWith(".yaml") && p.getParent().getFileName().toString().equals("rules"))
                    .sorted().forEach(p -> sets.add(List.of(p)));
        }
        return sets;
    }

    @Test
    void everyOfficialRuleAndMacroIsExplainedWithoutFallback() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("rules/rules")), "corpus not available");
        FieldCatalog catalog = FieldCatalog.defaults().withPlugins(Set.of("container", "json", "k8saudit",
                "cloudtrail", "okta", "github", "gcpaudit", "k8saudit-gke", "k8smeta"));
        Set<String> catalogWords = catalogAsciiWords(catalog);
        List<String> problems = new ArrayList<>();
        int explained = 0;
        for (List<Path> set : rulesets()) {
            LoadedRules rules = LoadedRules.load(set);
            Path last = set.get(set.size() - 1);
            for (ExplainItem item : rules.definedIn(last)) {
                String source = item instanceof RuleDoc r ? r.source() : "syscall";
                ExplainContext context = new CatalogExplainContext(catalog, source, rules.symbols());
                for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                    Explanation e = Explainer.explain(item, context, locale);
                    String where = last.getFileName() + " " + item.name() + " [" + locale + "]";
                    check(where, MarkdownRenderer.render(e, ExpandDepth.ONE), locale, catalogWords, problems);
                    String summary = SummaryRenderer.render(e, SummaryRenderer.DEFAULT_MAX_CHARS);
                    if (summary.length() > SummaryRenderer.DEFAULT_MAX_CHARS) {
                        problems.add(where + ": summary too long: " + summary);
                    }
                    check(where + " summary", summary, Locale.ENGLISH, catalogWords, problems);
                    explained++;
                }
            }
        }
        assertTrue(explained > 500, "explained only " + explained);
        assertTrue(problems.isEmpty(), problems.size() + " problems, e.g.:\n"
                + problems.stream().limit(40).collect(Collectors.joining("\n")));
    }

    private static void check(String where, String text, Locale locale, Set<String> catalogWords,
                              List<String> problems) {
        if (MISSING_PHRASE.matcher(text).find()) {
            problems.add(where + ": missing phrase: " + first(MISSING_PHRASE, text));
        }
        Phrasebook book = Phrasebook.of(locale);
        if (text.contains(book.format("unparsed")) || text.contains(Phrasebook.of(Locale.ENGLISH).format("unparsed"))) {
            problems.add(where + ": a condition did not parse");
        }
        for (String line : text.split("\n")) {
            if (line.stripLeading().startsWith(">") || line.startsWith("**")) {
                continue; // the author's own words (desc, comments, the rule's name), as written
            }
            String prose = CODE_SPAN.matcher(line).replaceAll("");
            if (prose.toLowerCase(Locale.ROOT).contains("unknown")) {
                problems.add(where + ": says unknown: " + line);
            }
            if (!isGloss(line) && locale.getLanguage().equals("en") && text.contains("`")) {
                Matcher m = FIELD_NAME.matcher(prose);
                if (m.find()) {
                    problems.add(where + ": field name outside code: " + m.group() + " in " + line);
                }
            }
            if (CONDITION_SYNTAX.matcher(prose).find()) {
                problems.add(where + ": condition syntax in prose: " + line);
            }
            if (locale.getLanguage().equals("ja") && !isGloss(line)) {
                Matcher w = LOWER_WORD.matcher(prose);
                while (w.find()) {
                    if (!catalogWords.contains(w.group())) {
                        problems.add(where + ": English in Japanese: '" + w.group() + "' in " + line);
                        break;
                    }
                }
            }
        }
    }

    /** Gloss lines ({@code - `value`: what it is}) are the glosses' own text, checked where they are written. */
    private static boolean isGloss(String line) {
        return line.stripLeading().matches("- `[^`]+`: .*");
    }

    /** Lower-case ASCII words the catalog's Japanese phrases use on purpose ("verb", "privileged"). */
    private static Set<String> catalogAsciiWords(FieldCatalog catalog) {
        Set<String> words = new TreeSet<>();
        for (FieldInfo f : catalog.allFields()) {
            Matcher m = LOWER_WORD.matcher(f.phrase(Locale.JAPANESE));
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : "";
    }
}

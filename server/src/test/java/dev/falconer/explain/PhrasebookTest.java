package dev.falconer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The phrasebooks cover every construct in both languages, and the Japanese one is complete on its own. */
class PhrasebookTest {

    private static final Pattern VARIANT = Pattern.compile("(\\.md)?(\\.list|\\.many|\\.1|\\.2)?(\\.pl)?(\\.cont)?$");
    private static final Set<String> CLAUSE_PREFIXES = Set.of("op.", "exists", "event.types", "event.group.",
            "macro.", "unparsed");

    private static Set<String> baseKeys(Phrasebook book) {
        return book.keys().stream().filter(k -> !k.startsWith("grammar.") && !k.equals("sentence.capitalize"))
                .map(k -> VARIANT.matcher(k).replaceFirst("")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void bothLanguagesWordTheSameThings() {
        assertEquals(baseKeys(Phrasebook.of(Locale.ENGLISH)), baseKeys(Phrasebook.of(Locale.JAPANESE)));
    }

    /** Japanese spacing puts a blank between an ASCII word and a particle, never inside a link's target. */
    @Test
    void spacingLeavesLinkTargetsWhole() {
        Phrasebook ja = Phrasebook.of(Locale.JAPANESE);
        String anchor = dev.falconer.explain.MarkdownRenderer.anchor(Locale.JAPANESE, true, "shell_m");
        String spaced = ja.orthography("[`shell_m`](#" + anchor + ")を使う");
        assertTrue(spaced.startsWith("[`shell_m`](#" + anchor + ")"), spaced);
        assertEquals("`shell_m` を使う", ja.orthography("`shell_m`を使う"));
    }

    @Test
    void everyJapaneseClauseHasItsContinuativeForm() {
        Phrasebook ja = Phrasebook.of(Locale.JAPANESE);
        List<String> missing = new ArrayList<>();
        for (String k : ja.keys()) {
            boolean clause = CLAUSE_PREFIXES.stream().anyMatch(k::startsWith);
            if (clause && !k.endsWith(".cont") && !ja.has(k + ".cont")) {
                missing.add(k);
            }
        }
        assertTrue(missing.isEmpty(), "no continuative form: " + missing);
    }

    @Test
    void everyEventFamilyIsWorded() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            for (String family : EventGroups.families()) {
                assertTrue(Phrasebook.of(l).has("event.group." + family), family + " " + l);
                assertTrue(Phrasebook.of(l).has("event.group." + family + ".not"), family + " " + l);
            }
        }
    }

    /** Every operator with and without a modifier, plain and negated, single and several values. */
    @Test
    void everyOperatorModifierAndTransformerIsWorded() {
        MapExplainContext context = MapExplainContext.withCommonFields();
        List<String> conditions = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (op == Operator.EXISTS) {
                conditions.add("proc.name exists");
                continue;
            }
            String rhs = op.kind() == Operator.Kind.NUMERIC ? "5" : op.kind() == Operator.Kind.LIST ? "(a, b, c)" : "a";
            conditions.add("proc.name " + op.text() + " " + rhs);
            if (op.kind() == Operator.Kind.LIST) {
                conditions.add("proc.name " + op.text() + " (a)");
                conditions.add("proc.name " + op.text() + " (a, b)");
            }
            if (op.kind() == Operator.Kind.STRING) {
                for (Modifier m : Modifier.values()) {
                    conditions.add("proc.name " + op.text() + " " + m.text() + " (a, b, c)");
                }
                conditions.add("proc.name " + op.text() + " val(proc.pname)");
            } else if (op.kind() == Operator.Kind.NUMERIC) {
                conditions.add("proc.name " + op.text() + " val(proc.pname)");
            }
        }
        for (String t : List.of("tolower(proc.name)", "toupper(proc.name)", "b64(proc.name)", "basename(proc.name)",
                "len(proc.name)", "join(\"-\", (proc.name, proc.pname))", "concat(proc.name, proc.pname)",
                "getopt(proc.args, \"n:t\")[t]", "getopt(proc.args, \"n:t\")")) {
            conditions.add(t + " = x");
        }
        List<String> problems = new ArrayList<>();
        for (String c : conditions) {
            var parsed = ConditionParser.parse(c);
            assertTrue(parsed.ok(), c + " " + parsed.errors());
            for (String wrapped : List.of(c, "not " + c, "proc.pname = p and not " + c)) {
                RuleDoc rule = new RuleDoc("R", ConditionParser.parse(wrapped), null, null, null, null, List.of(), null);
                for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                    Explanation e = Explainer.explain(rule, context, l);
                    String text = SummaryRenderer.render(e, 1000) + "\n" + MarkdownRenderer.render(e, ExpandDepth.ONE);
                    if (text.contains("<op.") || text.contains("<xf.") || text.contains("<quant.")
                            || text.contains("<exists")) {
                        problems.add(l + " " + wrapped + " -> " + text.lines().findFirst().orElse(""));
                    }
                    assertFalse(text.contains(wrapped), "condition text as a sentence: " + text);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}

package dev.falconer.rules;

import dev.falconer.text.ContentChange;
import dev.falconer.text.TextDocument;
import dev.falconer.text.TextSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesDocumentTest {
    private static final String FILE = """
            # Engine
            - required_engine_version: 0.57.0

            - required_plugin_versions:
                - name: k8saudit
                  version: 0.18.0
                  alternatives:
                    - name: k8saudit-eks
                      version: 0.12.0

            # Shells we know.
            # Two lines.
            - list: shell_binaries
              items: [bash, "z sh"]

            - macro: spawned_process
              condition: evt.type = execve

            - rule: Shell spawned
              desc: a shell
              condition: spawned_process and proc.name in (shell_binaries)
              output: "shell (%proc.name)"
              priority: WARNING
              exceptions:
                - name: known
                  fields: [proc.pname]
                  comps: [=]
                  values: [[sshd]]
              override:
                condition: append
                priority: bogus
            - list: both
              rule: also
              items: []
            - foo: bar
            - just a scalar
            -
            """;

    /**
     * Anchors hold for a whole YAML document, as for Falco: an entry may use an anchor of an entry
     * above it (also through an alias of an alias), each entry still an item of its own; an alias
     * without an anchor above it in its document stays that entry's syntax error alone.
     */
    @Test
    void aliasesReachAnchorsOfEntriesAbove() {
        String text = """
                - macro: base
                  condition: evt.type = execve
                - rule: one
                  desc: &d shared description
                  condition: base and proc.name = sh
                  output: &out "shell %proc.name"
                  priority: INFO
                - rule: two
                  desc: *d
                  condition: base and proc.name = bash
                  output: *out
                  priority: &p WARNING
                - rule: three
                  desc: *d
                  condition: base
                  output: x
                  priority: *p
                - rule: four
                  desc: d
                  condition: base
                  output: x
                  priority: *p
                - rule: typo
                  desc: *nowhere
                  condition: base
                  output: x
                  priority: INFO
                ---
                - rule: other document
                  desc: *d
                  condition: base
                  output: x
                  priority: INFO
                """;
        RulesDocument doc = RulesDocument.parse("file:///anchors.yaml", text);
        List<RulesItem> items = doc.items();
        assertEquals(7, items.size(), items.toString());
        RuleItem two = assertInstanceOf(RuleItem.class, items.get(2));
        assertEquals("shared description", two.desc().text());
        assertEquals("shell %proc.name", two.output().text());
        RuleItem three = assertInstanceOf(RuleItem.class, items.get(3));
        assertEquals("WARNING", three.priority().text());
        assertEquals("shared description", three.desc().text());
        assertEquals("WARNING", assertInstanceOf(RuleItem.class, items.get(4)).priority().text());
        BrokenItem typo = assertInstanceOf(BrokenItem.class, items.get(5));
        assertTrue(typo.problem().contains("undefined alias nowhere"), typo.problem());
        assertInstanceOf(BrokenItem.class, items.get(6), "anchors do not reach into the next document");
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i, items.get(i).index());
        }
        assertEquals(items.get(1).frame().chunk(), items.get(4).frame().chunk(), "read as one stretch");
        // an edit keeps reading them so, and reads the entries alone again once the aliases are gone
        RulesDocument edited = doc.update(new TextDocument("file:///anchors.yaml", 2, text.replace("bash", "zsh")));
        assertEquals("shared description", assertInstanceOf(RuleItem.class, edited.items().get(2)).desc().text());
        String plain = text.replace("*d", "d").replace("*out", "o").replace("*p", "INFO").replace("*nowhere", "n");
        RulesDocument without = edited.update(new TextDocument("file:///anchors.yaml", 3, plain));
        assertTrue(without.items().stream().noneMatch(BrokenItem.class::isInstance), without.items().toString());
        assertTrue(!without.items().get(1).frame().chunk().equals(without.items().get(2).frame().chunk()),
                "each entry read alone");
    }

    /**
     * An entry that fails alone on the alias of an anchor above is reported with its real problem:
     * a later alias without anchor, another syntax error, or an anchor in an entry that fails itself.
     */
    @Test
    void anEntryWithAnAliasGetsItsRealProblem() {
        String r1 = "- rule: R1\n  desc: &d \"d\"\n  condition: &c evt.type = execve\n  output: o\n  priority: INFO\n";
        String r2 = "- rule: R2\n  desc: *d\n  condition: *c\n  output: o\n  priority: INFO\n";
        String undefinedLater = r1.replace("&c ", "") + r2;
        assertProblem(undefinedLater, 1, "undefined alias c", "*c");
        String otherError = r1 + r2.replace("output: o", "output: this: is bad");
        BrokenItem other = assertProblem(otherError, 1, "mapping values are not allowed", ": is bad");
        assertTrue(!other.problem().contains("alias"), other.problem());
        String brokenAbove = r1.replace("output: o", "output: this: is bad") + r2.replace("  desc: *d\n", "  desc: d\n");
        assertProblem(brokenAbove, 1, "found alias c whose anchor is in an entry that fails to read", "*c");
        // each entry that is fine alone or with the entries above stays an item
        assertInstanceOf(RuleItem.class, RulesDocument.parse("file:///a.yaml", r1 + r2).items().get(1));
        // the aliased value stands at its anchor, above: the entry is its key alone
        RuleItem two = assertInstanceOf(RuleItem.class, RulesDocument.parse("file:///a.yaml", r1 + r2).items().get(1));
        assertTrue(two.desc().span().start() >= two.span().start(), "desc entry within R2: " + two.desc().span());
    }

    /**
     * Aliases of aliases double at each step: 25 lines of YAML stood for 2^27 values, read for
     * minutes into gigabytes. Past a budget the entry is a YAML error, the entries after it that
     * use its anchor say so, and the ones before it read as usual; any number of aliases of one
     * small anchor reads (SnakeYAML alone stops at 50, yaml-cpp does not).
     */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aliasesThatMultiplyStopAtABudgetAndManyAliasesRead() {
        StringBuilder bomb = new StringBuilder("- list: l0\n  items: &a0 [a, b]\n");
        for (int i = 1; i <= 25; i++) {
            bomb.append("- list: l").append(i).append("\n  items: &a").append(i).append(" [*a").append(i - 1)
                    .append(", *a").append(i - 1).append("]\n");
        }
        String text = bomb.toString();
        List<RulesItem> items = RulesDocument.parse("file:///bomb.yaml", text).items();
        int first = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof BrokenItem b && b.problem().equals(ChunkParse.ALIASES_TOO_LARGE)) {
                first = i;
                break;
            }
        }
        assertTrue(first > 10 && first < 20, "the budget is passed around 2^17 values: " + first);
        assertInstanceOf(ListItem.class, items.get(first - 1));
        assertProblem(text, first + 1, "whose anchor is in an entry that fails to read", "*a" + first);

        StringBuilder many = new StringBuilder("- list: l0\n  items: &a [x, y]\n");
        for (int i = 1; i <= 200; i++) {
            many.append("- list: l").append(i).append("\n  items: *a\n");
        }
        assertTrue(RulesDocument.parse("file:///many.yaml", many.toString()).items().stream()
                .allMatch(ListItem.class::isInstance), "200 aliases of one anchor");
    }

    /**
     * One anchor of 1,000 values aliased 110 times passes the budget at the 100th alias: the
     * entries before read, those after are over the limit, and the file is not read again per
     * entry from the anchor on (8,400 aliases of 11 values read for minutes; QA).
     */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void anAnchorAliasedPastTheBudgetIsReadOnceNotPerEntry() {
        StringBuilder text = new StringBuilder("- list: l\n  items: &a [");
        for (int v = 0; v < 1000; v++) {
            text.append(v == 0 ? "" : ", ").append('v').append(v);
        }
        text.append("]\n");
        for (int i = 1; i <= 110; i++) {
            text.append("- list: l").append(i).append("\n  items: *a\n");
        }
        List<RulesItem> items = RulesDocument.parse("file:///feed.yaml", text.toString()).items();
        assertEquals(111, items.size());
        long over = items.stream().filter(x -> x instanceof BrokenItem b && b.problem().equals(ChunkParse.ALIASES_TOO_LARGE))
                .count();
        assertTrue(items.subList(0, 95).stream().allMatch(ListItem.class::isInstance), items.subList(0, 95).toString());
        assertTrue(over >= 5 && over <= 15 && items.get(110) instanceof BrokenItem, "over the limit: " + over);
    }

    private static BrokenItem assertProblem(String text, int index, String problem, String at) {
        RulesDocument doc = RulesDocument.parse("file:///a.yaml", text);
        BrokenItem broken = assertInstanceOf(BrokenItem.class, doc.items().get(index), doc.items().toString());
        assertTrue(broken.problem().contains(problem), broken.problem());
        int expected = text.indexOf(at, doc.items().get(index).span().start());
        assertTrue(broken.problemSpan().start() >= expected && broken.problemSpan().start() <= expected + at.length(),
                broken.problemSpan() + " at " + expected + " in\n" + text);
        return broken;
    }

    /** yaml-cpp breaks lines at LF and CR only: NEL, LS and PS are characters of a value (a false YAML error before). */
    @Test
    void unicodeLineSeparatorsAreCharactersAsYamlCppReadsThem() {
        String ls = String.valueOf((char) 0x2028);
        String nel = String.valueOf((char) 0x85);
        String text = "- rule: R\n  desc: first" + ls + "second\n  condition: evt.type = execve\n  output: o\n"
                + "  priority: INFO\n- list: l\n  items: [a" + nel + "b, c]\n";
        RulesDocument doc = RulesDocument.parse("file:///ls.yaml", text);
        assertTrue(doc.items().stream().noneMatch(BrokenItem.class::isInstance), doc.items().toString());
        RuleItem rule = assertInstanceOf(RuleItem.class, doc.items().get(0));
        assertEquals("first" + ls + "second", rule.desc().text());
        assertEquals("evt.type = execve", rule.condition().text());
        ListItem list = assertInstanceOf(ListItem.class, doc.items().get(1));
        assertEquals("a" + nel + "b", list.itemScalars().get(0).value());
    }

    @Test
    void classifiesItemsAsFalcoDoes() {
        RulesDocument doc = RulesDocument.parse("file:///r.yaml", FILE);
        List<RulesItem> items = doc.items();
        assertEquals(8, items.size(), items::toString);
        assertInstanceOf(EngineVersionItem.class, items.get(0));
        PluginVersionsItem plugins = assertInstanceOf(PluginVersionsItem.class, items.get(1));
        assertEquals("k8saudit-eks", plugins.requirements().get(0).alternatives().get(0).name().text());
        ListItem list = assertInstanceOf(ListItem.class, items.get(2));
        assertEquals(List.of("bash", "z sh"), list.itemScalars().stream().map(YamlScalar::value).toList());
        assertEquals("Shells we know.\nTwo lines.", list.frame().comment().text());
        MacroItem macro = assertInstanceOf(MacroItem.class, items.get(3));
        assertNull(macro.frame().comment());
        RuleItem rule = assertInstanceOf(RuleItem.class, items.get(4));
        assertEquals("Shell spawned", rule.name());
        assertEquals("known", rule.exceptionSpecs().get(0).nameText());
        assertEquals(OverrideSpec.Operation.APPEND, rule.override().op("condition").operation());
        assertEquals(OverrideSpec.Operation.INVALID, rule.override().op("priority").operation());
        assertInstanceOf(ListItem.class, items.get(5), "list wins over rule");
        assertInstanceOf(UnknownItem.class, items.get(6));
        MalformedItem m = assertInstanceOf(MalformedItem.class, items.get(7));
        assertEquals(MalformedItem.Reason.ENTRY_NOT_A_MAPPING, m.reason());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i, items.get(i).index());
        }
    }

    @Test
    void keepsTheRangeOfEveryKeyAndValue() {
        RulesDocument doc = RulesDocument.parse("file:///r.yaml", FILE);
        RuleItem rule = doc.itemsOf(RuleItem.class).get(0);
        assertEquals("condition", rule.condition().keySpan().textOf(FILE));
        assertEquals("spawned_process and proc.name in (shell_binaries)", rule.condition().valueSpan().textOf(FILE));
        assertEquals("\"shell (%proc.name)\"", rule.output().valueSpan().textOf(FILE));
        assertEquals("Shell spawned", rule.nameSpan().textOf(FILE));
        YamlSequence values = rule.exceptionSpecs().get(0).values().value().asSequence();
        assertEquals("[[sshd]]", values.span().textOf(FILE));
        assertEquals("sshd", values.items().get(0).asSequence().items().get(0).span().textOf(FILE));
        assertEquals("=", rule.exceptionSpecs().get(0).comps().value().asSequence().items().get(0).text());
        assertEquals("bogus", rule.override().op("priority").entry().valueSpan().textOf(FILE));
        assertTrue(rule.span().textOf(FILE).startsWith("- rule: Shell spawned"));
        assertTrue(rule.span().textOf(FILE).endsWith("priority: bogus"));
        assertEquals(rule, doc.itemAt(FILE.indexOf("proc.name in")));
    }

    @Test
    void aYamlErrorStaysInsideItsItem() {
        String text = "- macro: a\n  condition: x\n- rule: broken one\n  desc: this : is : not : yaml\n"
                + "  condition: y\n- macro: b\n  condition: z\n";
        RulesDocument doc = RulesDocument.parse("u", text);
        assertEquals(3, doc.items().size());
        assertInstanceOf(MacroItem.class, doc.items().get(0));
        BrokenItem broken = assertInstanceOf(BrokenItem.class, doc.items().get(1));
        assertEquals(ItemKind.RULE, broken.guessedKind());
        assertEquals("broken one", broken.guessedName());
        assertTrue(broken.span().textOf(text).startsWith("- rule: broken one"));
        assertTrue(broken.problemSpan().start() > text.indexOf("desc"));
        assertNotNull(broken.problem());
        assertEquals("z", ((MacroItem) doc.items().get(2)).condition().text());
    }

    @Test
    void multipleDocumentsAndOddLayouts() {
        String text = "---\n- macro: a\n  condition: x\n...\n---\n# c\n- macro: b\n  condition: y\n---\n"
                + "[{macro: c, condition: z}, {list: l, items: [a]}]\n--- \nnot: a sequence\n---\njust text\n---\n";
        RulesDocument doc = RulesDocument.parse("u", text);
        List<RulesItem> items = doc.items();
        assertEquals(6, items.size(), items::toString);
        assertEquals(List.of(0, 1, 2, 2, 3, 4), items.stream().map(i -> i.frame().document()).toList());
        assertEquals("c", ((MacroItem) items.get(2)).name());
        assertEquals("{macro: c, condition: z}", items.get(2).span().textOf(text));
        assertEquals(MalformedItem.Reason.DOCUMENT_NOT_A_SEQUENCE, ((MalformedItem) items.get(4)).reason());
        assertEquals(MalformedItem.Reason.DOCUMENT_IS_A_SCALAR, ((MalformedItem) items.get(5)).reason());
    }

    @Test
    void indentedRootSequence() {
        String text = "  - macro: a\n    condition: x\n  - macro: b\n    condition: y\n";
        RulesDocument doc = RulesDocument.parse("u", text);
        assertEquals(2, doc.items().size());
        assertEquals(2, doc.parsedChunks());
    }

    @Test
    void reparsesOnlyTheEditedItem() {
        TextDocument v1 = new TextDocument("u", 1, FILE);
        RulesDocument d1 = RulesDocument.parse(v1);
        assertEquals(9, d1.parsedChunks(), "one chunk per entry");
        int at = FILE.indexOf("execve");
        TextDocument v2 = v1.withChange(2, ContentChange.replace(
                v1.position(at).line(), v1.position(at).character(), v1.position(at).line(), v1.position(at).character() + 1, "E"));
        RulesDocument d2 = d1.update(v2);
        assertEquals(1, d2.parsedChunks());
        assertEquals("evt.type = Execve", d2.itemsOf(MacroItem.class).get(0).condition().text());
        RuleItem rule = d2.itemsOf(RuleItem.class).get(0);
        assertEquals("spawned_process and proc.name in (shell_binaries)", rule.condition().valueSpan().textOf(v2.text()));

        TextDocument v3 = v2.withChange(3, ContentChange.replace(0, 0, 0, 0, "- macro: new\n  condition: q\n"));
        RulesDocument d3 = d2.update(v3);
        assertEquals(1, d3.parsedChunks(), "items after the insertion shift but are not re-read");
        assertEquals(9, d3.items().size());
        RuleItem shifted = d3.itemsOf(RuleItem.class).get(0);
        assertEquals("spawned_process and proc.name in (shell_binaries)", shifted.condition().valueSpan().textOf(v3.text()));
        assertEquals(TextSpan.of(0, 27), d3.items().get(0).span());
    }
}

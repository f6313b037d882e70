package dev.falconer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {

    static final String HOME_DIR = "spawned_process and proc.name in (adduser, useradd, mkhomedir_helper) and "
            + "(proc.args contains /dev/null or proc.args contains /dev/shm or proc.args contains /tmp) and "
            + "not proc.cmdline contains \"--no-create-home\" and not proc.cmdline contains \" -H \"";
    static final String DESC = "A user tool creates a home directory under a throwaway path.";

    private final MapExplainContext context = MapExplainContext.withCommonFields()
            .macro("spawned_process", "evt.type in (execve, execveat)")
            .macro("big", "proc.name = a and proc.pname = b", "Matches a started by b.")
            .macro("long_one", "proc.pexe endswith java and proc.pcmdline contains org.apache.zookeeper.server.quorum")
            .macro("longer", "proc.name = alpha_process_name and proc.pname = beta_parent_name and proc.cmdline contains gamma "
                    + "and proc.args contains delta_arguments_value")
            .macro("never_true", "(evt.num=0)")
            .macro("loop_a", "loop_b")
            .macro("loop_b", "loop_a")
            .list("shells", "bash", "sh")
            .list("quoted_cmds", "\"sh -c uname -p 2> /dev/null\"", "'75-system-updat'", "plain")
            .list("nested", "shells", "zsh")
            .list("deeper", "nested", "ksh");

    private Explanation explain(String condition, Locale locale) {
        return Explainer.explain(new RuleDoc("Demo", ConditionParser.parse(condition), DESC, null, "WARNING",
                null, List.of(), null), context, locale);
    }

    private String summary(String condition, Locale locale) {
        return SummaryRenderer.render(explain(condition, locale), 1000);
    }

    private String markdown(String condition, Locale locale) {
        return MarkdownRenderer.render(explain(condition, locale), ExpandDepth.ONE);
    }

    /** A list named inside a string (set off by blanks) is what Falco compares with once substituted. */
    @Test
    void aListNamedInsideAStringReadsAsFalcoSubstitutesIt() {
        assertEquals("The command line contains run bash, sh now", summary("proc.cmdline contains \"run shells now\"",
                Locale.ENGLISH));
        assertEquals("The command line contains shells", summary("proc.cmdline contains \"shells\"", Locale.ENGLISH));
    }

    @Test
    void theExampleNamesEachClauseAndShowsTheDescription() {
        String md = markdown(HOME_DIR, Locale.ENGLISH);
        assertTrue(md.contains("a new process was started"), md);
        assertTrue(md.contains("The process name (`proc.name`) is one of `adduser`, `useradd`, `mkhomedir_helper`."), md);
        assertTrue(md.contains("The process arguments (`proc.args`) mention `/dev/null`, `/dev/shm` or `/tmp`."), md);
        assertTrue(md.contains("contains neither `--no-create-home` nor `  -H  `."), md);
        assertTrue(md.contains("> " + DESC), md);
        assertTrue(md.contains("`mkhomedir_helper`: "), "gloss of the value: " + md);
        String ja = markdown(HOME_DIR, Locale.JAPANESE);
        assertTrue(ja.contains("新しいプロセスが起動された（`execve` または `execveat`）"), ja);
        assertTrue(ja.contains("プロセス名（`proc.name`）が `adduser`、`useradd`、`mkhomedir_helper` のいずれかである"), ja);
        assertTrue(ja.contains("コマンドライン（`proc.cmdline`）に `--no-create-home` も `  -H  ` も含まれない"), ja);
    }

    @Test
    void japaneseAndChainsUseTheContinuativeForm() {
        assertEquals("新しいプロセスが起動され、プロセス名が adduser、useradd、mkhomedir_helper のいずれかで、"
                + "プロセスの引数に /dev/null、/dev/shm、/tmp のいずれかが含まれ、"
                + "コマンドラインに --no-create-home も \" -H \" も含まれない", summary(HOME_DIR, Locale.JAPANESE));
    }

    @Test
    void englishSummaryReadsAsOneSentence() {
        assertEquals("A new process was started; the process name is one of adduser, useradd, mkhomedir_helper; "
                + "the process arguments mention /dev/null, /dev/shm or /tmp; and the command line contains "
                + "neither --no-create-home nor \" -H \"", summary(HOME_DIR, Locale.ENGLISH));
    }

    /**
     * English is cut with an ellipsis; Japanese, whose predicate (and negation) comes last, keeps
     * whole clauses and counts the rest (QA round 19), and is cut only when one clause does not fit.
     */
    @Test
    void summaryIsCutWithAnEllipsis() {
        String s = SummaryRenderer.render(explain(HOME_DIR, Locale.ENGLISH), 120);
        assertTrue(s.length() <= 120 && s.endsWith("…"), s);
        String ja = SummaryRenderer.render(explain(HOME_DIR, Locale.JAPANESE), 60);
        assertEquals("新しいプロセスが起動された（ほかに 3 個の条件）", ja);
        String last = SummaryRenderer.render(explain("proc.name = a and not proc.cmdline contains x", Locale.JAPANESE), 26);
        assertEquals("プロセス名が a である（ほかに 1 個の条件）", last);
        // fewer characters of long values before whole clauses go: the negation stays, and rules differ (QA round 21)
        String longValues = "proc.name = a and proc.pname = " + "b".repeat(34) + " and not proc.cmdline contains "
                + "c".repeat(40);
        String compact = SummaryRenderer.render(explain(longValues, Locale.JAPANESE), 90);
        assertTrue(compact.length() <= 90 && compact.endsWith("が含まれない"), compact);
        String one = SummaryRenderer.render(explain("not proc.cmdline contains abcdefghijklmnopqrstuvwxyz", Locale.JAPANESE), 20);
        assertTrue(one.length() <= 20 && one.endsWith("…"), one);
    }

    /**
     * A long value is shortened in the one-line summary, so that the words after it stay: in
     * Japanese they carry the negation (QA round 18). A line break in a value is shown as an escape.
     */
    @Test
    void aSummaryShortensLongValuesAndShowsLineBreaks() {
        String condition = "proc.name = a and not proc.cmdline contains \"/opt/application/bin/this-is-a-long-argument\"";
        String ja = SummaryRenderer.render(explain(condition, Locale.JAPANESE), 70);
        assertTrue(ja.endsWith("が含まれない"), ja);
        assertTrue(ja.contains("/opt/application/bi…s-is-a-long-argument"), ja); // both ends tell values apart
        // a summary that fits keeps its values whole, and names are never shortened (QA round 19)
        assertTrue(SummaryRenderer.render(explain(condition, Locale.ENGLISH), 1000)
                .contains("/opt/application/bin/this-is-a-long-argument"));
        assertTrue(markdown(condition, Locale.ENGLISH).contains("`/opt/application/bin/this-is-a-long-argument`"));
        assertEquals("The command line contains line1\\nline2",
                summary("proc.cmdline contains \"line1\nline2\"", Locale.ENGLISH));
        assertTrue(markdown("proc.cmdline contains \"a\tb\"", Locale.ENGLISH).contains("`a\\tb`"));
        assertEquals("The process name is \"not\"", summary("proc.name = not", Locale.ENGLISH));
        assertEquals("The process name is an empty string (\"\")", summary("proc.name = \"\"", Locale.ENGLISH));
        // no blank between the full-width parenthesis and the particle (QA round 23)
        assertEquals("プロセス名が空の文字列（\"\"）で、親プロセス名が x である",
                summary("proc.name = \"\" and proc.pname = x", Locale.JAPANESE));
        // a value of punctuation alone is quoted: "/" ran into the list's commas and ellipsis
        assertEquals("The file name is \"/\" or /etc", summary("fd.name in (/, /etc)", Locale.ENGLISH));
        // Japanese closes a top-level choice between groups as a nested one (QA round 23)
        assertEquals("「プロセス名が a で、親プロセス名が b である」か「プロセス名が c である」のいずれかである",
                summary("(proc.name = a and proc.pname = b) or proc.name = c", Locale.JAPANESE));
        // a quoted list item's escapes mean what Falco's parser reads (QA round 22)
        assertEquals("sh -c node -e \"require('nan')\"", ClauseBuilder.unquote("\"sh -c node -e \\\"require('nan')\\\"\""));
        // a Japanese value is set off from the Japanese words around it (QA round 18)
        assertEquals("プロセス名が『日本語プロセス』である", summary("proc.name = 日本語プロセス", Locale.JAPANESE));
        // no blank goes inside a value: 'a日本' is not 'a 日本' to Falco (QA round 22)
        assertEquals("コマンドラインに『a日本』が含まれる", summary("proc.cmdline contains \"a日本\"", Locale.JAPANESE));
        String md = markdown("proc.cmdline contains \"a日本\" and proc.name = \"日本 \"", Locale.JAPANESE);
        assertTrue(md.contains("`a日本`") && md.contains("`日本 `"), md);
        assertEquals("The process name is \"日本語\"", summary("proc.name = 日本語", Locale.ENGLISH));
        assertTrue(summary("foo.bar[0] = x", Locale.JAPANESE).contains("foo.bar[0] が"),
                summary("foo.bar[0] = x", Locale.JAPANESE));
    }

    /** A list of two items where one value goes is a condition Falco rejects, not "is in" (QA round 22). */
    @Test
    void aListPastedWhereOneValueGoesIsSaidToFail() {
        MapExplainContext two = MapExplainContext.withCommonFields().list("two", "a", "b").list("one", "a");
        String en = SummaryRenderer.render(Explainer.explain(new RuleDoc("R", ConditionParser.parse("proc.name = two"),
                DESC, null, "WARNING", null, List.of(), null), two, Locale.ENGLISH), 1000);
        assertTrue(en.startsWith("Falco rejects this check: the list two is pasted here as its 2 items"), en);
        String one = SummaryRenderer.render(Explainer.explain(new RuleDoc("R", ConditionParser.parse("proc.name = one"),
                DESC, null, "WARNING", null, List.of(), null), two, Locale.ENGLISH), 1000);
        assertFalse(one.contains("rejects"), one);
    }

    /** A list's name beside values is no value: it is named as a list (QA round 18). */
    @Test
    void listNamesBesideValuesAreNamedAsLists() {
        assertEquals("The process name is one of tcsh, zsh or an item of shells",
                summary("proc.name in (shells, tcsh, zsh)", Locale.ENGLISH));
        assertEquals("The process name is none of tcsh or an item of shells",
                summary("not proc.name in (tcsh, shells)", Locale.ENGLISH));
        assertEquals("The process name is in shells", summary("proc.name in (shells)", Locale.ENGLISH));
        assertEquals("プロセス名が tcsh またはリスト shells の項目のいずれかである",
                summary("proc.name in (shells, tcsh)", Locale.JAPANESE));
    }

    /** libs' regex matches the whole value; a pattern is no value to gloss (QA round 18). */
    @Test
    void aRegexMatchesTheWholeValueAndItsPatternIsNotGlossed() {
        assertEquals("The process name matches the regular expression sh as a whole",
                summary("proc.name regex \"sh\"", Locale.ENGLISH));
        assertFalse(markdown("proc.name regex \"sh\"", Locale.ENGLISH).contains("`sh`: "));
        assertTrue(markdown("proc.name = sh", Locale.ENGLISH).contains("`sh`: "), "a value keeps its gloss");
        assertEquals("プロセス名の全体が正規表現 sh に一致する", summary("proc.name regex \"sh\"", Locale.JAPANESE));
    }

    @Test
    void anOrOfOneFieldAndOperatorBecomesOneCheck() {
        Clause c = explain("proc.name = a or proc.name = b or proc.pname = c", Locale.ENGLISH).condition();
        AnyOfShape shape = new AnyOfShape(c);
        assertEquals(2, shape.size());
        assertEquals("The process name is a or b or the parent process name is c",
                summary("proc.name = a or proc.name = b or proc.pname = c", Locale.ENGLISH));
        assertEquals("The command line starts with a or b",
                summary("proc.cmdline startswith a or proc.cmdline startswith b", Locale.ENGLISH));
    }

    @Test
    void summariesKeepTheGroupingOfAndsAndOrs() {
        // an "and" group among alternatives is marked off in both languages
        String andInOr = "(proc.pname = x and fd.name = y) or proc.name = sh";
        assertEquals("(The parent process name is x and the file name is y) or the process name is sh",
                summary(andInOr, Locale.ENGLISH));
        assertEquals("「親プロセス名が x で、ファイル名が y である」か「プロセス名が sh である」のいずれかである",
                summary(andInOr, Locale.JAPANESE));
        // alternatives before "and": where they end is marked
        String orInAnd = "(proc.name = b or proc.pname = x) and fd.name = a";
        assertEquals("Either the process name is b or the parent process name is x, and the file name is a",
                summary(orInAnd, Locale.ENGLISH));
        assertEquals("「プロセス名が b である」か「親プロセス名が x である」のいずれかで、ファイル名が a である",
                summary(orInAnd, Locale.JAPANESE));
        // an "and" group as one of the alternatives inside an "and": one mark, not two
        String nested = "fd.name = f and ((proc.name = a and proc.pname = x) or proc.name = b)";
        assertEquals("ファイル名が f で、「プロセス名が a で、親プロセス名が x である」か「プロセス名が b である」のいずれかである",
                summary(nested, Locale.JAPANESE));
        assertEquals("The file name is f and either (the process name is a and the parent process name is x) or"
                + " the process name is b", summary(nested, Locale.ENGLISH));
    }

    @Test
    void aDisabledRuleSaysSoInBothForms() {
        RuleDoc off = new RuleDoc("Off", ConditionParser.parse("proc.name = bash"), DESC, null, "WARNING", null,
                List.of(), null, false, List.of());
        Explanation en = Explainer.explain(off, context, Locale.ENGLISH);
        assertEquals("(Disabled) The process name is bash", SummaryRenderer.render(en, 1000));
        assertTrue(MarkdownRenderer.render(en, ExpandDepth.ONE).contains("Disabled (`enabled: false`)"));
        Explanation ja = Explainer.explain(off, context, Locale.JAPANESE);
        assertTrue(SummaryRenderer.render(ja, 1000).startsWith("（無効）"), SummaryRenderer.render(ja, 1000));
        // cut to the lens's width, the summary still starts with it
        assertTrue(SummaryRenderer.render(en, 20).startsWith("(Disabled)"));
    }

    @Test
    void aRulesTagsCloseItsExplanationSortedAsFalcoKeepsThemWithAppendedOnes(@TempDir Path dir) throws IOException {
        Path base = Files.writeString(dir.resolve("a_rules.yaml"), """
                - rule: Shell
                  desc: d
                  condition: proc.name = bash
                  output: o
                  priority: WARNING
                  tags: [shell, mitre_execution, container]
                """);
        Path local = Files.writeString(dir.resolve("b_rules.yaml"), """
                - rule: Shell
                  tags: [T1059]
                  override:
                    tags: append
                """);
        RuleDoc rule = LoadedRules.load(List.of(base, local)).symbols().rule("Shell").orElseThrow();
        assertEquals(List.of("T1059", "container", "mitre_execution", "shell"), rule.tags());
        String en = MarkdownRenderer.render(Explainer.explain(rule, context, Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(en.contains("\nTags: `T1059`, `container`, `mitre_execution`, `shell`.\n"), en);
        String ja = MarkdownRenderer.render(Explainer.explain(rule, context, Locale.JAPANESE), ExpandDepth.ONE);
        assertTrue(ja.contains("\nタグ: `T1059`、`container`、`mitre_execution`、`shell`\n"), ja);
        // none, no line
        RuleDoc untagged = new RuleDoc("Off", ConditionParser.parse("proc.name = bash"), DESC, null, "WARNING", null,
                List.of(), null);
        assertFalse(MarkdownRenderer.render(Explainer.explain(untagged, context, Locale.ENGLISH), ExpandDepth.ONE)
                .contains("Tags"));
    }

    @Test
    void aMacroNamedBeforeItIsDefinedIsNotExpandedWhereFalcoRejectsItButRulesSeeEveryMacro(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("a_rules.yaml"), """
                - macro: outer
                  condition: inner and proc.name = bash
                - macro: inner
                  condition: evt.type = execve
                - macro: a
                  condition: proc.name = x
                - macro: b
                  condition: a
                - macro: a
                  condition: b
                - macro: self_loop
                  condition: self_loop or proc.name = x
                - rule: Early
                  desc: d
                  condition: late and proc.name = sh
                  output: o
                  priority: WARNING
                - macro: late
                  condition: evt.type = execve
                """);
        LoadedRules rules = LoadedRules.load(List.of(file));
        ExplainContext ctx = new CatalogExplainContext(dev.falconer.catalog.FieldCatalog.defaults(), "syscall",
                rules.symbols());
        String outer = MarkdownRenderer.render(Explainer.explain(rules.symbols().macro("outer").orElseThrow(), ctx,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(outer.contains("- The event matches `inner`, which Falco rejects: `inner` is defined only after"
                + " the macro that uses it here"), outer);
        assertFalse(outer.contains("execve"), outer);
        assertEquals("The event matches inner (a reference Falco rejects) and the process name is bash",
                SummaryRenderer.render(
                Explainer.explain(rules.symbols().macro("outer").orElseThrow(), ctx, Locale.ENGLISH), 1000));
        String ja = MarkdownRenderer.render(Explainer.explain(rules.symbols().macro("outer").orElseThrow(), ctx,
                Locale.JAPANESE), ExpandDepth.ONE);
        assertTrue(ja.contains("Falco はこの参照を受け付けない"), ja);
        // a → b → a again (Falco's own invalid_macro_loop): a loop, which Falco rejects
        String loop = MarkdownRenderer.render(Explainer.explain(rules.symbols().macro("a").orElseThrow(), ctx,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(loop.contains("refers back to `a` itself: Falco rejects this loop"), loop);
        // a macro naming itself is a loop, not a macro defined after it (QA round 24)
        String self = MarkdownRenderer.render(Explainer.explain(rules.symbols().macro("self_loop").orElseThrow(), ctx,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(self.contains("refers back to `self_loop` itself: Falco rejects this loop"), self);
        assertFalse(self.contains("defined only after"), self);
        // a rule sees a macro defined after it
        String early = MarkdownRenderer.render(Explainer.explain(rules.symbols().rule("Early").orElseThrow(), ctx,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(early.contains("execve"), early);
        assertFalse(early.contains("rejects"), early);
    }

    @Test
    void listsNamedInExceptionValuesAreNotedWithTheirItemsOnce(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a_rules.yaml"), """
                - list: pkg_mgrs
                  items: [apt, dpkg]
                - rule: W
                  desc: d
                  condition: evt.type = open and fd.name startswith /etc
                  output: o
                  priority: WARNING
                  exceptions:
                    - name: pkg
                      fields: proc.name
                      comps: in
                      values: [pkg_mgrs, rpm]
                    - name: pairs
                      fields: [proc.name, fd.name]
                      comps: [in, startswith]
                      values:
                        - [pkg_mgrs, /etc/apt]
                """);
        LoadedRules rules = LoadedRules.load(List.of(file));
        ExplainContext ctx = new CatalogExplainContext(dev.falconer.catalog.FieldCatalog.defaults(), "syscall",
                rules.symbols());
        String md = MarkdownRenderer.render(Explainer.explain(rules.symbols().rule("W").orElseThrow(), ctx,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(md.contains("or an item of `pkg_mgrs`.\n  - `pkg_mgrs` holds 2 items: `apt`, `dpkg`\n"), md);
        assertEquals(1, md.split("holds 2 items", -1).length - 1, md);
    }

    /** The catalog's own words for the fields of {@code source}, with no macros and the given lists. */
    private static ExplainContext catalogContext(String source, java.util.Map<String, List<String>> lists) {
        ExplainSymbols symbols = new ExplainSymbols() {
            @Override
            public java.util.Optional<MacroDoc> macro(String name) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<List<String>> list(String name) {
                return java.util.Optional.ofNullable(lists.get(name));
            }
        };
        return new CatalogExplainContext(dev.falconer.catalog.FieldCatalog.defaults(), source, symbols);
    }

    /** The whole one-line summary of a rule of {@code source} with {@code condition}, in {@code context}. */
    private static String say(ExplainContext context, String source, String condition, Locale locale) {
        return SummaryRenderer.render(Explainer.explain(new RuleDoc("R", ConditionParser.parse(condition), DESC, null,
                "WARNING", source, List.of(), null), context, locale), 1000);
    }

    @Test
    void namesAndEmptyListsAreWordedPlainly() {
        // an argument's name is one name, whatever it ends with (the catalog's words for evt.arg)
        ExplainContext catalog = catalogContext("syscall", java.util.Map.of());
        assertEquals("The event argument flags contains O_TRUNC",
                say(catalog, null, "evt.arg.flags contains O_TRUNC", Locale.ENGLISH));
        // the raw value is the number before libs formats it; [N] is a position, not a name
        assertEquals("The raw value of the event argument flags is 3",
                say(catalog, null, "evt.rawarg.flags = 3", Locale.ENGLISH));
        assertEquals("The event argument at position 0 (counting from 0) is x",
                say(catalog, null, "evt.arg[0] = x", Locale.ENGLISH));
        assertEquals("イベントの引数 flags の生の値が 3 である", say(catalog, null, "evt.rawarg.flags = 3", Locale.JAPANESE));
        // arguments that are no index into a list (QA round 23): a time window, an fd number, a mount's path or number
        assertEquals("The recent MFA failure count over the last 300 seconds is at least 3",
                say(catalogContext("okta", java.util.Map.of()), "okta", "okta.mfa.failure.countlast[300] >= 3",
                        Locale.ENGLISH));
        assertEquals("The type of file descriptor 0 is ipv4 or ipv6",
                say(catalog, null, "fd.types[0] in (ipv4, ipv6)", Locale.ENGLISH));
        assertEquals("The mount destination path of the mount whose source path matches /proc* is not N/A",
                say(catalog, null, "container.mount.dest[/proc*] != N/A", Locale.ENGLISH));
        assertEquals("The mount mode of mount number 1 (counting from 0) is ro",
                say(catalog, null, "container.mount.mode[1] = ro", Locale.ENGLISH));
        assertEquals("The mount whose source path matches /data contains rw",
                say(catalog, null, "container.mount[/data] contains rw", Locale.ENGLISH));
        assertEquals("The time window, in milliseconds, around the timestamp 17 (in nanoseconds) is 5",
                say(catalog, null, "evt.around[17] = 5", Locale.ENGLISH));
        assertEquals("マウント先のパスが /data に一致するマウントのマウント元のパスに値がある",
                say(catalog, null, "container.mount.source[/data] exists", Locale.JAPANESE));
        // the length of a list is its number of values
        assertEquals("The number of the open file descriptor types is greater than 3",
                say(catalog, null, "len(fd.types) > 3", Locale.ENGLISH));
        assertEquals("The length of the process name is greater than 3", say(catalog, null, "len(proc.name) > 3",
                Locale.ENGLISH));
        // exists on a key or a JSON pointer says what is there (QA round 23: "the value of … has a value")
        assertEquals("LD_PRELOAD is set in the process environment",
                say(catalog, null, "proc.env[LD_PRELOAD] exists", Locale.ENGLISH));
        assertEquals("プロセスの環境変数に HOME が設定されていない",
                say(catalog, null, "not proc.env[HOME] exists", Locale.JAPANESE));
        assertEquals("The event has no value at /spec/tls",
                say(catalogContext("k8s_audit", java.util.Map.of()), "k8s_audit", "not json.value[/spec/tls] exists",
                        Locale.ENGLISH));
        // a field's name written as a value is compared as that text (libs warns: val() was meant)
        String md = MarkdownRenderer.render(Explainer.explain(new RuleDoc("R", ConditionParser.parse(
                "proc.name = proc.pname"), DESC, null, "WARNING", null, List.of(), null), catalog, Locale.ENGLISH),
                ExpandDepth.ONE);
        assertTrue(md.contains("- `proc.pname`: compared as this text, not with the field proc.pname;"), md);
        String inSet = MarkdownRenderer.render(Explainer.explain(new RuleDoc("R", ConditionParser.parse(
                "proc.name in (proc.pname, bash)"), DESC, null, "WARNING", null, List.of(), null), catalog,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(inSet.contains("a set of values cannot hold val(proc.pname)"), "val() is no value of a set: " + inSet);
        assertTrue(say(catalog, null, "proc.aname[0] = bash", Locale.ENGLISH).contains("at level 0 (the process itself)"));
        // a key argument is a literal: a sentence does not start with it, capitalised (QA round 18)
        String env = say(catalog, null, "proc.env[app.kubernetes.io/name] = x", Locale.ENGLISH);
        assertTrue(env.startsWith("The value of app.kubernetes.io/name in "), env);
        assertEquals("The process name is one of (an empty list)", summary("proc.name in ()", Locale.ENGLISH));
        // intersects on a field of one value is in; on a list field it stays "include"
        assertEquals(say(catalog, null, "proc.args in (x, y)", Locale.ENGLISH),
                say(catalog, null, "proc.args intersects (x, y)", Locale.ENGLISH));
        String types = say(catalog, null, "fd.types intersects (ipv4, ipv6)", Locale.ENGLISH);
        assertTrue(types.contains("include"), types);
        assertEquals("プロセス名が空のリストのいずれでもない", summary("not proc.name in ()", Locale.JAPANESE));
    }

    /**
     * libs' {@code in} on a list field holds when every value is in the set ({@code intersects}:
     * when one is), so its not holds when at least one is outside (QA round 18: six official k8s
     * rules read "the container image repositories are neither nginx nor redis").
     */
    @Test
    void inOnAListFieldAsksEveryValue() {
        ExplainContext k8s = catalogContext("k8s_audit", java.util.Map.of("trusted", List.of("nginx")));
        java.util.function.BiFunction<String, Locale, String> say = (condition, locale) ->
                say(k8s, "k8s_audit", condition, locale);
        String field = "ka.req.pod.containers.image.repository";
        String words = say.apply(field + " = x", Locale.ENGLISH);
        String subject = words.substring(0, words.indexOf(" are x")).toLowerCase(Locale.ROOT);
        assertEquals("Every one of " + subject + " is nginx or redis",
                say.apply(field + " in (nginx, redis)", Locale.ENGLISH));
        assertEquals("At least one of " + subject + " is neither nginx nor redis",
                say.apply("not " + field + " in (nginx, redis)", Locale.ENGLISH));
        assertEquals("At least one of " + subject + " is not in trusted",
                say.apply("not " + field + " in (trusted)", Locale.ENGLISH));
        // two in's are two questions: not one over both sets
        assertEquals("Every one of " + subject + " is a or every one of " + subject + " is b",
                say.apply(field + " in (a) or " + field + " in (b)", Locale.ENGLISH));
        assertTrue(say.apply("not " + field + " in (nginx, redis)", Locale.JAPANESE)
                .endsWith("の少なくとも 1 つが nginx でも redis でもない"), say.apply("not " + field + " in (nginx, redis)", Locale.JAPANESE));
        assertTrue(say.apply(field + " intersects (nginx, redis)", Locale.ENGLISH).contains("include"));
        // k8s_audit_never_true is the switch idiom of the k8s rules (QA round 18)
        assertTrue(say.apply("jevt.rawtime = 0", Locale.ENGLISH).contains("never holds"), say.apply("jevt.rawtime = 0", Locale.ENGLISH));
    }

    /** proc.aname holds when any ancestor matches: "!=" is one ancestor that differs, "not =" is no ancestor at all. */
    @Test
    void aNotAroundAnAncestorCheckDeniesEveryAncestor() {
        assertEquals("An ancestor process name is not sshd", summary("proc.aname != sshd", Locale.ENGLISH));
        assertEquals("No ancestor matches (an ancestor process name is sshd)",
                summary("not proc.aname = sshd", Locale.ENGLISH));
        assertEquals("No ancestor matches (an ancestor process name is in shells)",
                summary("not proc.aname in (shells)", Locale.ENGLISH));
        assertEquals("No ancestor matches (an ancestor process name is not sshd)",
                summary("not proc.aname != sshd", Locale.ENGLISH));
        // joined with another check, the negation still covers the ancestor check alone
        assertEquals("No ancestor matches (an ancestor process name is a) and the process name is x",
                summary("not proc.aname = a and proc.name = x", Locale.ENGLISH));
        assertEquals("「祖先プロセス名が sshd である」に当てはまる祖先はいない", summary("not proc.aname = sshd", Locale.JAPANESE));
        // not last in Japanese: the continuative form is the outer clause's, the quoted one stays whole
        assertEquals("「祖先プロセス名が sshd である」に当てはまる祖先はおらず、プロセス名が x である",
                summary("not proc.aname = sshd and proc.name = x", Locale.JAPANESE));
        assertEquals("祖先プロセス名が sshd ではない", summary("proc.aname != sshd", Locale.JAPANESE));
        // a numbered ancestor is one process: its not is the plain one
        assertTrue(summary("not proc.aname[2] = sshd", Locale.ENGLISH).endsWith("is not sshd"));
    }

    /**
     * fd.ip, fd.port, fd.net, fd.proto hold when either end of the connection matches; libs'
     * {@code !=} holds only when both ends differ, so it says what a not says (QA round 18).
     */
    @Test
    void aNegatedCheckOnEitherEndOfASocketDeniesBothEnds() {
        assertEquals("An endpoint IP address is 127.0.0.1", summary("fd.ip = 127.0.0.1", Locale.ENGLISH));
        String neither = "Neither end of the connection matches (an endpoint IP address is 127.0.0.1)";
        assertEquals(neither, summary("fd.ip != 127.0.0.1", Locale.ENGLISH));
        assertEquals(neither, summary("not fd.ip = 127.0.0.1", Locale.ENGLISH));
        assertEquals("Neither end of the connection matches (an endpoint port is 22 or 80)",
                summary("fd.port != 22 and not fd.port = 80", Locale.ENGLISH));
        assertEquals("Neither end of the connection matches (an endpoint network is 10.0.0.0/8 or 192.168.0.0/16)",
                summary("not fd.net in (10.0.0.0/8, 192.168.0.0/16)", Locale.ENGLISH));
        assertEquals("接続のどちらの端も「クライアントまたはサーバーの IP アドレスが 127.0.0.1 である」に当てはまらず、プロセス名が x である",
                summary("fd.ip != 127.0.0.1 and proc.name = x", Locale.JAPANESE));
        // one end by name is one value: its not is the plain one
        assertEquals("The server port is not 22", summary("fd.sport != 22", Locale.ENGLISH));
        // with the catalog's words for each end, each end is denied by name (QA round 23)
        ExplainContext catalog = catalogContext("syscall", java.util.Map.of());
        assertEquals("The client IP address is not 0.0.0.0 and the server IP address is not 0.0.0.0",
                say(catalog, null, "fd.ip != \"0.0.0.0\"", Locale.ENGLISH));
        assertEquals("クライアント側のネットワークが 10.0.0.0/8 ではなく、サーバー側のネットワークが 10.0.0.0/8 ではない",
                say(catalog, null, "not fd.net = 10.0.0.0/8", Locale.JAPANESE));
        String md = MarkdownRenderer.render(Explainer.explain(new RuleDoc("R", ConditionParser.parse(
                "fd.ip != 1.2.3.4"), DESC, null, "WARNING", null, List.of(), null), catalog, Locale.ENGLISH),
                ExpandDepth.ONE);
        assertTrue(md.contains("The client IP address (`fd.ip`) is not `1.2.3.4`"), "the field as written: " + md);
        assertEquals("An endpoint IP address is 0.0.0.0", say(catalog, null, "fd.ip = \"0.0.0.0\"", Locale.ENGLISH));
        // denied through a macro that reads inline, too, and joined into the chain around it
        ExplainContext withMacro = new CatalogExplainContext(dev.falconer.catalog.FieldCatalog.defaults(), "syscall",
                new ExplainSymbols() {
                    @Override
                    public java.util.Optional<MacroDoc> macro(String name) {
                        return "local_port".equals(name) ? java.util.Optional.of(new MacroDoc(name,
                                ConditionParser.parse("fd.port = 53"), null)) : java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<List<String>> list(String name) {
                        return java.util.Optional.empty();
                    }
                });
        assertEquals("The process name is x; the client port is not 53; and the server port is not 53",
                say(withMacro, null, "proc.name = x and not local_port", Locale.ENGLISH));
    }

    @Test
    void negatedChecksOnOneFieldBecomeNeitherNor() {
        assertEquals("The process name is neither a nor b", summary("proc.name != a and not proc.name = b",
                Locale.ENGLISH));
        assertEquals("The process name is none of a, b, c",
                summary("not proc.name in (a, b) and proc.name != c", Locale.ENGLISH));
        assertEquals("プロセス名が a でも b でもない", summary("proc.name != a and proc.name != b", Locale.JAPANESE));
    }

    @Test
    void negatedGroupsReadAsNoneOfOrPushTheNegationDown() {
        String md = markdown("proc.name = x and not (proc.pname = a or user.name = root)", Locale.ENGLISH);
        assertTrue(md.contains("- None of the following holds:\n  - The parent process name (`proc.pname`) is `a`."), md);
        assertEquals("The process name is x; the parent process name is not a; and the user name is not root",
                summary("proc.name = x and not (proc.pname = a or user.name = root)", Locale.ENGLISH));
        assertEquals("次のいずれにも該当しない:", Phrasebook.of(Locale.JAPANESE).format("md.group.none"));
    }

    @Test
    void eventTypesReadAsEventsAndAbsorbTheDirection() {
        assertEquals("On open or openat events, when the call returns",
                summary("evt.type in (open, openat) and evt.dir = <", Locale.ENGLISH)
                        .replace("A file was opened", "On open or openat events, when the call returns"));
        assertEquals("On chmod or rename events", summary("evt.type in (chmod, rename)", Locale.ENGLISH));
        assertEquals("chmod または rename イベントが発生した", summary("evt.type in (chmod, rename)", Locale.JAPANESE));
        assertEquals("chmod または rename イベントで、プロセス名が a である",
                summary("evt.type in (chmod, rename) and proc.name = a", Locale.JAPANESE));
        assertEquals("The event is neither chmod nor rename", summary("not evt.type in (chmod, rename)", Locale.ENGLISH));
        assertEquals("The event is not a process start", summary("not spawned_process", Locale.ENGLISH));
        // a negation names a family only when it is all of it: != open lets openat through (QA round 18)
        assertEquals("The event is not open", summary("evt.type != open", Locale.ENGLISH));
        assertEquals("A new process was started and the event is not execveat",
                summary("evt.type in (execve, execveat) and not evt.type = execveat", Locale.ENGLISH));
        assertEquals("イベントが unlinkat ではない", summary("evt.type != unlinkat", Locale.JAPANESE));
    }

    @Test
    void aSmallMacroReadsAsWhatItSaysALargeOneByName() {
        assertEquals("A new process was started and the event matches big",
                summary("spawned_process and big", Locale.ENGLISH));
        assertEquals("The event is not a process start", summary("not spawned_process", Locale.ENGLISH));
        String md = markdown("spawned_process and big", Locale.ENGLISH);
        assertTrue(md.contains("- The event matches `big`, where `big` means all of the following:\n"
                + "  > Its author notes: Matches a started by b.\n"
                + "  - The process name (`proc.name`) is `a`."), md);
        String brief = MarkdownRenderer.render(explain("spawned_process and big", Locale.ENGLISH), ExpandDepth.NONE);
        assertTrue(brief.contains("- The event matches `big`, where `big` means: the process name (`proc.name`) is `a` "
                + "and the parent process name (`proc.pname`) is `b`."), brief);
        String linked = MarkdownRenderer.render(explain("big", Locale.ENGLISH), ExpandDepth.ONE,
                name -> java.util.Optional.of("command:falconer.explain?" + name));
        assertTrue(linked.contains("[`big`](command:falconer.explain?big)"), linked);
    }

    @Test
    void aJsonPointerReadsAsWhereTheValueIs() {
        assertEquals("The JSON value at /stage is ResponseComplete",
                summary("json.value[/stage] = ResponseComplete", Locale.ENGLISH));
        assertEquals("/stage が指す JSON の値が ResponseComplete である",
                summary("json.value[/stage] = ResponseComplete", Locale.JAPANESE));
    }

    @Test
    void theSwitchIdiomReadsAsAPlaceholder() {
        String md = markdown("never_true and proc.name = node", Locale.ENGLISH);
        assertTrue(md.contains("- The event matches `never_true`, where `never_true` means:"), md);
        assertTrue(md.contains("This never holds (a placeholder that switches a clause off)."), md);
        assertFalse(md.contains("evt.num"), md);
        // a rule that cannot fire says so first (QA round 23: four official k8s rules read as active)
        assertTrue(md.contains("As written, this rule never fires"), md);
        assertTrue(summary("never_true and proc.name = node", Locale.ENGLISH).startsWith("(Never fires as written) "));
        String ja = markdown("never_true and proc.name = node", Locale.JAPANESE);
        assertTrue(ja.contains("決して成立しない（条件を無効にするためのプレースホルダー）"), ja);
        assertTrue(ja.contains("このままではこのルールは発火しない"), ja);
        assertEquals("This always holds (a placeholder that switches a clause on)", summary("evt.num >= 0", Locale.ENGLISH));
        // a placeholder macro is named, since its name is what a reader overrides (QA round 23)
        assertEquals("The event does not match never_true (a placeholder that never matches)",
                summary("not never_true", Locale.ENGLISH));
        assertEquals("never_true（決して成立しないプレースホルダー）に該当しない", summary("not never_true", Locale.JAPANESE));
        // k8s_audit_always_true is jevt.rawtime exists: "not" over it never holds
        assertEquals("(Never fires as written) This never holds (a placeholder that switches a clause off)",
                summary("not jevt.rawtime exists", Locale.ENGLISH));
        assertFalse(summary("proc.name = node or never_true", Locale.ENGLISH).contains("Never fires"));
        // the placeholder macro on its own, and where a rule's note stands: after what it asks (QA round 24)
        String macro = MarkdownRenderer.render(Explainer.explain(context.macro("never_true").orElseThrow(), context,
                Locale.ENGLISH), ExpandDepth.ONE);
        assertTrue(macro.contains("This never holds (a placeholder that switches a clause off)."), macro);
        assertTrue(md.indexOf("As written, this rule never fires") > md.indexOf("`node`"), md);
        String single = markdown("big", Locale.ENGLISH);
        assertTrue(single.contains("It fires in this case:\n"), single);
    }

    @Test
    void listItemsAreShownWithoutTheQuotesThatKeepThemWhole() {
        String md = markdown("proc.cmdline in (quoted_cmds)", Locale.ENGLISH);
        assertTrue(md.contains("`sh -c uname -p 2> /dev/null`, `75-system-updat`, `plain`"), md);
        assertFalse(md.contains("\"sh -c"), md);
    }

    @Test
    void theOutputMessageKeepsItsFieldsAsNamedSlots() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Explanation e = Explainer.explain(new RuleDoc("Demo", ConditionParser.parse("proc.name = a"), DESC,
                    "Shell %proc.name started by %user.name (pid=%proc.pid user=%user.name)", "WARNING", null,
                    List.of(), null), context, locale);
            String md = MarkdownRenderer.render(e, ExpandDepth.ONE);
            assertTrue(md.contains(locale == Locale.ENGLISH ? "It reports `Shell <process name> started by <user name>` with"
                    : "通知メッセージは `Shell <プロセス名> started by <ユーザー名>` で"), md);
        }
    }

    @Test
    void durationsInNanosecondsAreReadInHumanUnits() {
        String md = markdown("proc.duration <= 5000000000", Locale.ENGLISH);
        assertTrue(md.contains("is at most `5000000000`.\n\n- `5000000000`: 5 seconds"), md);
        assertTrue(markdown("proc.duration > 1500000", Locale.ENGLISH).contains("`1500000`: 1.5 milliseconds"));
        assertTrue(markdown("proc.duration <= 5000000000", Locale.JAPANESE).contains("`5000000000`: 5 秒"));
        assertTrue(markdown("proc.duration = 60000000000", Locale.ENGLISH).contains("`60000000000`: 1 minute"));
    }

    @Test
    void aGlossIsShownOnlyBesideAFieldOfItsKind() {
        String users = markdown("user.name in (sync, sshd, root)", Locale.ENGLISH);
        assertFalse(users.contains("`sync`: "), users);
        assertFalse(users.contains("`sshd`: "), users);
        assertTrue(users.contains("`root`: "), users);
        String procs = markdown("proc.name in (sync, sshd)", Locale.ENGLISH);
        assertTrue(procs.contains("`sync`: ") && procs.contains("`sshd`: "), procs);
        assertTrue(markdown("evt.type = open", Locale.ENGLISH).contains("`open`: "));
        assertFalse(markdown("proc.name = open", Locale.ENGLISH).contains("`open`: "));
    }

    @Test
    void aValueThatMeansSomethingInOneFieldIsExplainedThere() {
        context.field("fd.typechar", "the file descriptor type code", "ファイルディスクリプタの種類を表す 1 文字のコード");
        assertTrue(markdown("fd.typechar = f", Locale.ENGLISH).contains("- `f`: file"));
        assertTrue(markdown("fd.typechar in (4, 6)", Locale.JAPANESE).contains("- `4`: IPv4 ソケット"));
        assertFalse(markdown("proc.name = f", Locale.ENGLISH).contains("`f`: "));
    }

    @Test
    void aPhraseEndingInABracketTakesTheFieldNameInside() {
        context.field("proc.pexe", "the parent executable (argv[0])", "親プロセスの起動時の実行ファイル（argv[0]）");
        assertTrue(markdown("proc.pexe = x", Locale.JAPANESE).contains("親プロセスの起動時の実行ファイル（argv[0]、`proc.pexe`）"));
        assertTrue(markdown("proc.pexe = x", Locale.ENGLISH).contains("the parent executable (argv[0], `proc.pexe`)"));
    }

    @Test
    void listsInListsAreExpandedOneLevelAsFalcoDoes() {
        // deeper -> nested -> shells: Falco pastes nested's items as written, so "shells" stays a name
        String md = markdown("proc.name in (deeper)", Locale.ENGLISH);
        assertTrue(md.contains("`deeper` holds 3 items: `shells`, `zsh`, `ksh`"), md);
        assertTrue(markdown("proc.name in (nested)", Locale.ENGLISH).contains("`nested` holds 3 items: `bash`, `sh`, `zsh`"));
    }

    @Test
    void listNamesAreNeverCountedAsValues() {
        // the summary counts distinct values (nested holds shells' items again): 3 + 9
        String cond = "not proc.pname in (shells, nested, a1, a2, a3, a4, a5, a6, a7, a8, a9)";
        assertTrue(summary(cond, Locale.ENGLISH).contains("is none of 12 values in all, from the lists shells…"),
                summary(cond, Locale.ENGLISH));
        // the full explanation names every value and list up to 40 (QA round 23: exclusions were hidden)
        String md = markdown(cond, Locale.ENGLISH);
        assertTrue(md.contains("is none of `a1`, `a2`, `a3`, `a4`, `a5`, `a6`, `a7`, `a8`, `a9` or an item of `shells`,"
                + " `nested`."), md);
        // past 60 values and lists: every list, up to 60 values, distinct ones counted
        String long_ = markdown(values("not proc.pname in (shells, nested", 65), Locale.ENGLISH);
        assertTrue(long_.contains("is none of 68 values in all, from the lists `shells`, `nested` and values such as "
                + "`a1`, `a2`"), long_);
        assertTrue(long_.contains("`a60`…\n"), "no full stop after the ellipsis: " + long_);
        String ja = markdown(values("not proc.pname in (shells, nested", 65), Locale.JAPANESE);
        assertTrue(ja.contains("リスト `shells`、`nested` の項目と `a1`、`a2`"), ja);
        assertTrue(ja.contains("などの計 68 個の値"), ja);
        // every value shown: "the values", and one list is "the list" (QA round 24)
        String whole = markdown(values("not proc.pname in (shells", 60), Locale.ENGLISH);
        assertTrue(whole.contains("is none of 62 values in all, from the list `shells` and the values `a1`, "), whole);
        assertTrue(whole.contains("`a60`.\n"), whole);
    }

    /** {@code head}, then {@code n} values a1 … an, closed. */
    private static String values(String head, int n) {
        StringBuilder cond = new StringBuilder(head);
        for (int i = 1; i <= n; i++) {
            cond.append(", a").append(i);
        }
        return cond.append(")").toString();
    }

    @Test
    void nestedMacrosAreReadInFullNeverCut() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String md = MarkdownRenderer.render(explain("spawned_process and (long_one or longer)", locale), ExpandDepth.NONE);
            assertFalse(md.contains("…"), md);
            assertTrue(md.contains("`org.apache.zookeeper.server.quorum`"), md);
            assertTrue(md.contains("`delta_arguments_value`"), md);
        }
        String md = MarkdownRenderer.render(explain("spawned_process and longer", Locale.ENGLISH), ExpandDepth.NONE);
        assertTrue(md.contains("`longer` means all of the following:\n"), "a long macro is a clause list: " + md);
    }

    @Test
    void macroCyclesAndUndefinedMacrosAreNamedNotExpanded() {
        Clause c = explain("loop_a", Locale.ENGLISH).condition();
        Clause.MacroClause a = assertInstanceOf(Clause.MacroClause.class, c);
        Clause.MacroClause b = assertInstanceOf(Clause.MacroClause.class, a.body());
        Clause.MacroClause again = assertInstanceOf(Clause.MacroClause.class, b.body());
        assertEquals(Clause.MacroClause.State.CYCLE, again.state());
        String md = MarkdownRenderer.render(explain("loop_a", Locale.ENGLISH), ExpandDepth.ALL);
        assertTrue(md.contains("refers back to `loop_a` itself"), md);
        assertTrue(markdown("nowhere", Locale.ENGLISH).contains("a macro that the loaded files do not define"));
    }

    @Test
    void listsAreNamedWithTheirItemsNestedListsExpanded() {
        String md = markdown("proc.name in (nested)", Locale.ENGLISH);
        assertTrue(md.contains("It fires when the process name (`proc.name`) is in `nested`.\n\n- `nested` holds"), md);
        assertTrue(md.contains("`nested` holds 3 items: `bash`, `sh`, `zsh`"), md);
        assertEquals("The process name is one of 12 values such as a, b, c…",
                summary("proc.name in (a, b, c, d, e, f, g, h, i, j, k, l)", Locale.ENGLISH));
        assertEquals("プロセス名が a、b、c など 12 個の値のいずれかである",
                summary("proc.name in (a, b, c, d, e, f, g, h, i, j, k, l)", Locale.JAPANESE));
    }

    @Test
    void clausesKeepTheirSpans() {
        String cond = "proc.name = a and not proc.pname = b";
        Clause.AllOf all = assertInstanceOf(Clause.AllOf.class, explain(cond, Locale.ENGLISH).condition());
        assertEquals(new Span(0, 13), all.children().get(0).span());
        assertEquals("not proc.pname = b", all.children().get(1).span().textOf(cond));
    }

    @Test
    void transformersAndFieldComparisonsAreWorded() {
        assertEquals("The lower-case form of the process name is bash",
                summary("tolower(proc.name) = bash", Locale.ENGLISH));
        assertEquals("The process name is the same as the parent process name",
                summary("proc.name = val(proc.pname)", Locale.ENGLISH));
        assertEquals("The length of the command line is greater than 10", summary("len(proc.cmdline) > 10",
                Locale.ENGLISH));
        assertEquals("小文字に変換したプロセス名が bash である", summary("tolower(proc.name) = bash", Locale.JAPANESE));
    }

    @Test
    void aConditionThatDoesNotParseSaysSoWithoutThrowing() {
        Explanation e = explain("proc.name = ", Locale.ENGLISH);
        assertInstanceOf(Clause.Unparsed.class, e.condition());
        assertFalse(SummaryRenderer.render(e, 120).isBlank());
        assertEquals("条件に構文エラーがあるため説明できない", summary("proc.name = ", Locale.JAPANESE));
        assertEquals("The condition has a syntax error, so it cannot be explained", summary("proc.name = ", Locale.ENGLISH));
    }

    @Test
    void exceptionsAreExplainedAsFalcoCompilesThem() {
        ExceptionDoc scalar = new ExceptionDoc("tools", List.of("proc.name"), List.of("in"),
                List.of(List.of(ExceptionDoc.Element.list(List.of("a", "b")))));
        ExceptionDoc tuples = new ExceptionDoc("pairs", List.of("proc.name", "fd.name"), List.of("=", "startswith"),
                List.of(List.of(ExceptionDoc.Element.single("x"), ExceptionDoc.Element.single("/etc")),
                        List.of(ExceptionDoc.Element.single("y"), ExceptionDoc.Element.single("/var"))));
        ExceptionDoc empty = new ExceptionDoc("later", List.of("proc.name"), List.of("in"), List.of());
        Explanation e = Explainer.explain(new RuleDoc("R", ConditionParser.parse("spawned_process"), null, null,
                null, null, List.of(scalar, tuples, empty), null), context, Locale.ENGLISH);
        assertNull(e.exceptions().get(2).when());
        String md = MarkdownRenderer.render(e, ExpandDepth.ONE);
        assertTrue(md.contains("- `tools`: the process name (`proc.name`) is `a` or `b`."), md);
        assertTrue(md.contains("  - The process name (`proc.name`) is `x` and the file name (`fd.name`) starts with `/etc`."), md);
        assertTrue(md.contains("- `later` has no values yet, so it never applies."), md);
        assertTrue(SummaryRenderer.render(e, 200).endsWith(", unless an exception applies"));
    }

    /** A rule's name and description are text: nothing in them becomes a heading, a link or HTML. */
    @Test
    void namesAndDescriptionsAreShownAsWritten() {
        Explanation e = Explainer.explain(new RuleDoc("<img src=x onerror=alert(1)> [a](b) *c*",
                ConditionParser.parse("spawned_process"), "# not a heading\nsee [x](command:y)", null, null, null,
                List.of(), null), context, Locale.ENGLISH);
        String md = MarkdownRenderer.render(e, ExpandDepth.ONE);
        assertTrue(md.contains("**\\<img src=x onerror=alert(1)\\> \\[a\\](b) \\*c\\***"), md);
        assertTrue(md.contains("> \\# not a heading\n> see \\[x\\](command:y)"), md);
        // lines that would start a list, a rule line, a heading's underline or a fence (QA round 22)
        Explanation blocks = Explainer.explain(new RuleDoc("~~x~~", ConditionParser.parse("spawned_process"),
                "- macro: a\n+ b\n1. c\n2) d\n---\n===\n~~~", null, null, null, List.of(), null), context, Locale.ENGLISH);
        String text = MarkdownRenderer.render(blocks, ExpandDepth.ONE);
        assertTrue(text.contains("> \\- macro: a\n> \\+ b\n> 1\\. c\n> 2\\) d\n> \\---\n> \\===\n> \\~\\~\\~"), text);
        assertTrue(text.contains("\\~\\~x\\~\\~"), text);
    }

    /** Falco accepts an exception field that compiles as {@code <f> exists}: a transformer is one. */
    @Test
    void anExceptionOnATransformedFieldKeepsTheTransformer() {
        ExceptionDoc alone = new ExceptionDoc("lower", List.of("tolower(proc.name)"), List.of("="),
                List.of(List.of(ExceptionDoc.Element.single("x"))));
        ExceptionDoc pair = new ExceptionDoc("pair", List.of("tolower(proc.name)", "fd.name"), List.of("=", "="),
                List.of(List.of(ExceptionDoc.Element.single("x"), ExceptionDoc.Element.single("y"))));
        ExceptionDoc broken = new ExceptionDoc("broken", List.of("tolower(proc.name"), List.of("="),
                List.of(List.of(ExceptionDoc.Element.single("x"))));
        Explanation e = Explainer.explain(new RuleDoc("R", ConditionParser.parse("spawned_process"), null, null,
                null, null, List.of(alone, pair, broken), null), context, Locale.ENGLISH);
        String md = MarkdownRenderer.render(e, ExpandDepth.ONE);
        assertTrue(md.contains("- `lower`: the lower-case form of the process name (`proc.name`) is `x`."), md);
        assertTrue(md.contains("- `pair`: the lower-case form of the process name (`proc.name`) is `x` and"), md);
        assertNull(e.exceptions().get(2).when());
    }

    @Test
    void theOutputIsReadAsWhatTheRuleReports() {
        Explanation e = Explainer.explain(new RuleDoc("R", ConditionParser.parse("spawned_process"), null,
                "Shell started (user=%user.name parent=%proc.pname %proc.name)", "notice", null, List.of(), null),
                context, Locale.ENGLISH);
        assertEquals(List.of(new PhraseArg.Text("Shell started")), e.output().message());
        String md = MarkdownRenderer.render(e, ExpandDepth.ONE);
        assertTrue(md.contains("It reports `Shell started` with the user name (`user.name`), the parent process name "
                + "(`proc.pname`) and the process name (`proc.name`)."), md);
        assertTrue(md.contains("Priority: notice (`notice`)."), md);
    }

    /** An output that starts with its fields still reports its message: the prose between them (QA round 22). */
    @Test
    void theMessageOfAnOutputThatStartsWithFieldsIsKept() {
        Explanation e = Explainer.explain(new RuleDoc("R", ConditionParser.parse("spawned_process"), null,
                "project=%user.name A GCP bucket has been granted public access by user=%proc.name", "notice", null,
                List.of(), null), context, Locale.ENGLISH);
        assertEquals(List.of(new PhraseArg.Text("A GCP bucket has been granted public access by")), e.output().message());
    }

    /** A transformer's token runs to its closing parenthesis: nothing of it is left in the message. */
    @Test
    void transformersInTheOutputAreWholeTokens() {
        Explanation e = Explainer.explain(new RuleDoc("R", ConditionParser.parse("spawned_process"), null,
                "x %toupper(proc.name) y %concat(proc.name, proc.pname) z", "notice", null, List.of(), null),
                context, Locale.ENGLISH);
        String md = MarkdownRenderer.render(e, ExpandDepth.ONE);
        assertTrue(md.contains("It reports `x <upper-case form of the process name> y <concat(proc.name, proc.pname)> z`"), md);
        assertFalse(md.contains(">)"), md);
    }

    /** Counts the children of an any-of clause. */
    private record AnyOfShape(Clause clause) {
        int size() {
            return ((Clause.AnyOf) clause).children().size();
        }
    }
}

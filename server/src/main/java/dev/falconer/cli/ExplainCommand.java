package dev.falconer.cli;

import com.google.gson.GsonBuilder;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.explain.CatalogExplainContext;
import dev.falconer.explain.ExpandDepth;
import dev.falconer.explain.ExplainItem;
import dev.falconer.explain.Explainer;
import dev.falconer.explain.Explanation;
import dev.falconer.explain.MarkdownRenderer;
import dev.falconer.explain.Phrasebook;
import dev.falconer.explain.SummaryRenderer;
import dev.falconer.explain.WorkspaceExplainItems;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falconer explain [--lang en|ja] [--format text|markdown|json] [--rule NAME] PATH...}: explains
 * every rule and macro of the given rules files, loaded in order as one ruleset (like
 * {@code falco -r a -r b}; a directory stands for its {@code .yaml}/{@code .yml} files, sorted).
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "dev.falconer.cli.Messages")
public final class ExplainCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "explain.lang")
    String lang;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", descriptionKey = "explain.format")
    Format format;

    @Option(names = "--rule", paramLabel = "NAME", descriptionKey = "explain.rule")
    String rule;

    @Parameters(paramLabel = "PATH", arity = "1..*", descriptionKey = "explain.paths")
    List<String> paths = new ArrayList<>();

    /** One explained item, in the shape of the JSON output. */
    record Item(String kind, String name, String path, int line, String summary, String markdown) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lang != null && !Phrasebook.LANGUAGES.contains(lang)) {
            return Main.usageError(err, CliTexts.get("explain.badLang", lang, String.join(", ", Phrasebook.LANGUAGES)));
        }
        Locale locale = Phrasebook.supported(lang == null ? CliTexts.locale() : Locale.forLanguageTag(lang));
        RulesInput input = RulesInput.read(paths, locale);
        if (input.problem() != null) {
            return Main.usageError(err, input.problem());
        }
        Map<String, String> shownPaths = input.shownByUri();
        RulesWorkspace workspace = RulesWorkspace.inOpeningOrder(ConditionParser::parse);
        RulesDocument.parseAll(input.texts()).forEach(workspace::open);
        List<Item> items = explain(workspace.snapshot(), shownPaths, locale);
        if (rule != null && items.isEmpty()) {
            return Main.usageError(err, CliTexts.get(locale, "explain.noRule", rule));
        }
        print(items, locale, out);
        return 0;
    }

    private List<Item> explain(WorkspaceSnapshot snapshot, Map<String, String> shownPaths, Locale locale) {
        WorkspaceExplainItems symbols = new WorkspaceExplainItems(snapshot.merged());
        FieldCatalog catalog = FieldCatalog.defaults();
        Map<String, CatalogExplainContext> contexts = new HashMap<>();
        List<Item> items = new ArrayList<>();
        List<Shown> shown = shownItems(snapshot, symbols);
        // The whole ruleset in one markdown document: a macro's name links to its own section.
        boolean sections = format == Format.markdown && rule == null;
        Map<String, String> macroAnchors = new HashMap<>();
        HeadingAnchors anchors = new HeadingAnchors();
        for (Shown s : shown) {
            boolean macro = s.item() instanceof dev.falconer.explain.MacroDoc;
            String anchor = anchors.next(MarkdownRenderer.anchor(locale, macro, s.definition().key().name()));
            if (macro) {
                macroAnchors.put(s.definition().key().name(), "#" + anchor);
            }
        }
        java.util.function.Function<String, Optional<String>> links = name -> sections
                ? Optional.ofNullable(macroAnchors.get(name)) : Optional.empty();
        for (Shown shownItem : shown) {
            Definition d = shownItem.definition();
            boolean isRule = d.key().kind() == ItemKind.RULE;
            String source = shownItem.item() instanceof dev.falconer.explain.RuleDoc r ? r.source() : "syscall";
            CatalogExplainContext context = contexts.computeIfAbsent(source,
                    s -> new CatalogExplainContext(catalog, s, symbols));
            Explanation e = Explainer.explain(shownItem.item(), context, locale);
            RulesDocument doc = snapshot.document(d.uri());
            int line = doc == null ? 0 : doc.lineIndex().lineOf(d.item().frame().span().start());
            items.add(new Item(isRule ? "rule" : "macro", d.key().name(), shownPaths.getOrDefault(d.uri(), d.uri()),
                    line, SummaryRenderer.render(e, summaryChars()),
                    sections ? MarkdownRenderer.renderSection(e, ExpandDepth.ONE, links)
                            : MarkdownRenderer.render(e, ExpandDepth.ONE)));
        }
        return items;
    }

    private record Shown(Definition definition, ExplainItem item) {
    }

    /** Each rule and macro once, as it finally reads, at the last entry that defines or overrides it. */
    private List<Shown> shownItems(WorkspaceSnapshot snapshot, WorkspaceExplainItems symbols) {
        Map<Object, Definition> last = new HashMap<>();
        for (Definition d : snapshot.merged().definitions()) {
            if (d.role() == Definition.Role.DEFINE || d.role() == Definition.Role.OVERRIDE) {
                last.put(d.key(), d);
            }
        }
        List<Shown> shown = new ArrayList<>();
        for (Definition d : snapshot.merged().definitions()) {
            boolean isRule = d.key().kind() == ItemKind.RULE;
            if (last.get(d.key()) != d || (!isRule && d.key().kind() != ItemKind.MACRO) || (rule != null && !(isRule
                    && rule.equals(d.key().name())))) {
                continue;
            }
            (isRule ? symbols.rule(d.key().name()) : symbols.macro(d.key().name()))
                    .ifPresent(item -> shown.add(new Shown(d, item)));
        }
        return shown;
    }

    /** The JSON carries the code lens's one-liner; the text format is read in a terminal, in full. */
    private int summaryChars() {
        return format == Format.json ? SummaryRenderer.DEFAULT_MAX_CHARS : Integer.MAX_VALUE;
    }

    private void print(List<Item> items, Locale locale, PrintWriter out) {
        Phrasebook book = Phrasebook.of(locale);
        switch (format) {
            case json -> out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("items", items)));
            case markdown -> {
                for (int i = 0; i < items.size(); i++) {
                    Item it = items.get(i);
                    out.print((i == 0 ? "" : "\n---\n\n")
                            + book.format("cli.location", it.path(), Integer.toString(it.line() + 1)) + "\n\n"
                            + it.markdown());
                }
                out.flush();
            }
            default -> {
                for (Item it : items) {
                    out.println(book.format("cli.item", it.path(), Integer.toString(it.line() + 1),
                            book.format("cli.kind." + it.kind()), it.name()));
                    out.println("  " + it.summary());
                }
            }
        }
    }}

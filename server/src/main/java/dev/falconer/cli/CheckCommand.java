package dev.falconer.cli;

import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.check.LoadSteps;
import dev.falconer.check.Severity;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextDocument;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falconer check [--format text|json|sarif] [--lang en|ja] [--catalog FILE]... [--source SOURCE]... [--strict] PATH...}:
 * loads the files and directories in order as one ruleset (as {@code falco -r a -r b} does; a
 * directory stands for its {@code .yaml}/{@code .yml} files in name order) and reports every
 * diagnostic. Exit 0 without errors, 1 with errors (or warnings with {@code --strict}), 2 for bad
 * usage or unreadable input.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "dev.falconer.cli.Messages")
public final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    enum Lang { en, ja }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", descriptionKey = "check.format")
    Format format;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "check.lang")
    Lang lang;

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "check.catalog")
    List<Path> catalogs = new ArrayList<>();

    @Option(names = "--source", paramLabel = "SOURCE", descriptionKey = "check.source")
    List<String> sources = new ArrayList<>();

    @Option(names = "--strict", descriptionKey = "check.strict")
    boolean strict;

    @Parameters(paramLabel = "PATH", arity = "1..*", descriptionKey = "check.paths")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = lang == null ? CliTexts.locale() : Locale.forLanguageTag(lang.name());
        CatalogFiles.Result catalog = CatalogFiles.load(catalogs);
        if (catalog.error().isPresent()) {
            return Main.usageError(err, catalog.error().get());
        }
        RulesInput input = RulesInput.read(paths, locale);
        if (input.problem() != null) {
            return Main.usageError(err, input.problem());
        }
        for (String source : sources) {
            if (!source.isBlank() && !catalog.catalog().isKnownSource(source.strip())) {
                // a typo here would quietly skip every rule of the source meant
                err.println(CliTexts.get(locale, "check.unknownSource", source,
                        String.join(", ", new java.util.TreeSet<>(catalog.catalog().sources()))));
            }
        }
        List<TextDocument> texts = input.texts();
        Map<Path, String> files = input.shown();
        // files are parsed independently, so on all cores; they are loaded in the order given
        RulesWorkspace workspace = RulesWorkspace.inOpeningOrder(ConditionParser::parse);
        List<RulesDocument> documents = RulesDocument.parseAll(texts);
        documents.forEach(workspace::open);
        WorkspaceSnapshot snapshot = workspace.snapshot();
        CheckSettings settings = CheckSettings.defaults().withSources(sources);
        Diagnoser diagnoser = new Diagnoser(catalog.catalog());
        Map<String, List<Diagnostic>> found = diagnoser.diagnoseAll(snapshot, settings);
        // Falco stops at the first file whose collection fails: errors of the steps before the last count too
        Map<String, String> shown = input.shownByUri();
        String unchecked = new LoadSteps(diagnoser, settings).addIntermediateErrors(documents, found,
                uri -> shown.getOrDefault(uri, RulesWorkspace.fileNameOf(uri)));
        if (unchecked != null) {
            err.println(CliTexts.get(locale, "check.stepsUnchecked", unchecked));
        }
        List<CheckedFile> checked = new ArrayList<>();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            String uri = RulesWorkspace.uriOf(f.getKey());
            RulesDocument doc = snapshot.document(uri);
            if (doc != null) {
                checked.add(new CheckedFile(f.getValue(), doc, found.getOrDefault(uri, List.of())));
            }
        }
        switch (format) {
            case json -> out.println(JsonReport.write(checked, locale));
            case sarif -> out.println(SarifReport.write(checked, locale, Version.current()));
            case text -> {
                TextReport.write(checked, locale, out);
                out.println(summary(checked, locale));
            }
        }
        out.flush();
        return exitCode(checked);
    }

    int exitCode(List<CheckedFile> checked) {
        boolean errors = false;
        boolean warnings = false;
        for (CheckedFile f : checked) {
            for (Diagnostic d : f.diagnostics()) {
                errors |= d.severity() == Severity.ERROR;
                warnings |= d.severity() == Severity.WARNING;
            }
        }
        return errors || (strict && warnings) ? 1 : 0;
    }

    private static String summary(List<CheckedFile> checked, Locale locale) {
        int[] counts = new int[Severity.values().length];
        checked.forEach(f -> f.diagnostics().forEach(d -> counts[d.severity().ordinal()]++));
        return CliTexts.get(locale, "check.summary", counts[0], counts[1], counts[2] + counts[3], checked.size());
    }
}

package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language features as pure functions of (document, position, settings): what the language
 * server answers and what tests call directly, with no JSON-RPC in between. Thread-safe: it
 * holds only immutable collaborators. The workspace snapshot is what is known about every loaded
 * file (macros, lists and rules defined elsewhere).
 */
public final class FalconerService {
    private final FieldCatalog catalog;
    private final DiagnosticsProvider diagnosticsProvider;
    private final HoverProvider hover;
    private final CompletionProvider completion;
    private final Explanations explanations;

    public FalconerService(FieldCatalog catalog, DiagnosticsProvider diagnosticsProvider) {
        this.catalog = catalog;
        this.diagnosticsProvider = diagnosticsProvider;
        this.hover = new HoverProvider(catalog);
        this.completion = new CompletionProvider(catalog);
        this.explanations = new Explanations(catalog);
    }

    public FieldCatalog catalog() {
        return catalog;
    }

    /**
     * Documentation of the token under {@code position} in the document {@code uri} of the
     * snapshot; empty when there is nothing to say or the document is not in the snapshot.
     */
    public Optional<HoverResult> hover(WorkspaceSnapshot workspace, String uri, TextPosition position,
            FalconerSettings settings) {
        RulesDocument document = workspace.document(uri);
        if (document == null) {
            return Optional.empty();
        }
        return hover.hover(document, new WorkspaceView(workspace, explanations), document.lineIndex().offset(position), settings);
    }

    /** Proposals at {@code position}, most relevant first, short documentation only (see {@link #resolve}). */
    public List<CompletionEntry> complete(WorkspaceSnapshot workspace, String uri, TextPosition position,
            FalconerSettings settings) {
        RulesDocument document = workspace.document(uri);
        if (document == null) {
            return List.of();
        }
        List<CompletionEntry> found = completion.complete(document, new WorkspaceView(workspace, explanations),
                document.lineIndex().offset(position), settings);
        if (found instanceof CompletionEntry.InOrder) {
            return found; // sorted when kept (the hundreds at a new check), and placed as read
        }
        List<CompletionEntry> out = new ArrayList<>(found);
        out.sort(java.util.Comparator.comparing(CompletionEntry::sortText));
        return out;
    }

    /**
     * Lets go of what the checks and explanations keep for snapshots other than {@code latest}:
     * after a document is closed, the snapshot that had it is not asked about any more.
     */
    public void release(WorkspaceSnapshot latest) {
        explanations.release(latest);
        diagnosticsProvider.release(latest);
    }

    /**
     * Builds what the first completion on {@code workspace} would otherwise build while the user
     * waits: the sorted macro and list names (about 4 ms and 0.9 MB on the official rules, as they
     * come from the workspace's whole symbol index), and the new-term proposals in {@code locale}
     * (see {@link CompletionProvider#prepare}). Later snapshots with the same names inherit them.
     * Also the line index of every document: a hover on a macro lists where it is defined,
     * and the first such link into a file that is not open built that file's index while the user
     * waited (0.7 ms for {@code falco-incubating_rules.yaml} on the probe's first {@code open_read}
     * hover; 8 bytes a line, kept with the document text and carried while it is unchanged).
     * Meant to run once a document's diagnostics are out, off the request threads. Also lets go
     * of the explanations kept for an earlier snapshot. Returns the new-term proposals it
     * prepared, each at the start of the text with nothing to replace: what a new term at a free
     * cursor answers, for the server to prepare its answer too.
     */
    public List<List<CompletionEntry>> prepare(WorkspaceSnapshot workspace, Locale locale) {
        explanations.release(workspace);
        List<List<CompletionEntry>> newTerms = completion.prepare(new WorkspaceView(workspace, explanations), locale);
        for (RulesDocument document : workspace.documents()) {
            document.lineIndex();
        }
        return newTerms;
    }

    /**
     * Explains ahead the macros that the conditions of {@code uri} name, so that their first hover
     * finds the explanation kept (see {@link Explanations#explainAhead}). Meant for the background
     * once a document is opened; kept explanations then follow the edits that leave a macro and
     * what it relies on unchanged.
     */
    public void explainAhead(WorkspaceSnapshot workspace, String uri, Locale locale) {
        explanations.explainAhead(workspace, uri, locale);
    }

    /** The full documentation of a proposal (what {@code completionItem/resolve} adds). */
    public CompletionEntry resolve(CompletionEntry entry, WorkspaceSnapshot workspace, FalconerSettings settings) {
        return entry.resolve() == null ? entry
                : documentation(entry.resolve(), workspace, settings).map(entry::withDocumentation).orElse(entry);
    }

    /** The markdown documentation behind a proposal's resolve key; empty when there is none. */
    public Optional<String> documentation(CompletionEntry.ResolveKey key, WorkspaceSnapshot workspace,
            FalconerSettings settings) {
        Docs docs = new Docs(settings.locale());
        WorkspaceView symbols = new WorkspaceView(workspace, explanations);
        return switch (key.kind()) {
            case "field" -> {
                FieldLookup f = FieldLookup.of(catalog, key.source(), key.name(), null);
                yield f.found() ? Optional.of(docs.field(f, catalog.sources())) : Optional.empty();
            }
            case "macro" -> new SymbolDocs(settings.locale()).describe(symbols, ItemKind.MACRO, key.name());
            case "list" -> new SymbolDocs(settings.locale()).describe(symbols, ItemKind.LIST, key.name());
            case "operator" -> Operator.fromText(key.name()).map(docs::operator);
            case "modifier" -> Modifier.fromText(key.name()).map(docs::modifier);
            case "transformer" -> FieldTransformer.fromText(key.name()).map(docs::transformer);
            case "eventType" -> Optional.of(docs.eventType(key.name()));
            default -> Optional.empty();
        };
    }

    /**
     * The explain lenses of a document: one above each rule's and macro's {@code condition:} key
     * that the merged workspace can explain; empty when the setting {@code falconer.explain.codeLens}
     * is off. Titles are filled only where a summary is already known; see {@link #resolveExplainLens}.
     */
    public List<ExplainLens> explainLenses(WorkspaceSnapshot workspace, String uri, FalconerSettings settings) {
        RulesDocument document = workspace.document(uri);
        if (document == null || !settings.explainCodeLens()) {
            return List.of();
        }
        List<ExplainLens> out = new ArrayList<>();
        for (RulesItem item : document.items()) {
            YamlEntry condition = conditionOf(item);
            if (condition == null || ((NamedItem) item).name() == null) {
                continue;
            }
            SymbolKey key = new SymbolKey(((NamedItem) item).kind(), ((NamedItem) item).name());
            if (Explanations.explainable(workspace, key)) {
                out.add(new ExplainLens(document.lineIndex().range(condition.keySpan()), uri, key,
                        explanations.cachedSummary(workspace, key, settings.locale()).orElse(null)));
            }
        }
        return out;
    }

    /** The lens with its summary as title, in the user's language (what {@code codeLens/resolve} adds). */
    public ExplainLens resolveExplainLens(ExplainLens lens, WorkspaceSnapshot workspace, FalconerSettings settings) {
        return lens.withTitle(explanations.summary(workspace, lens.item(), settings.locale())
                .orElseGet(() -> Texts.of(Docs.BUNDLE, settings.locale()).get("explain.lens.fallback")));
    }

    /** The rule or macro whose entry holds {@code position}; empty elsewhere (lists, other items, blank lines). */
    public Optional<SymbolKey> explainableAt(WorkspaceSnapshot workspace, String uri, TextPosition position) {
        RulesDocument document = workspace.document(uri);
        if (document == null) {
            return Optional.empty();
        }
        RulesItem item = document.itemAt(document.lineIndex().offset(position));
        if ((item instanceof RuleItem || item instanceof MacroItem) && ((NamedItem) item).name() != null) {
            return Optional.of(new SymbolKey(((NamedItem) item).kind(), ((NamedItem) item).name()));
        }
        return Optional.empty();
    }

    /** The {@code condition:} entry of a rule or macro; {@code null} for other items or when absent. */
    private static YamlEntry conditionOf(RulesItem item) {
        if (item instanceof RuleItem r) {
            return r.condition();
        }
        return item instanceof MacroItem m ? m.condition() : null;
    }

    /**
     * The full explanation of a rule or macro as markdown, in the user's language: the rule's
     * description, its condition clause by clause, exceptions, output and priority. Empty when the
     * workspace has no such rule or macro with a condition.
     */
    public Optional<String> explain(WorkspaceSnapshot workspace, SymbolKey item, FalconerSettings settings) {
        return explanations.linkedMarkdown(workspace, item, settings.locale());
    }

    /**
     * Explains every macro (its summary, what a hover on it shows) and rule (summary and markdown)
     * of {@code workspace} afresh and keeps nothing, for the warm-up: its items are otherwise
     * explained once and then kept across snapshots, so the explain code would still run
     * interpreted on the editor's first hover of each macro (C1 compiles after a few hundred calls).
     */
    public void rehearseExplanations(WorkspaceSnapshot workspace, Locale locale) {
        Explanations fresh = new Explanations(catalog);
        for (String name : workspace.merged().macros().keySet()) {
            fresh.summary(workspace, new SymbolKey(ItemKind.MACRO, name), locale);
        }
        for (String name : workspace.merged().rules().keySet()) {
            SymbolKey rule = new SymbolKey(ItemKind.RULE, name);
            fresh.summary(workspace, rule, locale);
            fresh.markdown(workspace, rule, locale);
        }
    }

    /**
     * The load errors of the steps before the last file that the final rules hide, by file (see
     * {@link DiagnosticsProvider#loadStepDiagnostics}), with the user's per-code severities applied.
     */
    public LoadStepErrors loadStepDiagnostics(WorkspaceSnapshot workspace, FalconerSettings settings, Cancellation cancel) {
        LoadStepErrors found = diagnosticsProvider.loadStepDiagnostics(workspace, catalog, settings, cancel);
        Map<String, List<FalconerDiagnostic>> out = new java.util.LinkedHashMap<>(); // load order
        found.byUri().forEach((uri, errors) -> {
            List<FalconerDiagnostic> kept = withSeverities(errors, settings);
            if (!kept.isEmpty()) {
                out.put(uri, kept);
            }
        });
        return new LoadStepErrors(out, found.uncheckedFrom());
    }

    /**
     * The problems of one document, with the user's per-code severities applied ({@code off} drops
     * them), at most {@link ProblemLimit#MAX_PER_FILE} of them (and a note on the rest).
     */
    public List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel) {
        List<FalconerDiagnostic> out = withSeverities(diagnosticsProvider.diagnostics(request, cancel), request.settings());
        return ProblemLimit.apply(out, ProblemLimit.MAX_PER_FILE,
                request.settings().severityFor(ProblemLimit.CODE, Severity.INFORMATION), request.settings().locale());
    }

    /** {@code found} with the user's per-code severities: {@code off} drops a finding. */
    private static List<FalconerDiagnostic> withSeverities(List<FalconerDiagnostic> found, FalconerSettings settings) {
        List<FalconerDiagnostic> out = new ArrayList<>(found.size());
        for (FalconerDiagnostic d : found) {
            Severity wanted = settings.severityFor(d.code(), d.severity());
            if (wanted != Severity.OFF) {
                out.add(wanted == d.severity() ? d : d.withSeverity(wanted));
            }
        }
        return out;
    }
}

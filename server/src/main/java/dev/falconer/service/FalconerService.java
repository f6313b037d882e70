package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
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

    public FalconerService(FieldCatalog catalog, DiagnosticsProvider diagnosticsProvider) {
        this.catalog = catalog;
        this.diagnosticsProvider = diagnosticsProvider;
        this.hover = new HoverProvider(catalog);
        this.completion = new CompletionProvider(catalog);
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
        return hover.hover(document, new WorkspaceView(workspace), document.lineIndex().offset(position), settings);
    }

    /** Proposals at {@code position}, most relevant first, short documentation only (see {@link #resolve}). */
    public List<CompletionEntry> complete(WorkspaceSnapshot workspace, String uri, TextPosition position,
            FalconerSettings settings) {
        RulesDocument document = workspace.document(uri);
        if (document == null) {
            return List.of();
        }
        List<CompletionEntry> out = new ArrayList<>(completion.complete(document, new WorkspaceView(workspace),
                document.lineIndex().offset(position), settings));
        out.sort(java.util.Comparator.comparing(CompletionEntry::sortText));
        return out;
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
        WorkspaceView symbols = new WorkspaceView(workspace);
        return switch (key.kind()) {
            case "field" -> {
                FieldLookup f = FieldLookup.of(catalog, key.source(), key.name(), null);
                yield f.found() ? Optional.of(docs.field(f.field(), catalog.sources(), f.wrongSource(),
                        f.missingPlugin())) : Optional.empty();
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

    /** The problems of one document, with the user's per-code severities applied ({@code off} drops them). */
    public List<FalconerDiagnostic> diagnostics(AnalysisRequest request, Cancellation cancel) {
        List<FalconerDiagnostic> found = diagnosticsProvider.diagnostics(request, cancel);
        List<FalconerDiagnostic> out = new ArrayList<>(found.size());
        for (FalconerDiagnostic d : found) {
            Severity wanted = request.settings().severityFor(d.code(), d.severity());
            if (wanted != Severity.OFF) {
                out.add(wanted == d.severity() ? d : d.withSeverity(wanted));
            }
        }
        return out;
    }
}

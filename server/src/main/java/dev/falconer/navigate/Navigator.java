package dev.falconer.navigate;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.WorkspaceSymbol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The navigation and editing features as pure functions of (workspace snapshot or document,
 * position, settings): what the language server delegates to and what tests call directly.
 * Thread-safe; it keeps only a cache of parsed conditions and the loaded text bundles.
 */
public final class Navigator {
    private final FieldCatalog catalog;
    /** Which output placeholders are fields, for their tokens. */
    private final java.util.function.Predicate<String> outputFields;
    private final ConditionCache conditions;
    private final Map<Locale, NavTexts> texts = new ConcurrentHashMap<>();

    public Navigator(FieldCatalog catalog, ConditionCache conditions) {
        this.catalog = catalog;
        this.outputFields = dev.falconer.output.OutputTokens.knownTo(catalog);
        this.conditions = conditions;
    }

    public Navigator(FieldCatalog catalog) {
        this(catalog, new ConditionCache());
    }

    public NavTexts texts(Locale locale) {
        return texts.computeIfAbsent(locale == null ? Locale.ENGLISH : locale, NavTexts::new);
    }

    public List<Location> definition(WorkspaceSnapshot s, String uri, TextPosition p) {
        return Definitions.definition(s, uri, p);
    }

    public List<Location> references(WorkspaceSnapshot s, String uri, TextPosition p, boolean includeDeclaration) {
        return References.references(s, uri, p, includeDeclaration);
    }

    public List<DocumentHighlight> highlights(WorkspaceSnapshot s, String uri, TextPosition p) {
        return Highlights.highlights(s, uri, p);
    }

    public Rename.Preparation prepareRename(WorkspaceSnapshot s, String uri, TextPosition p, Locale locale) {
        return Rename.prepare(s, uri, p, conditions, texts(locale));
    }

    public Rename.Result rename(WorkspaceSnapshot s, String uri, TextPosition p, String newName, Locale locale) {
        return Rename.rename(s, uri, p, newName, conditions, texts(locale));
    }

    public List<DocumentSymbol> documentSymbols(RulesDocument doc, Locale locale) {
        return DocumentSymbols.symbols(doc, texts(locale));
    }

    public List<WorkspaceSymbol> workspaceSymbols(WorkspaceSnapshot s, String query) {
        return WorkspaceSymbols.search(s, query);
    }

    public SemanticTokensLegend semanticTokensLegend() {
        return SemanticTokensProvider.legend();
    }

    /**
     * Reads ahead what the first semantic-tokens request of the document needs and keeps it (the
     * words of its conditions and outputs, per text, and their source maps): on a document just
     * opened they are several milliseconds of work; afterwards only edited texts are new. Meant to
     * run once a document's diagnostics are out.
     */
    public void prepare(RulesDocument doc) {
        SemanticTokensProvider.prepare(doc, outputFields, conditions);
    }

    /** Empty tokens when the file is not part of the snapshot. */
    public SemanticTokens semanticTokens(WorkspaceSnapshot s, String uri) {
        RulesDocument doc = s.document(uri);
        if (doc == null) {
            return new SemanticTokens(List.of());
        }
        return SemanticTokensProvider.tokens(doc, s.merged().lists()::containsKey, outputFields, conditions);
    }

    public List<FoldingRange> foldingRanges(RulesDocument doc) {
        return FoldingRanges.of(doc);
    }

    public List<SelectionRange> selectionRanges(RulesDocument doc, List<TextPosition> positions) {
        return SelectionRanges.of(doc, positions, conditions);
    }

    /** {@code enabled} is the setting {@code falconer.references.codeLens}. */
    public List<CodeLens> referenceLenses(WorkspaceSnapshot s, String uri, boolean enabled) {
        return ReferenceLenses.lenses(s, uri, enabled);
    }

    /** A references lens with its count and command; {@code null} when the lens is not one. */
    public CodeLens resolveReferenceLens(CodeLens lens, WorkspaceSnapshot s, Locale locale) {
        return ReferenceLenses.resolve(lens, s, texts(locale));
    }

    public List<CodeAction> codeActions(WorkspaceSnapshot s, String uri, TextRange range, List<DiagnosticFix> diagnostics,
                                        List<String> only, Locale locale) {
        return CodeActions.actions(s, uri, range, diagnostics, only, catalog, conditions, texts(locale));
    }
}

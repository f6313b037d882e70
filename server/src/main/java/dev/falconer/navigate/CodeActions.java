package dev.falconer.navigate;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesItem;
import dev.falconer.text.TextRange;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.CodeAction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Code actions for a range: quick fixes for the diagnostics the client sends back (by their
 * stable codes), and the same structural fixes for the item under the range even without a
 * diagnostic (a missing required key, a legacy {@code append: true}, a list used without
 * parentheses), plus a source action that sets {@code required_engine_version} to what the
 * file's features need. Every fix is a {@code WorkspaceEdit} on this file that keeps it valid YAML.
 */
public final class CodeActions {
    /** Diagnostic codes whose fix is "replace with a suggested name" (suggestions in {@code data}). */
    public static final Set<String> SUGGESTION_CODES = Set.of("unknown-field", "unknown-macro", "unknown-list",
            "unknown-key", "invalid-priority", "unknown-source");
    public static final String MISSING_KEY = "missing-key";
    public static final String DEPRECATED_APPEND = "deprecated-append";
    public static final String LIST_NOT_PARENTHESIZED = "list-not-parenthesized";
    public static final Set<String> ENGINE_CODES = Set.of("newer-feature", "engine-version");

    private CodeActions() {
    }

    /**
     * @param only the kinds the client asked for ({@code CodeActionContext.only}); empty or {@code null} = all
     */
    public static List<CodeAction> actions(WorkspaceSnapshot snapshot, String uri, TextRange range,
                                           List<DiagnosticFix> diagnostics, List<String> only, FieldCatalog catalog,
                                           Function<String, ParsedCondition> parser, NavTexts texts) {
        RulesDocument doc = snapshot.document(uri);
        if (doc == null) {
            return List.of();
        }
        Predicate<String> isList = snapshot.merged().lists()::containsKey;
        List<CodeAction> out = new ArrayList<>();
        Set<String> keysOffered = new HashSet<>();
        boolean appendDone = false;
        boolean parensDone = false;
        boolean engineDone = false;
        for (DiagnosticFix d : diagnostics) {
            String code = d.code() == null ? "" : d.code();
            TextSpan span = doc.lineIndex().span(d.range());
            NamedItem item = namedAt(doc, span.start());
            if (!d.suggestions().isEmpty() || SUGGESTION_CODES.contains(code)) {
                out.addAll(SuggestionFix.actions(doc, d, texts));
            } else if (MISSING_KEY.equals(code) && item != null) {
                out.addAll(MissingKeyFix.actions(doc, item, d.lsp(), texts, keysOffered));
            } else if (DEPRECATED_APPEND.equals(code) && item != null) {
                addIfPresent(out, AppendToOverrideFix.action(doc, item, d.lsp(), texts));
                appendDone = true;
            } else if (LIST_NOT_PARENTHESIZED.equals(code)) {
                out.addAll(ListParenthesesFix.actions(doc, span, isList, parser, d.lsp(), texts));
                parensDone = true;
            } else if (ENGINE_CODES.contains(code)) {
                addIfPresent(out, EngineVersionFix.action(doc, catalog, parser, d.lsp(), texts));
                engineDone = true;
            }
            if (SourceFix.FIELD_CODES.contains(code) && item instanceof RuleItem rule) { // besides any "did you mean"
                addIfPresent(out, SourceFix.action(doc, rule, span, catalog, d.lsp(), texts));
            }
        }
        TextSpan span = doc.lineIndex().span(range);
        NamedItem item = namedAt(doc, span.start());
        if (item != null) {
            out.addAll(MissingKeyFix.actions(doc, item, null, texts, keysOffered)); // the keys no diagnostic asked for
        }
        if (item != null && !appendDone) {
            addIfPresent(out, AppendToOverrideFix.action(doc, item, null, texts));
        }
        if (!parensDone) {
            out.addAll(ListParenthesesFix.actions(doc, span, isList, parser, null, texts));
        }
        if (!engineDone) {
            addIfPresent(out, EngineVersionFix.action(doc, catalog, parser, null, texts));
        }
        if (only != null && !only.isEmpty()) {
            out.removeIf(a -> only.stream().noneMatch(k -> a.getKind().equals(k) || a.getKind().startsWith(k + ".")));
        }
        return out;
    }

    private static NamedItem namedAt(RulesDocument doc, int offset) {
        RulesItem item = doc.itemAt(offset);
        return item instanceof NamedItem n ? n : null;
    }

    private static void addIfPresent(List<CodeAction> out, CodeAction a) {
        if (a != null) {
            out.add(a);
        }
    }
}

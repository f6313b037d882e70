package dev.falconer.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.falconer.navigate.DiagnosticFix;
import dev.falconer.service.CompletionEntry;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.service.HoverResult;
import dev.falconer.workspace.WorkspaceSnapshot;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Conversions between LSP4J's protocol types and our models; nothing else. */
final class Lsp {
    static final String SOURCE = "falconer";
    /** Key of Falco's own code in a diagnostic's {@code data}. */
    static final String DATA_FALCO_CODE = "falcoCode";

    private Lsp() {
    }

    /** A request's position; a request without one is refused (LSP: InvalidParams). */
    static TextPosition position(Position p) {
        if (p == null) {
            throw missing("position");
        }
        return new TextPosition(p.getLine(), p.getCharacter());
    }

    /** A request's document; a request without one is refused (LSP: InvalidParams). */
    static String uri(org.eclipse.lsp4j.TextDocumentIdentifier document) {
        if (document == null || document.getUri() == null) {
            throw missing("textDocument.uri");
        }
        return document.getUri();
    }

    /** The refusal of a request whose parameters lack {@code what}. */
    private static org.eclipse.lsp4j.jsonrpc.ResponseErrorException missing(String what) {
        return new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(lacking(what));
    }

    /** The error answering a request whose parameters lack {@code what} (LSP: InvalidParams). */
    static org.eclipse.lsp4j.jsonrpc.messages.ResponseError lacking(String what) {
        return new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
                dev.falconer.service.Texts.of(ServerLog.BUNDLE, java.util.Locale.ENGLISH).get("params.missing", what), null);
    }

    static Position position(TextPosition p) {
        return new Position(p.line(), p.character());
    }

    static Range range(TextRange r) {
        return new Range(position(r.start()), position(r.end()));
    }

    /** A request's range; a request without one (or half of one) is refused (LSP: InvalidParams). */
    static TextRange range(Range r) {
        if (r == null) {
            throw missing("range");
        }
        return new TextRange(position(r.getStart()), position(r.getEnd()));
    }

    /** A request's positions; a request without them is refused (LSP: InvalidParams). */
    static List<TextPosition> positions(List<Position> positions) {
        if (positions == null) {
            throw missing("positions");
        }
        return positions.stream().map(Lsp::position).toList();
    }

    /** The changes of a didChange; {@code null} when one of them lacks its text or half its range. */
    static List<ContentChange> changes(List<TextDocumentContentChangeEvent> events) {
        if (events == null) {
            return null;
        }
        List<ContentChange> out = new ArrayList<>(events.size());
        for (TextDocumentContentChangeEvent e : events) {
            Range r = e == null ? null : e.getRange();
            if (e == null || e.getText() == null || r != null && (r.getStart() == null || r.getEnd() == null)) {
                return null;
            }
            out.add(r == null ? ContentChange.full(e.getText()) : new ContentChange(range(r), e.getText()));
        }
        return out;
    }

    static Diagnostic diagnostic(FalconerDiagnostic d) {
        Diagnostic out = new Diagnostic(range(d.range()), d.message(), severity(d), SOURCE, d.code());
        List<DiagnosticTag> tags = new ArrayList<>();
        if (d.unnecessary()) {
            tags.add(DiagnosticTag.Unnecessary);
        }
        if (d.deprecated()) {
            tags.add(DiagnosticTag.Deprecated);
        }
        if (!tags.isEmpty()) {
            out.setTags(tags);
        }
        if (!d.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (FalconerDiagnostic.Related r : d.related()) {
                related.add(new DiagnosticRelatedInformation(new Location(r.uri(), range(r.range())), r.message()));
            }
            out.setRelatedInformation(related);
        }
        JsonObject data = diagnosticData(d);
        if (data != null) {
            out.setData(data);
        }
        return out;
    }

    /**
     * {@code {"falcoCode": "LOAD_ERR_COMPILE_CONDITION", "suggestions": ["proc.name", …]}}, each key
     * only when there is a value; {@code null} when neither: what a client echoes back in
     * {@code codeAction}, so quick fixes need no second analysis.
     */
    private static JsonObject diagnosticData(FalconerDiagnostic d) {
        if (d.falcoCode() == null && d.suggestions().isEmpty()) {
            return null;
        }
        JsonObject data = new JsonObject();
        if (d.falcoCode() != null) {
            data.addProperty(DATA_FALCO_CODE, d.falcoCode());
        }
        if (!d.suggestions().isEmpty()) {
            JsonArray names = new JsonArray();
            d.suggestions().forEach(names::add);
            data.add(DiagnosticFix.DATA_SUGGESTIONS, names);
        }
        return data;
    }

    /**
     * At most this many items go into one answer. A term start offers 600+ fields and macros;
     * serialising them all costs more than the analysis. The most relevant ones are sent and the
     * list is marked incomplete, so the editor asks again as the user types a prefix.
     */
    static final int MAX_COMPLETION_ITEMS = 150;

    /** A completion answer: the most relevant entries (lowest sort text first), capped. */
    static CompletionList completionList(List<CompletionEntry> entries) {
        return completionList(entries, false, null);
    }

    static CompletionList completionList(List<CompletionEntry> entries, boolean documentationOnResolve) {
        return completionList(entries, documentationOnResolve, null);
    }

    /**
     * A completion answer: the most relevant entries (lowest sort text first), capped;
     * {@code documentationOnResolve}: the documentation of an entry that {@code completionItem/resolve}
     * documents is left to the resolve; {@code freeCursor}: the cursor when no word touches it
     * (see {@link #freeCursor}), else {@code null}.
     */
    static CompletionList completionList(List<CompletionEntry> entries, boolean documentationOnResolve,
            TextPosition freeCursor) {
        if (entries.size() <= MAX_COMPLETION_ITEMS) {
            return new CompletionList(false, completionItems(entries, documentationOnResolve, freeCursor));
        }
        // proposals that come in order (the hundreds at a new check): the sort is stable, so their
        // first ones are its result
        List<CompletionEntry> top = entries instanceof CompletionEntry.InOrder
                ? entries.subList(0, MAX_COMPLETION_ITEMS)
                : entries.stream().sorted(java.util.Comparator.comparing(CompletionEntry::sortText,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .limit(MAX_COMPLETION_ITEMS).toList();
        return new CompletionList(true, completionItems(top, documentationOnResolve, freeCursor));
    }

    /**
     * {@code at} when no word touches that cursor (on each side there is whitespace, a bracket, a
     * comma or the end of the line), else {@code null}. An item that inserts right there then needs
     * no text edit, as every editor inserts an item's text at such a cursor; the edit (a range of
     * two positions) was half the bytes of a 150-item answer.
     */
    static TextPosition freeCursor(RulesDocument doc, TextPosition at) {
        if (doc == null) {
            return null;
        }
        String text = doc.text();
        int offset = doc.lineIndex().offset(at);
        boolean free = offset >= 0 && offset <= text.length()
                && (offset == 0 || freeSide(text.charAt(offset - 1), "([,"))
                && (offset == text.length() || freeSide(text.charAt(offset), ")],"));
        return free ? at : null;
    }

    private static boolean freeSide(char c, String brackets) {
        return Character.isWhitespace(c) || brackets.indexOf(c) >= 0;
    }

    /**
     * With a word after the cursor ({@code tailEnd}: where it ends, or {@code null}), an item whose
     * edit replaces the half-typed word up to the cursor may replace the whole word: it gets an
     * {@code InsertReplaceEdit} (LSP 3.16) and the editor's setting picks which. Other items, and
     * every item without a word after the cursor, are left as they are.
     */
    static CompletionList withWordTail(CompletionList list, TextPosition cursor, TextPosition tailEnd) {
        if (tailEnd == null) {
            return list;
        }
        Position at = position(cursor);
        for (CompletionItem item : list.getItems()) {
            Either<TextEdit, InsertReplaceEdit> edit = item.getTextEdit();
            if (edit != null && edit.isLeft() && at.equals(edit.getLeft().getRange().getEnd())) {
                Range insert = edit.getLeft().getRange();
                item.setTextEdit(Either.forRight(new InsertReplaceEdit(edit.getLeft().getNewText(), insert,
                        new Range(insert.getStart(), position(tailEnd)))));
            }
        }
        return list;
    }

    /**
     * The list with its snippets as the plain text they stand for, for a client that takes none.
     * Items are copied, not changed: an answer's items may be kept for the next request.
     */
    static CompletionList withoutSnippets(CompletionList list) {
        if (list.getItems().stream().noneMatch(i -> i.getInsertTextFormat() == InsertTextFormat.Snippet)) {
            return list;
        }
        List<CompletionItem> items = new java.util.ArrayList<>(list.getItems().size());
        for (CompletionItem item : list.getItems()) {
            if (item.getInsertTextFormat() != InsertTextFormat.Snippet) {
                items.add(item);
                continue;
            }
            CompletionItem plain = copy(item);
            plain.setInsertTextFormat(null);
            if (item.getInsertText() != null) {
                plain.setInsertText(SnippetText.firstLine(SnippetText.plain(item.getInsertText())));
            }
            if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
                TextEdit e = item.getTextEdit().getLeft();
                plain.setTextEdit(Either.forLeft(new TextEdit(e.getRange(),
                        SnippetText.firstLine(SnippetText.plain(e.getNewText())))));
            }
            items.add(plain);
        }
        return new CompletionList(list.isIncomplete(), items);
    }

    /** The items of a completion answer; the most relevant (lowest sort text) one is preselected. */
    static List<CompletionItem> completionItems(List<CompletionEntry> entries) {
        return completionItems(entries, false, null);
    }

    private static List<CompletionItem> completionItems(List<CompletionEntry> entries, boolean documentationOnResolve,
            TextPosition freeCursor) {
        List<String> ranks = SortRanks.of(entries.stream().map(CompletionEntry::sortText).toList());
        List<CompletionItem> items = new java.util.ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            items.add(completionItem(entries.get(i), documentationOnResolve, freeCursor, ranks.get(i)));
        }
        items.stream().filter(i -> i.getSortText() != null)
                .min(java.util.Comparator.comparing(CompletionItem::getSortText))
                .ifPresent(top -> top.setPreselect(true));
        return items;
    }

    static CompletionItem completionItem(CompletionEntry e) {
        return completionItem(e, false, null, e.sortText());
    }

    private static CompletionItem completionItem(CompletionEntry e, boolean documentationOnResolve,
            TextPosition freeCursor, String sortText) {
        CompletionItem item = new CompletionItem(e.label());
        item.setKind(kind(e.kind()));
        item.setDetail(e.detail());
        if (e.documentation() != null && !(documentationOnResolve && e.resolve() != null)) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.documentation()));
        }
        if (freeCursor != null && freeCursor.equals(e.replace().start()) && freeCursor.equals(e.replace().end())) {
            if (!e.insertText().equals(e.label())) {
                item.setInsertText(e.insertText());
            }
        } else {
            item.setTextEdit(Either.forLeft(new TextEdit(range(e.replace()), e.insertText())));
        }
        // Plain text and filtering by the label are LSP's defaults: said only when otherwise, as the
        // answer to a term start carries 150 items.
        if (e.snippet()) {
            item.setInsertTextFormat(InsertTextFormat.Snippet);
        }
        item.setSortText(sortText);
        if (e.deprecated()) {
            item.setTags(List.of(CompletionItemTag.Deprecated));
        }
        if (e.resolve() != null) {
            item.setData(resolveData(e.resolve()));
        }
        return item;
    }

    static Hover hover(HoverResult h) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()), range(h.range()));
    }

    /** The hover for a client that takes no markdown (see {@link PlainText}). */
    static Hover plainHover(HoverResult h) {
        return new Hover(new MarkupContent(MarkupKind.PLAINTEXT, PlainText.of(h.markdown())), range(h.range()));
    }

    /** The list with its items' documentation as plain text; items are copied, as an answer may be kept. */
    static CompletionList withPlainDocumentation(CompletionList list) {
        if (list.getItems().stream().noneMatch(i -> i.getDocumentation() != null)) {
            return list;
        }
        List<CompletionItem> items = new java.util.ArrayList<>(list.getItems().size());
        for (CompletionItem item : list.getItems()) {
            items.add(item.getDocumentation() == null ? item : plainDocumentation(copy(item)));
        }
        return new CompletionList(list.isIncomplete(), items);
    }

    /** {@code item} with its markdown documentation as plain text (changed in place). */
    static CompletionItem plainDocumentation(CompletionItem item) {
        if (item.getDocumentation() != null && item.getDocumentation().isRight()
                && MarkupKind.MARKDOWN.equals(item.getDocumentation().getRight().getKind())) {
            item.setDocumentation(new MarkupContent(MarkupKind.PLAINTEXT,
                    PlainText.of(item.getDocumentation().getRight().getValue())));
        }
        return item;
    }

    private static CompletionItem copy(CompletionItem item) {
        CompletionItem c = new CompletionItem(item.getLabel());
        c.setKind(item.getKind());
        c.setDetail(item.getDetail());
        c.setDocumentation(item.getDocumentation());
        c.setSortText(item.getSortText());
        c.setPreselect(item.getPreselect());
        c.setTags(item.getTags());
        c.setData(item.getData());
        c.setInsertText(item.getInsertText());
        c.setInsertTextFormat(item.getInsertTextFormat());
        c.setTextEdit(item.getTextEdit());
        return c;
    }

    /** {@code completionItem/resolve}: the item with the full documentation of what it proposes. */
    static CompletionItem resolveCompletionItem(FalconerService service, CompletionItem item, WorkspaceSnapshot ws,
            FalconerSettings settings) {
        CompletionEntry.ResolveKey key = resolveKey(item);
        if (key != null) {
            service.documentation(key, ws, settings)
                    .ifPresent(md -> item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, md)));
        }
        return item;
    }

    /**
     * What an item's {@code data} carries for its resolve: {@code [kind, name]} or
     * {@code [kind, name, source]}, as an array (the data of 150 items was a fifth of an answer as
     * an object with named members).
     */
    private static JsonArray resolveData(CompletionEntry.ResolveKey key) {
        JsonArray data = new JsonArray(key.source() == null ? 2 : 3);
        data.add(key.kind());
        data.add(key.name());
        if (key.source() != null) {
            data.add(key.source());
        }
        return data;
    }

    /** The resolve key an item carries in its {@code data} (see {@link #resolveData}), or {@code null}. */
    static CompletionEntry.ResolveKey resolveKey(CompletionItem item) {
        if (!(item.getData() instanceof JsonArray data) || data.size() < 2 || data.size() > 3
                || !data.asList().stream().allMatch(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            return null;
        }
        return new CompletionEntry.ResolveKey(data.get(0).getAsString(), data.get(1).getAsString(),
                data.size() == 3 ? data.get(2).getAsString() : null);
    }

    private static CompletionItemKind kind(CompletionEntry.Kind k) {
        return switch (k) {
            case FIELD -> CompletionItemKind.Field;
            case MACRO -> CompletionItemKind.Function;
            case LIST -> CompletionItemKind.Enum;
            case OPERATOR, MODIFIER -> CompletionItemKind.Operator;
            case TRANSFORMER -> CompletionItemKind.Method;
            case KEYWORD -> CompletionItemKind.Keyword;
            case VALUE -> CompletionItemKind.Value;
            case EVENT_TYPE -> CompletionItemKind.EnumMember;
            case KEY -> CompletionItemKind.Property;
            case SNIPPET -> CompletionItemKind.Snippet;
        };
    }

    private static DiagnosticSeverity severity(FalconerDiagnostic d) {
        return switch (d.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT, OFF -> DiagnosticSeverity.Hint;
        };
    }
}

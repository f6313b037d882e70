package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.rules.RulesDocument;
import dev.falconer.service.CompletionEntry;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.junit.jupiter.api.Test;

class CompletionListTest {
    private static final dev.falconer.service.FalconerService SERVICE = new dev.falconer.service.FalconerService(
            dev.falconer.catalog.FieldCatalog.defaults(), dev.falconer.service.DiagnosticsProvider.none());

    /** A workspace of one file, {@code file:///w/r_rules.yaml}, holding {@code text}. */
    private static dev.falconer.workspace.WorkspaceSnapshot opened(String text) {
        RulesWorkspace files = new RulesWorkspace();
        files.open("file:///w/r_rules.yaml", 1, text);
        return files.snapshot();
    }

    static CompletionEntry entry(int rank) {
        return new CompletionEntry("item" + rank, CompletionEntry.Kind.FIELD, null, null, "item" + rank, false,
                TextRange.of(0, 0, 0, 0), String.format("%05d", rank), false, null);
    }

    @Test
    void smallAnswersAreCompleteAndKeepEveryEntry() {
        List<CompletionEntry> entries = IntStream.range(0, 20).mapToObj(CompletionListTest::entry).toList();
        CompletionList list = Lsp.completionList(entries);
        assertFalse(list.isIncomplete());
        assertEquals(20, list.getItems().size());
    }

    @Test
    void documentationThatResolveGivesIsLeftToResolveWhenTheClientResolvesIt() {
        CompletionEntry resolvable = new CompletionEntry("proc.name", CompletionEntry.Kind.FIELD, "CHARBUF", "short",
                "proc.name", false, TextRange.of(0, 0, 0, 0), "1", false,
                new CompletionEntry.ResolveKey("field", "proc.name", "syscall"));
        CompletionEntry keyword = new CompletionEntry("not", CompletionEntry.Kind.KEYWORD, null, "negates", "not",
                false, TextRange.of(0, 0, 0, 0), "2", false, null);
        List<CompletionItem> lazy = Lsp.completionList(List.of(resolvable, keyword), true).getItems();
        assertNull(lazy.get(0).getDocumentation());
        assertEquals("CHARBUF", lazy.get(0).getDetail());
        assertEquals("negates", lazy.get(1).getDocumentation().getRight().getValue());
        List<CompletionItem> eager = Lsp.completionList(List.of(resolvable, keyword), false).getItems();
        assertEquals("short", eager.get(0).getDocumentation().getRight().getValue());
        // everything else is the same item
        eager.get(0).setDocumentation((org.eclipse.lsp4j.MarkupContent) null);
        assertEquals(eager, lazy);
    }

    /** Capabilities whose completion item part is {@code item}. */
    private static org.eclipse.lsp4j.ClientCapabilities withCompletionItem(org.eclipse.lsp4j.CompletionItemCapabilities item) {
        org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
        org.eclipse.lsp4j.TextDocumentClientCapabilities text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
        text.setCompletion(new org.eclipse.lsp4j.CompletionCapabilities(item));
        caps.setTextDocument(text);
        return caps;
    }

    @Test
    void clientsThatResolveDocumentationOrInsertOrReplaceSayItInTheirCapabilities() {
        assertFalse(Capabilities.resolvesCompletionDocumentation(new org.eclipse.lsp4j.ClientCapabilities()));
        assertFalse(Capabilities.insertsOrReplaces(new org.eclipse.lsp4j.ClientCapabilities()));
        org.eclipse.lsp4j.CompletionItemCapabilities item = new org.eclipse.lsp4j.CompletionItemCapabilities();
        org.eclipse.lsp4j.ClientCapabilities caps = withCompletionItem(item);
        assertFalse(Capabilities.resolvesCompletionDocumentation(caps));
        assertFalse(Capabilities.insertsOrReplaces(caps));
        item.setInsertReplaceSupport(true);
        assertTrue(Capabilities.insertsOrReplaces(caps));
        item.setResolveSupport(new org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities(List.of("detail")));
        assertFalse(Capabilities.resolvesCompletionDocumentation(caps));
        item.setResolveSupport(new org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities(
                List.of("documentation", "detail")));
        assertTrue(Capabilities.resolvesCompletionDocumentation(caps));
    }

    /** {@code proc.na|me}: the field can replace the whole word, or only what is before the cursor. */
    @Test
    void aWordAfterTheCursorCanBeReplacedToItsEnd() {
        String text = "- rule: R\n  desc: d\n  condition: evt.type = execve and proc.name = bash\n"
                + "  output: o\n  priority: INFO\n";
        dev.falconer.workspace.WorkspaceSnapshot ws = opened(text);
        RulesDocument doc = ws.document("file:///w/r_rules.yaml");
        dev.falconer.service.FalconerService service = SERVICE;
        int cursor = text.indexOf("proc.na") + "proc.na".length();
        TextPosition at = doc.lineIndex().position(cursor);
        TextPosition tail = dev.falconer.service.WordTail.end(doc, at);
        assertEquals(doc.lineIndex().position(text.indexOf(" = bash")), tail);

        CompletionList list = Lsp.withWordTail(Lsp.completionList(service.complete(ws, "file:///w/r_rules.yaml", at,
                dev.falconer.service.FalconerSettings.defaults()), false, Lsp.freeCursor(doc, at)), at, tail);
        CompletionItem name = list.getItems().stream().filter(i -> i.getLabel().equals("proc.name")).findFirst()
                .orElseThrow();
        org.eclipse.lsp4j.InsertReplaceEdit edit = name.getTextEdit().getRight();
        assertEquals("proc.name", edit.getNewText());
        int start = text.indexOf("proc.na");
        assertEquals(Lsp.range(new TextRange(doc.lineIndex().position(start), at)), edit.getInsert());
        assertEquals(Lsp.range(new TextRange(doc.lineIndex().position(start), tail)), edit.getReplace());

        // nothing after the cursor but a blank: items keep their one range
        TextPosition end = doc.lineIndex().position(text.indexOf(" = bash"));
        assertNull(dev.falconer.service.WordTail.end(doc, end));
        CompletionList plain = Lsp.completionList(service.complete(ws, "file:///w/r_rules.yaml", end,
                dev.falconer.service.FalconerSettings.defaults()), false, Lsp.freeCursor(doc, end));
        assertEquals(plain, Lsp.withWordTail(plain, end, null));
        assertTrue(plain.getItems().stream().allMatch(i -> i.getTextEdit() == null || i.getTextEdit().isLeft()));
    }

    @Test
    void proposalsThatComeInOrderGiveTheAnswerTheSortWouldGive() {
        String text = "- macro: spawned\n  condition: evt.type = execve\n- rule: R\n  desc: d\n"
                + "  condition: spawned and \n  output: o\n  priority: INFO\n";
        dev.falconer.workspace.WorkspaceSnapshot ws = opened(text);
        dev.falconer.service.FalconerService service = SERVICE;
        TextPosition at = ws.document("file:///w/r_rules.yaml").lineIndex().position(text.indexOf("and ") + 4);
        List<CompletionEntry> inOrder = service.complete(ws, "file:///w/r_rules.yaml", at,
                dev.falconer.service.FalconerSettings.defaults());
        assertTrue(inOrder instanceof CompletionEntry.InOrder, "a new term's proposals come in order");
        assertTrue(inOrder.size() > Lsp.MAX_COMPLETION_ITEMS, "more than an answer holds: " + inOrder.size());
        List<CompletionEntry> shuffled = new ArrayList<>(inOrder);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        CompletionList taken = Lsp.completionList(inOrder, true, at);
        CompletionList sorted = Lsp.completionList(shuffled, true, at);
        assertEquals(sorted.getItems(), taken.getItems());
        assertEquals(sorted.isIncomplete(), taken.isIncomplete());
    }

    @Test
    void largeAnswersSendTheMostRelevantAndAskTheEditorToComeBack() {
        List<CompletionEntry> entries = new ArrayList<>(
                IntStream.range(0, 700).mapToObj(CompletionListTest::entry).toList());
        java.util.Collections.reverse(entries); // ranking comes from sortText, not from list order
        CompletionList list = Lsp.completionList(entries);
        assertTrue(list.isIncomplete());
        assertEquals(Lsp.MAX_COMPLETION_ITEMS, list.getItems().size());
        assertEquals("item0", list.getItems().get(0).getLabel());
        assertTrue(list.getItems().stream().map(CompletionItem::getLabel).noneMatch("item699"::equals));
        assertTrue(list.getItems().get(0).getPreselect());
    }

    @Test
    void anItemThatInsertsAtACursorNoWordTouchesCarriesNoEdit() {
        RulesWorkspace ws = new RulesWorkspace();
        String text = "- macro: m\n  condition: proc.name in (a, b) and \n";
        ws.open("file:///m.yaml", 1, text);
        RulesDocument doc = ws.snapshot().document("file:///m.yaml");
        TextPosition free = doc.lineIndex().position(text.indexOf("and ") + 4);
        TextPosition inParen = doc.lineIndex().position(text.indexOf("(a") + 1);
        TextPosition afterComma = doc.lineIndex().position(text.indexOf(", b") + 1);
        TextPosition inWord = doc.lineIndex().position(text.indexOf("name"));
        TextPosition wordAfter = doc.lineIndex().position(text.indexOf(" proc") + 1);
        assertEquals(free, Lsp.freeCursor(doc, free));
        assertEquals(afterComma, Lsp.freeCursor(doc, afterComma));
        assertNull(Lsp.freeCursor(doc, inParen)); // "a" follows
        assertNull(Lsp.freeCursor(doc, inWord));
        assertNull(Lsp.freeCursor(doc, wordAfter));

        CompletionEntry same = new CompletionEntry("not", CompletionEntry.Kind.KEYWORD, null, null, "not", false,
                new TextRange(free, free), "1", false, null);
        CompletionEntry snippet = new CompletionEntry("proc.aname", CompletionEntry.Kind.FIELD, null, null,
                "proc.aname[${1:1}]", true, new TextRange(free, free), "2", false, null);
        CompletionEntry elsewhere = new CompletionEntry("proc.name", CompletionEntry.Kind.FIELD, null, null,
                "proc.name", false, TextRange.of(free.line(), 0, free.line(), 2), "3", false, null);
        List<CompletionItem> items = Lsp.completionList(List.of(same, snippet, elsewhere), true, free).getItems();
        assertNull(items.get(0).getTextEdit());
        assertNull(items.get(0).getInsertText()); // the label is inserted
        assertNull(items.get(1).getTextEdit());
        assertEquals("proc.aname[${1:1}]", items.get(1).getInsertText());
        assertEquals("proc.name", items.get(2).getTextEdit().getLeft().getNewText());
        // where a word touches the cursor, every item keeps its edit
        assertTrue(Lsp.completionList(List.of(same, snippet), true, null).getItems().stream()
                .allMatch(i -> i.getTextEdit() != null && i.getInsertText() == null));
    }

    @Test
    void sortTextsAreShortRanksInTheEntriesOrder() {
        List<CompletionEntry> entries = new ArrayList<>(
                IntStream.range(0, 120).mapToObj(CompletionListTest::entry).toList());
        java.util.Collections.shuffle(entries, new java.util.Random(3));
        List<CompletionItem> items = Lsp.completionList(entries).getItems();
        List<String> byRank = items.stream().sorted(java.util.Comparator.comparing(CompletionItem::getSortText))
                .map(CompletionItem::getLabel).toList();
        assertEquals(IntStream.range(0, 120).mapToObj(i -> "item" + i).toList(), byRank);
        assertTrue(items.stream().allMatch(i -> i.getSortText().length() == 2));
    }

    @Test
    void theResolveKeyComesBackFromTheClientsCopyOfTheItem() {
        org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler json = new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(
                java.util.Map.of());
        for (CompletionEntry.ResolveKey key : List.of(new CompletionEntry.ResolveKey("field", "proc.name", null),
                new CompletionEntry.ResolveKey("macro", "spawned_process", "syscall"))) {
            CompletionEntry e = new CompletionEntry(key.name(), CompletionEntry.Kind.FIELD, null, null, key.name(),
                    false, TextRange.of(0, 0, 0, 0), "1", false, key);
            CompletionItem sent = Lsp.completionItem(e);
            CompletionItem back = json.getGson().fromJson(json.getGson().toJson(sent), CompletionItem.class);
            assertEquals(key, Lsp.resolveKey(back));
        }
        CompletionItem foreign = new CompletionItem("x");
        foreign.setData(new com.google.gson.JsonPrimitive("x"));
        assertNull(Lsp.resolveKey(foreign));
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.service.CompletionEntry;
import dev.falconer.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.junit.jupiter.api.Test;

class CompletionListTest {

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

    @Test
    void clientsThatResolveDocumentationSayItInTheirCapabilities() {
        org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
        assertFalse(Capabilities.resolvesCompletionDocumentation(caps));
        org.eclipse.lsp4j.CompletionItemCapabilities item = new org.eclipse.lsp4j.CompletionItemCapabilities();
        org.eclipse.lsp4j.TextDocumentClientCapabilities text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
        text.setCompletion(new org.eclipse.lsp4j.CompletionCapabilities(item));
        caps.setTextDocument(text);
        assertFalse(Capabilities.resolvesCompletionDocumentation(caps));
        item.setResolveSupport(new org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities(List.of("detail")));
        assertFalse(Capabilities.resolvesCompletionDocumentation(caps));
        item.setResolveSupport(new org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities(
                List.of("documentation", "detail")));
        assertTrue(Capabilities.resolvesCompletionDocumentation(caps));
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
}

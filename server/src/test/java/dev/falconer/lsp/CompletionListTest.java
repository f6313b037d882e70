package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

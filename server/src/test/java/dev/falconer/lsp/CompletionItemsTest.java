package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.service.CompletionEntry;
import dev.falconer.text.TextRange;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

class CompletionItemsTest {

    private static CompletionEntry entry(String label, String sort) {
        return new CompletionEntry(label, CompletionEntry.Kind.FIELD, null, null, label, false, TextRange.of(0, 0, 0, 0),
                sort, false, null);
    }

    @Test
    void theMostRelevantItemIsPreselectedAndOnlyIt() {
        List<CompletionItem> items = Lsp.completionItems(List.of(entry("proc.aargs", "29_proc.aargs"),
                entry("proc.name", "20_proc.name"), entry("proc.cmdline", "21_proc.cmdline")));
        assertEquals(List.of("proc.name"), items.stream().filter(i -> Boolean.TRUE.equals(i.getPreselect()))
                .map(CompletionItem::getLabel).toList());
        assertEquals(List.of(), Lsp.completionItems(List.of()));
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.junit.jupiter.api.Test;

/** Our markdown for a client that takes plain text only (LSP 3.17 contentFormat / documentationFormat; QA round 20). */
class PlainTextTest {

    @Test
    void boldCodeLinksAndQuotesAreWrittenAsText() {
        assertEquals("proc.name · field\n\nThe name of `x` is shown by spawned.\n\nNot available here.",
                PlainText.of("**`proc.name`** · field\n\nThe name of ``` `x` ``` is shown by [`spawned`](command:falconer.explain?%5B%5D).\n\n> Not available here."));
        assertEquals("a * b and *.sh", PlainText.of("a * b and *.sh"), "a glob's star is no emphasis");
        assertEquals("<img> [a](b) *c*", PlainText.of("\\<img\\> \\[a\\](b) \\*c\\*"), "escapes are markdown's");
    }

    @Test
    void onlyAClientThatNamesItsFormatsWithoutMarkdownGetsPlainText() {
        ClientCapabilities plain = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setHover(new HoverCapabilities(List.of(MarkupKind.PLAINTEXT), false));
        CompletionCapabilities completion = new CompletionCapabilities();
        CompletionItemCapabilities item = new CompletionItemCapabilities();
        item.setDocumentationFormat(List.of(MarkupKind.PLAINTEXT));
        completion.setCompletionItem(item);
        text.setCompletion(completion);
        plain.setTextDocument(text);
        assertFalse(Capabilities.hoverTakesMarkdown(plain));
        assertFalse(Capabilities.completionTakesMarkdown(plain));
        assertTrue(Capabilities.hoverTakesMarkdown(new ClientCapabilities()), "a client that says nothing");
        CompletionItem documented = new CompletionItem("proc.name");
        documented.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "**`proc.name`**"));
        CompletionList list = Lsp.withPlainDocumentation(new CompletionList(false, List.of(documented)));
        assertEquals(new MarkupContent(MarkupKind.PLAINTEXT, "proc.name"), list.getItems().get(0).getDocumentation().getRight());
        assertEquals(MarkupKind.MARKDOWN, documented.getDocumentation().getRight().getKind(), "the kept item is left as it was");
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class SnippetTextTest {

    @Test
    void tabStopsVanishPlaceholdersLeaveTheirDefaultAndChoicesTheirFirstOption() {
        assertEquals("startswith oneof", SnippetText.plain("startswith ${1|oneof,anyof,allof|}"));
        assertEquals("- rule: \n  desc: ", SnippetText.plain("- rule: ${1}\n  desc: $2$0"));
        assertEquals("condition: proc.name = x", SnippetText.plain("condition: ${1:proc.name = ${2:x}}"));
        assertEquals("items: []", SnippetText.plain("items: [${1}]"));
        assertEquals("cost: $5 {a} \\", SnippetText.plain("cost: \\$5 {a\\} \\\\"));
        assertEquals("a,b", SnippetText.plain("${1|a\\,b,c|}"));
        assertEquals("a $", SnippetText.plain("a $"));
    }

    @Test
    void aTemplateOfSeveralLinesKeepsItsFirst() {
        assertEquals("- macro: ", SnippetText.firstLine(SnippetText.plain("- macro: ${1}\n  condition: ${2}")));
        assertEquals("in (shells)", SnippetText.firstLine("in (shells)"));
    }

    /** A client without snippet support gets the text a snippet stands for, as plain text. */
    @Test
    void aListWithoutSnippetsCarriesTheirPlainText() {
        CompletionItem snippet = new CompletionItem("startswith");
        snippet.setInsertTextFormat(InsertTextFormat.Snippet);
        snippet.setTextEdit(Either.forLeft(new TextEdit(new Range(new Position(1, 2), new Position(1, 4)),
                "startswith ${1|oneof,anyof,allof|}")));
        CompletionItem plain = new CompletionItem("in");
        CompletionList list = Lsp.withoutSnippets(new CompletionList(false, List.of(snippet, plain)));
        CompletionItem converted = list.getItems().get(0);
        assertNull(converted.getInsertTextFormat());
        assertEquals("startswith oneof", converted.getTextEdit().getLeft().getNewText());
        assertEquals(new Range(new Position(1, 2), new Position(1, 4)), converted.getTextEdit().getLeft().getRange());
        assertSame(plain, list.getItems().get(1));
        assertEquals(InsertTextFormat.Snippet, snippet.getInsertTextFormat(), "the kept item is left as it was");
        CompletionList none = new CompletionList(true, List.of(plain));
        assertSame(none, Lsp.withoutSnippets(none));
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.CompletionEntry;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

class KeptCompletionsTest {
    private static final FalconerService SERVICE =
            new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());
    private static final Gson GSON = AnswerJson.codec().getGson();
    private static final String URI = "file:///rules/kept_rules.yaml";
    /** Two rules of the same source, each with a new term at a free cursor ({@code |}), and a word being typed ({@code ^}). */
    private static final String TEXT = """
            - macro: spawned
              condition: evt.type = execve
            - rule: one
              desc: d
              condition: spawned and | proc.name = sh
              output: "%proc.name"
              priority: INFO
            - rule: two
              desc: d
              condition: spawned and | proc.name = bash and p^
              output: "%proc.name"
              priority: INFO
            """;

    private final WorkspaceSnapshot snapshot;
    private final RulesDocument doc;

    KeptCompletionsTest() {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, TEXT.replace("|", " ").replace("^", ""));
        snapshot = ws.snapshot();
        doc = snapshot.document(URI);
    }

    private TextPosition at(String marker, int nth) {
        int offset = -1;
        for (int i = 0; i <= nth; i++) {
            offset = TEXT.indexOf(marker, offset + 1);
        }
        String before = TEXT.substring(0, offset).replace("|", " ").replace("^", "");
        return doc.lineIndex().position(before.length());
    }

    private CompletionList answer(KeptCompletions kept, TextPosition at, boolean documentationOnResolve) {
        List<CompletionEntry> entries = SERVICE.complete(snapshot, URI, at, FalconerSettings.defaults());
        return kept.completionList(entries, documentationOnResolve, Lsp.freeCursor(doc, at));
    }

    private String uncached(TextPosition at, boolean documentationOnResolve) {
        List<CompletionEntry> entries = SERVICE.complete(snapshot, URI, at, FalconerSettings.defaults());
        return GSON.toJson(Lsp.completionList(entries, documentationOnResolve, Lsp.freeCursor(doc, at)));
    }

    /** Every new term of the same context at a free cursor gets the same items, written once. */
    @Test
    void newTermsOfOneContextShareTheirAnswer() {
        KeptCompletions kept = new KeptCompletions();
        TextPosition first = at("|", 0);
        TextPosition second = at("|", 1);
        CompletionList one = answer(kept, first, true);
        CompletionList two = answer(kept, second, true);
        assertTrue(one.isIncomplete());
        assertTrue(one.getItems() instanceof RememberedList, "kept: " + one.getItems().getClass());
        assertSame(one.getItems(), two.getItems());
        // the same text as the answer made afresh, at either place
        assertEquals(uncached(first, true), GSON.toJson(one));
        assertEquals(uncached(second, true), GSON.toJson(two));
        // the items of a client that wants documentation at once are others
        CompletionList eager = answer(kept, first, false);
        assertNotSame(one.getItems(), eager.getItems());
        assertEquals(uncached(first, false), GSON.toJson(eager));
    }

    /** On the wire, as the connection writes answers: the same bytes as the answer made afresh. */
    @Test
    void theKeptAnswerIsWrittenAsTheFreshOne() {
        KeptCompletions kept = new KeptCompletions();
        TextPosition first = at("|", 0);
        answer(kept, first, true); // the second answer is the kept one
        List<CompletionEntry> entries = SERVICE.complete(snapshot, URI, first, FalconerSettings.defaults());
        CompletionList fresh = Lsp.completionList(entries, true, Lsp.freeCursor(doc, first));
        CompletionList again = answer(kept, first, true);
        assertTrue(again instanceof RememberedCompletionList);
        MessageJsonHandler json = AnswerJson.codec();
        String wire = written(again, json);
        assertEquals(written(fresh, json), wire);
        // what goes out is the kept text: an item changed after it was written does not show
        again.getItems().get(0).setLabel("changed");
        assertEquals(wire, written(again, json));
    }

    private static String written(CompletionList list, MessageJsonHandler json) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage response = new org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage();
        response.setId(7);
        response.setResult(org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(list));
        new MessageWriter(out, () -> json).consume(response);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The answer prepared from what the service prepared once a document's diagnostics are out:
     * a rule's first new term finds its items made and their text written, by the connection's
     * codec, and sends the same bytes as the answer made afresh.
     */
    @Test
    void aPreparedAnswerIsTheOneTheFirstNewTermGets() {
        KeptCompletions kept = new KeptCompletions();
        MessageJsonHandler json = AnswerJson.codec();
        List<List<CompletionEntry>> prepared = SERVICE.prepare(snapshot, FalconerSettings.defaults().locale());
        assertEquals(2, prepared.size(), "a rule's proposals and a macro's");
        List<RememberedList<CompletionItem>> made = new java.util.ArrayList<>();
        for (List<CompletionEntry> entries : prepared) {
            made.add(kept.prepare(entries, true, json.getGson()));
        }
        assertTrue(made.get(0).writtenWith(json.getGson()), "written ahead by the connection's codec");
        assertFalse(made.get(0).writtenWith(GSON), "another codec writes its own");
        TextPosition first = at("|", 0);
        CompletionList answer = answer(kept, first, true);
        assertTrue(answer instanceof RememberedCompletionList, answer.getClass().toString());
        assertSame(made.get(0), ((RememberedCompletionList) answer).remembered(), "a rule's: the prepared items");
        assertEquals(written(Lsp.completionList(SERVICE.complete(snapshot, URI, first, FalconerSettings.defaults()), true,
                Lsp.freeCursor(doc, first)), json), written(answer, json));
    }

    /** Proposals not placed at a free cursor, or few enough to list whole, are not kept ahead. */
    @Test
    void onlyAKeptListAtAFreeCursorIsPrepared() {
        KeptCompletions kept = new KeptCompletions();
        TextPosition word = at("^", 0);
        List<CompletionEntry> typed = SERVICE.complete(snapshot, URI, word, FalconerSettings.defaults());
        assertNull(kept.prepare(typed, true, GSON));
        CompletionList answer = kept.completionList(typed, true, Lsp.freeCursor(doc, word));
        assertFalse(answer instanceof RememberedCompletionList, "a word being typed: made per answer");
    }

    /** A word being typed: the items replace it (a text edit each), so they are made per answer. */
    @Test
    void aWordBeingTypedIsAnsweredAfresh() {
        KeptCompletions kept = new KeptCompletions();
        TextPosition typing = at("^", 0);
        CompletionList one = answer(kept, typing, true);
        CompletionList two = answer(kept, typing, true);
        assertFalse(one.getItems() instanceof RememberedList);
        assertNotSame(one.getItems(), two.getItems());
        assertEquals(uncached(typing, true), GSON.toJson(one));
    }

    /** At most {@link KeptCompletions#KEPT} answers are kept: the oldest goes first. */
    @Test
    void onlyTheLatestAnswersAreKept() {
        KeptCompletions kept = new KeptCompletions();
        TextPosition first = at("|", 0);
        CompletionList one = answer(kept, first, true);
        // other kept lists: the same proposals under other identities (as after a macro's rename)
        for (int i = 0; i < KeptCompletions.KEPT; i++) {
            List<CompletionEntry> entries = SERVICE.complete(snapshot, URI, first, FalconerSettings.defaults());
            CompletionEntry.Placed placed = (CompletionEntry.Placed) entries;
            List<CompletionEntry> copy = new OtherKept(entries, placed.range());
            kept.completionList(copy, true, Lsp.freeCursor(doc, first));
        }
        assertNotSame(one.getItems(), answer(kept, first, true).getItems());
    }

    /** The same entries as another kept list. */
    private static final class OtherKept extends java.util.AbstractList<CompletionEntry> implements CompletionEntry.Placed {
        private final List<CompletionEntry> entries;
        private final dev.falconer.text.TextRange range;

        OtherKept(List<CompletionEntry> entries, dev.falconer.text.TextRange range) {
            this.entries = entries;
            this.range = range;
        }

        @Override
        public CompletionEntry get(int index) {
            return entries.get(index);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public Object kept() {
            return this;
        }

        @Override
        public dev.falconer.text.TextRange range() {
            return range;
        }
    }
}

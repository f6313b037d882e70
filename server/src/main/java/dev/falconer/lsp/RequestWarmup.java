package dev.falconer.lsp;

import dev.falconer.navigate.Navigator;
import dev.falconer.navigate.TokenType;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.CompletionEntry;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.ObjIntConsumer;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The request half of the warm-up: the requests an editor sends while the user reads and types
 * (hover, completion and its resolve, symbols, code lenses and their resolve, semantic tokens),
 * each read from its JSON-RPC frame and answered into one, as LSP4J does on the wire. The server
 * runs C1 only: a method is compiled after a number of calls (~200 at the JVM's default
 * thresholds, ~60 at the server's, see {@link Warmup#SCALE}), and until then the first hovers and
 * lists of a session are several times slower than the rest. Run on the warm-up sample, so the
 * editor's first requests find compiled code. The counts below are at default thresholds; each
 * runs {@link Warmup#rounds} times.
 */
final class RequestWarmup {
    /**
     * How many times each part runs, at default thresholds (each runs {@link Warmup#rounds} times).
     * {@code hovers}: hover frames, enough calls for the per-request code to be compiled.
     * {@code rounds}: rounds of every other request (the per-item code of symbols, tokens, lenses
     * and completion items runs many times per round). {@code viewRounds}: rounds of the views alone
     * (symbols, tokens, lenses) after those: their per-request code runs once per request, and with
     * too few the first answer of every new document version ran interpreted (2-4 ms more per
     * view); these rounds read no request frame: reading one is the same code for every method,
     * compiled by then, and LSP4J's reader allocates ~30 KB of buffers per frame (22 MB over 200
     * rounds).
     */
    record Counts(int hovers, int rounds, int viewRounds) {
    }

    /**
     * The warm-up's. With 300 hovers and fields and macros at 3 and 2 turns, the sample's fields got
     * 61 hovers and its macros 34, at or under C1's threshold (60 at the server's scale): the field
     * and macro hover paths were then compiled during lspprobe's first hovers (53 compilations in
     * its 120 hovers of one session; 18 with 600 hovers at 6 and 6 turns, 139 field and 112 macro
     * hovers). Alternated, 16 pairs of 3-rep sessions: hovers over 1 ms 1,411 -> 916 of 5,760.
     */
    static final Counts FULL = new Counts(600, 40, 200);
    /**
     * Every request once, early in the warm-up: what a session's first request of each kind pays
     * once (classes, type adapters, the proposal lists) is then paid even when the user's first
     * hover stops the warm-up before its full pass (see {@link FalconerLanguageServer#userAsked}).
     */
    static final Counts ONCE = new Counts(0, 0, 0);
    /** Turns of the fields and of the macros per round of {@link #hoverOrder} (every other kind of token: one). */
    static final int FIELD_SHARE = 6;
    static final int MACRO_SHARE = 6;
    /** Text after which {@link #typedPositions} completes. */
    private static final List<String> TYPED_AFTER = List.of("and ", "proc.", "in (", "priority: ");

    private final FalconerService service;
    private final Navigator navigator;
    private final MessageJsonHandler json;
    /** Real work waits or runs: each step waits for it (see {@link Warmup#waitWhile}). */
    private final BooleanSupplier busy;
    private final MessageWriter writer;
    private final RequestFrames frames = new RequestFrames();
    private final KeptCompletions kept = new KeptCompletions();

    private RequestWarmup(FalconerService service, MessageJsonHandler json, BooleanSupplier busy) {
        this.service = service;
        this.busy = busy;
        this.navigator = new Navigator(service.catalog());
        this.json = json;
        this.writer = new MessageWriter(OutputStream.nullOutputStream(), () -> json); // written, then dropped
    }

    /**
     * Runs the requests on {@code uri} of {@code snapshot} (the warm-up sample) through
     * {@code wire}, the connection's own JSON codec when there is one: its type adapters are built
     * per type on first use, which is then not the editor's first request of each kind.
     */
    static boolean exercise(FalconerService service, WorkspaceSnapshot snapshot, String uri, MessageJsonHandler wire,
            BooleanSupplier busy, Counts counts) {
        MessageJsonHandler json = wire != null ? wire : AnswerJson.codec();
        return new RequestWarmup(service, json, busy).run(snapshot, uri, counts);
    }

    /** False when stopped (interrupted) or without a document to run on. */
    private boolean run(WorkspaceSnapshot ws, String uri, Counts counts) {
        RulesDocument doc = ws.document(uri);
        if (doc == null) {
            return false;
        }
        FalconerSettings settings = FalconerSettings.defaults();
        String text = doc.text();
        List<TextPosition> words = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i)) && !Character.isLetter(text.charAt(i - 1))) {
                words.add(doc.lineIndex().position(i + 1));
            }
        }
        List<TextPosition> terms = hoverOrder(navigator.semanticTokens(ws, uri).getData());
        if (words.isEmpty() || terms.isEmpty()) {
            return false;
        }
        List<TextPosition> typed = typedPositions(doc);
        // First an edit's notification: reading it loads VersionedTextDocumentIdentifier, a subclass
        // of the TextDocumentIdentifier every request carries. Loaded later, at the user's first
        // keystroke, it made the JVM throw away the compiled handlers of hover, completion and the
        // views (their code assumed the class had no subclass), and the first requests after that
        // keystroke ran interpreted again.
        receive(RequestFrames.notification("textDocument/didChange", "{\"textDocument\":{\"uri\":"
                + RequestFrames.quote(uri)
                + ",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},"
                + "\"end\":{\"line\":0,\"character\":0}},\"text\":\" \"}]}"));
        for (int i = 0; i < typed.size(); i++) {
            if (!Warmup.waitWhile(busy)) {
                return false;
            }
            // once each: the proposals of a new term are hundreds of entries (garbage for the collector)
            TextPosition typedAt = typed.get(i);
            // with the context editors send (its type adapters are built on first use)
            receive(frames.position("textDocument/completion", uri, typedAt,
                    i % 2 == 0 ? ",\"context\":{\"triggerKind\":1}"
                            : ",\"context\":{\"triggerKind\":2,\"triggerCharacter\":\".\"}"));
            // through kept answers, as the handler's: a new term's are kept with their JSON text
            answer(kept.completionList(service.complete(ws, uri, typedAt, settings), true,
                    Lsp.freeCursor(doc, typedAt)));
        }
        for (int round = 0, rounds = Warmup.rounds(counts.rounds()); round < rounds; round++) {
            if (!Warmup.waitWhile(busy)) {
                return false;
            }
            TextPosition at = words.get(round * 7 % words.size());
            receive(frames.position("textDocument/completion", uri, at));
            List<CompletionEntry> entries = service.complete(ws, uri, at, settings);
            answer(Lsp.completionList(entries, true, Lsp.freeCursor(doc, at)));
            for (CompletionEntry e : entries.subList(0, Math.min(3, entries.size()))) {
                CompletionItem item = Lsp.completionItem(e);
                Message parsed = receive(frames.request("completionItem/resolve", json.getGson().toJson(item)));
                if (parsed instanceof RequestMessage r && r.getParams() instanceof CompletionItem asked
                        && Lsp.resolveKey(asked) != null) {
                    answer(Lsp.resolveCompletionItem(service, asked, ws, settings));
                }
            }
            List<CodeLens> listed = views(ws, doc, uri, settings, true);
            CodeLenses lenses = CodeLenses.of(() -> service, () -> navigator, new LastAnswers());
            for (CodeLens lens : listed) {
                if (lens.getCommand() == null && receive(frames.request("codeLens/resolve", json.getGson().toJson(lens)))
                        instanceof RequestMessage r && r.getParams() instanceof CodeLens asked) {
                    answer(lenses.resolve(asked, ws, settings));
                }
            }
        }
        for (int round = 0, rounds = Warmup.rounds(counts.viewRounds()); round < rounds; round++) {
            if (!Warmup.waitWhile(busy)) {
                return false;
            }
            views(ws, doc, uri, settings, false);
        }
        // The hovers last: C1 refuses to queue a method whose calls it is told of while its queue is
        // long, and the queue is shortest at the end, once the views' rounds compile nothing new
        // (lspprobe, the compile log against the requests: the hover path's methods compiled during
        // the first 40 hovers of a session, 3 runs each, 50-58 -> 36-46).
        for (int i = 0, hovers = Warmup.rounds(counts.hovers()); i < hovers; i++) {
            if (!Warmup.waitWhile(busy)) {
                return false;
            }
            TextPosition at = terms.get(i % terms.size());
            receive(frames.position("textDocument/hover", uri, at));
            answer(service.hover(ws, uri, at, settings).map(Lsp::hover).orElse(null));
        }
        return true;
    }

    /**
     * Symbols, semantic tokens and code lenses of {@code uri}, each computed afresh and written; the
     * lenses listed. {@code framed}: each request is first read from its frame.
     */
    private List<CodeLens> views(WorkspaceSnapshot ws, RulesDocument doc, String uri, FalconerSettings settings,
            boolean framed) {
        if (framed) {
            receive(frames.document("textDocument/documentSymbol", uri));
        }
        answer(RememberedList.of(NavigationRequests.symbols(navigator, doc, settings.locale())));
        if (framed) {
            receive(frames.document("textDocument/semanticTokens/full", uri));
        }
        answer(RememberedTokens.of(navigator.semanticTokens(ws, uri)));
        if (framed) {
            receive(frames.document("textDocument/codeLens", uri));
        }
        List<CodeLens> listed = CodeLenses.of(() -> service, () -> navigator, new LastAnswers()).lenses(ws, uri, settings);
        answer(listed);
        return listed;
    }

    /**
     * Where the warm-up hovers: inside each semantic token ({@code data} as LSP encodes it, five
     * numbers per token, relative to the one before), the fields, macros, lists, operators and
     * values of the conditions and the output fields, which is what users hover (hovers on any word
     * spent most of their calls on keys and prose). The kinds of token in turn, each cycling
     * through its own tokens, with fields {@link #FIELD_SHARE} turns and macros
     * {@link #MACRO_SHARE} turns per round: fields and macros are what users hover most. In file
     * order the sample's two macro references got ~6 of the 180 hovers, and the code of a macro's
     * hover (its expansion, where it is defined) ran interpreted through lspprobe's first macro
     * hovers (0.3-0.6 ms of server time each, against 0.2 for a field).
     */
    static List<TextPosition> hoverOrder(List<Integer> data) {
        Map<Integer, List<TextPosition>> byType = new TreeMap<>();
        forEachToken(data, (at, type) -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(at));
        List<Integer> turns = new ArrayList<>();
        for (int type : byType.keySet()) {
            int share = type == TokenType.PROPERTY.ordinal() ? FIELD_SHARE
                    : type == TokenType.MACRO.ordinal() ? MACRO_SHARE : 1;
            for (int i = 0; i < share; i++) {
                turns.add(type);
            }
        }
        int longest = byType.values().stream().mapToInt(List::size).max().orElse(0);
        List<TextPosition> out = new ArrayList<>();
        Map<Integer, Integer> next = new HashMap<>();
        for (int round = 0; round < longest; round++) {
            for (int type : turns) {
                List<TextPosition> of = byType.get(type);
                int taken = next.merge(type, 1, Integer::sum) - 1;
                out.add(of.get(taken % of.size()));
            }
        }
        return out;
    }

    /** Each token of {@code data}: one character into it (into a one-character token, on it), and its type. */
    private static void forEachToken(List<Integer> data, ObjIntConsumer<TextPosition> each) {
        int line = 0;
        int character = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            int deltaLine = data.get(i);
            line += deltaLine;
            character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
            each.accept(new TextPosition(line, character + Math.min(1, data.get(i + 2) - 1)), data.get(i + 3));
        }
    }

    /**
     * Where editors ask for completion while typing: a new term after {@code and} (every field of
     * the source, in a rule and in a macro: the field proposals for an empty word are built once
     * per source and kept), after {@code proc.}, inside {@code in (} and after {@code priority: }.
     * The first and the last place of each in the sample (a macro's and a rule's): the proposals
     * are lists of hundreds of entries whose per-entry code is compiled within one list, and every
     * other place cost ~0.5 MB of garbage for nothing (measured with {@code WarmupCost}).
     */
    private static List<TextPosition> typedPositions(RulesDocument doc) {
        List<TextPosition> out = new ArrayList<>();
        String text = doc.text();
        for (String after : TYPED_AFTER) {
            int first = text.indexOf(after);
            int last = text.lastIndexOf(after);
            if (first >= 0) {
                out.add(doc.lineIndex().position(first + after.length()));
            }
            if (last > first) {
                out.add(doc.lineIndex().position(last + after.length()));
            }
        }
        return out;
    }

    /** Reads one frame as the server's reader thread does. */
    private Message receive(String frame) {
        Message[] got = new Message[1];
        RequestFrames.read(frame, json, m -> got[0] = m);
        return got[0];
    }

    /** Writes the answer as the server's endpoint does. */
    private void answer(Object result) {
        ResponseMessage response = new ResponseMessage();
        response.setId(frames.lastId());
        response.setResult(result);
        writer.consume(response);
    }
}

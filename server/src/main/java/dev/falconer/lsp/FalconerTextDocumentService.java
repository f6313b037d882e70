package dev.falconer.lsp;

import dev.falconer.check.DiagnosticCode;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.CompletionEntry;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.service.LoadStepErrors;
import dev.falconer.service.WordTail;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document synchronisation and the per-document requests. Edits go into the workspace on the
 * JSON-RPC reader thread (they must stay in order and are cheap: parsing is lazy and
 * incremental); requests and diagnostics run elsewhere.
 */
final class FalconerTextDocumentService implements TextDocumentService {
    private final FalconerLanguageServer server;
    /**
     * Files checked ahead of being opened (see {@link #precheck}): a few compile the check code
     * and cover a small workspace such as the official rules; more would only fill the per-unit
     * cache of a large workspace with files that may never be opened.
     */
    private static final int PRECHECKED_FILES = 3;
    /**
     * How long finding and re-checking the other open files that use what an edit changed waits
     * for the next keystroke. Those files are not the one being typed in; checked at once, their
     * run competed with the completion or hover the editor asks for right after the edited file's
     * diagnostics (the official rules: a macro edit re-checks the sandbox file, ~5 ms on the other
     * core), and the next keystroke made it stale anyway. In a large document, finding them waits
     * as long (see {@link #DEFERRED_COMPARISON_MIN_CHARS}).
     */
    static final long DEPENDENTS_DELAY_MS = 150;
    /**
     * How long the re-check of an open file for its suggestions alone (see {@link #unknownNames})
     * waits for the next keystroke: while a name is typed elsewhere each keystroke changes them,
     * and in a 10 MB buffer each re-check waited for that buffer's analysis, which the buffer's
     * own diagnostics then waited for.
     */
    static final long SUGGESTIONS_DELAY_MS = 500;
    /** The largest document whose hovers and completions are answered on the reader thread (the official files: 64-95 kB). */
    static final int ON_READER_MAX_CHARS = 256 * 1024;
    /**
     * The largest text parsed when opened, on the reader thread; a larger one is parsed on a
     * thread of its own while requests go on (a 10 MB YAML list held every request 13 s).
     */
    static final int PARSED_ON_OPEN_MAX_CHARS = RulesWorkspace.LARGE_TEXT;
    /**
     * Changes closer together than this are a burst (see {@link #documentChanged}): a client
     * sending a paste character by character sends them microseconds apart, while lspprobe, which
     * sends its next edit as soon as the last one's diagnostics arrive, sends them 2-5 ms apart
     * (with 5 ms here, its edits waited for a burst: p50 2.7-3.4 -> 7.1 ms).
     */
    static final long BURST_GAP_MS = 1;
    /** How long a run waits for the next change of a burst. */
    static final long BURST_DELAY_MS = 2;
    /** When the last change came ({@link System#nanoTime}); written by the reader thread only. */
    private long lastChange = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

    /** URIs of open buffers, the documents diagnostics are published for. */
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    /** Open URIs whose macros were explained ahead (see {@link FalconerService#explainAhead}). */
    private final Set<String> explainedAhead = ConcurrentHashMap.newKeySet();
    /**
     * Open URIs whose latest diagnostics name an unknown macro or list: the names they suggest
     * ("did you mean") are the closest of all defined, so they are checked again when a name
     * comes or goes anywhere.
     */
    private final Set<String> unknownNames = ConcurrentHashMap.newKeySet();
    /** The codes of {@link #unknownNames}. */
    private static final Set<String> UNKNOWN_NAME_CODES = Set.of(DiagnosticCode.UNKNOWN_MACRO.id(),
            DiagnosticCode.UNKNOWN_LIST.id());
    /**
     * Per document whose comparison waits, the other documents checked meanwhile: they saw a
     * version between the two compared, which the comparison cannot see (an edit and its undo
     * within the wait compare equal), so they are checked again with it (QA: a file checked
     * between a rename and its undo kept "Undefined macro" for good).
     */
    private final Map<String, Set<String>> checkedMidway = new ConcurrentHashMap<>();
    /**
     * The smallest document whose comparison (see {@link #scheduleDependents}) waits for a pause in
     * the typing. A 10 MB buffer's took longer than the gap between keystrokes and ran beside every
     * analysis (LargeBufferTyping: the 150th keystroke's diagnostics 5.4 -> 2.2 s deferred). The
     * official files' take 0.1-6 ms, and deferred they gained nothing in lspprobe (ten pairs: edit
     * p50 0.98 / 1.02, CPU 0.99) while the first edit after an opening slowed (p50 5.1 -> 11.2 ms;
     * not traced: run at once, the comparison may build part of the new snapshot on the other core).
     */
    static final int DEFERRED_COMPARISON_MIN_CHARS = ON_READER_MAX_CHARS;
    /**
     * How long the search for load errors before the last file waits after a file's diagnostics
     * (it is rescheduled by each): it checks the files before each such step afresh, too much for
     * every keystroke, so it runs when the user pauses.
     */
    static final long LOAD_STEPS_DELAY_MS = 500;
    /** What that search is scheduled under (one for the workspace). */
    private static final String LOAD_STEPS_KEY = "load steps";
    /** The latest load errors before the last file, shown with each file's diagnostics. */
    private final LoadStepFindings loadSteps = new LoadStepFindings();
    /** The file past which the last search left the steps unchecked, as logged ({@code null}: none). */
    private volatile String loggedUnchecked;
    /** What a document's waiting comparison (see {@link #scheduleDependents}) is scheduled under. */
    private static final String DEPENDENTS_KEY = "dependents ";
    /** Per document, where the comparison that waits to run in {@link #scheduleDependents} starts. */
    private final Map<String, Before> dependentsFrom = new ConcurrentHashMap<>();
    /** Per open URI, how many file listings its latest diagnostics run saw (see {@link #reanalyseOpenDocumentsBefore}). */
    private final Map<String, Long> listingsSeen = new ConcurrentHashMap<>();

    /** Definition, references, rename, symbols, tokens, folding, selection and code actions. */
    private final NavigationRequests navigation;
    /** Every feature's code lenses; a feature that shows lenses adds its source here. */
    private final CodeLenses lenses;
    /** Answers that depend only on the document, snapshot and settings, kept while they hold. */
    private final LastAnswers answers = new LastAnswers();
    /** The latest answers to a new term, kept with their text. */
    private final KeptCompletions keptCompletions = new KeptCompletions();

    FalconerTextDocumentService(FalconerLanguageServer server) {
        this.server = server;
        this.navigation = new NavigationRequests(server, answers);
        this.lenses = CodeLenses.of(server::service, server::navigator, answers);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        if (item == null || item.getUri() == null || item.getText() == null) {
            server.log().warn("notification.incomplete", "textDocument/didOpen");
            return;
        }
        RulesWorkspace ws = server.workspace();
        String uri = item.getUri();
        // as last read: what the snapshots had; nothing is read here, on the reader thread
        Before before = before(uri);
        if (item.getText().length() > PARSED_ON_OPEN_MAX_CHARS
                && ws.openUnparsed(uri, item.getVersion(), item.getText())) {
            open.add(uri);
            Thread parse = new Thread(() -> {
                try {
                    if (ws.parseUnparsed(uri) != null) {
                        // until now the document was in no snapshot, nor its disk copy: every name
                        // it defines is new to the runs made meanwhile (QA: a file using them kept
                        // the unknown-macro errors of a run made in between)
                        documentChanged(uri, new Before(null, null), false);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    server.log().error(e, "diagnostics.failed", uri);
                }
            }, "falconer-parse");
            parse.setDaemon(true);
            parse.start();
            return;
        }
        ws.open(uri, item.getVersion(), item.getText());
        open.add(uri);
        documentChanged(uri, before, false);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var id = params.getTextDocument();
        List<ContentChange> changes = Lsp.changes(params.getContentChanges());
        // kept out of the workspace, which reads changes when asked: one would fail every later request
        if (id == null || id.getUri() == null || changes == null) {
            server.log().warn("notification.incomplete", "textDocument/didChange");
            return;
        }
        String uri = id.getUri();
        RulesWorkspace ws = server.workspace();
        // as last read: the change is only noted here, and read when asked for (see RulesWorkspace)
        Before before = before(uri);
        Integer last = ws.openVersion(uri);
        ws.change(uri, id.getVersion() != null ? id.getVersion() : last == null ? 0 : last + 1, changes);
        documentChanged(uri, before, true);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        var id = params.getTextDocument();
        if (id == null || id.getUri() == null) {
            server.log().warn("notification.incomplete", "textDocument/didClose");
            return;
        }
        String uri = id.getUri();
        Before before = before(uri);
        server.workspace().close(uri);
        open.remove(uri);
        explainedAhead.remove(uri);
        listingsSeen.remove(uri);
        unknownNames.remove(uri);
        answers.forget(uri);
        server.scheduler().cancel(uri);
        publish(uri, null, List.of());
        // The disk copy (if any) counts again: files that used its names are re-checked.
        scheduleDependents(uri, before, false);
        scheduleLoadSteps(server.settings()); // the same, and the last search's documents let go
        if (!server.isShutdown()) {
            // what is kept for the snapshot that had the document goes with it, not at the next edit
            server.requests().background(() -> server.service().release(server.workspace().snapshot()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The buffer already has the saved text; disk copies are followed through file events.
    }

    /**
     * How a hover or completion on {@code uri} runs: on the reader thread once the features are
     * loaded (see {@link #hover}), except in a document over {@link #ON_READER_MAX_CHARS}, where
     * an answer may take long (QA: the explanation of a 650 kB condition, seconds) and the reader
     * must stay free to read the client's cancellation and the next messages.
     */
    private <T> RequestRunner.Runner<T> runner(String uri) {
        RequestRunner requests = server.requests();
        return server.serviceReady() && server.workspace().openLength(uri) <= ON_READER_MAX_CHARS
                ? requests::now : requests::run;
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String uri = Lsp.uri(params.getTextDocument());
        userAsked(uri);
        // Hover is answered on the reader thread once the features are loaded: it takes well under
        // a millisecond, less than handing it to the pool and waking a thread for it.
        RequestRunner.Runner<Hover> run = runner(uri);
        return run.run("textDocument/hover", () -> null, cancel -> {
            WorkspaceSnapshot ws = server.workspace().snapshotFor(uri);
            cancel.checkCanceled();
            return server.service().hover(ws, uri, Lsp.position(params.getPosition()), server.settings())
                    .map(h -> server.hoverTakesMarkdown() ? Lsp.hover(h) : Lsp.plainHover(h)).orElse(null);
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = Lsp.uri(params.getTextDocument());
        userAsked(uri);
        // On the reader thread once the features are loaded, as hover: an answer takes 1-3 ms, and
        // the hand-off to the pool added 0.5 ms, more when the pool was busy with background work.
        RequestRunner.Runner<Either<List<CompletionItem>, CompletionList>> run = runner(uri);
        return run.run("textDocument/completion", () -> Either.forRight(new CompletionList(List.of())),
                cancel -> {
                    WorkspaceSnapshot ws = server.workspace().snapshotFor(uri);
                    cancel.checkCanceled();
                    TextPosition at = Lsp.position(params.getPosition());
                    List<CompletionEntry> entries = server.service().complete(ws, uri, at, server.settings());
                    CompletionList list = keptCompletions.completionList(entries,
                            server.completionDocumentationOnResolve(), Lsp.freeCursor(ws.document(uri), at));
                    if (!server.completionTakesSnippets()) {
                        list = Lsp.withoutSnippets(list);
                    }
                    if (!server.completionTakesMarkdown()) {
                        list = Lsp.withPlainDocumentation(list);
                    }
                    return Either.forRight(server.completionInsertsOrReplaces()
                            ? Lsp.withWordTail(list, at, WordTail.end(ws.document(uri), at)) : list);
                });
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        return server.requests().run("completionItem/resolve", () -> item, cancel -> {
            CompletionItem resolved = Lsp.resolveCompletionItem(server.service(), item, server.workspace().snapshot(),
                    server.settings());
            return server.completionTakesMarkdown() ? resolved : Lsp.plainDocumentation(resolved);
        });
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        String uri = Lsp.uri(params.getTextDocument());
        return server.requests().<List<? extends CodeLens>>run("textDocument/codeLens", List::of, cancel -> {
            WorkspaceSnapshot ws = server.workspace().snapshotFor(uri);
            cancel.checkCanceled();
            FalconerSettings settings = server.settings();
            // kept with its JSON text: the lenses of a large file are ~100 KB to write, each time asked
            return answers.get("codeLens", uri, () -> RememberedList.of(lenses.lenses(ws, uri, settings)), ws, settings,
                    server.service(), server.navigator());
        });
    }

    @Override
    public CompletableFuture<CodeLens> resolveCodeLens(CodeLens unresolved) {
        Lsp.range(unresolved.getRange()); // a lens placed nowhere is refused: its resolved form needs the place
        return server.requests().run("codeLens/resolve", () -> unresolved, cancel -> {
            WorkspaceSnapshot ws = server.workspace().snapshot();
            cancel.checkCanceled();
            return lenses.resolve(unresolved, ws, server.settings());
        });
    }

    // ---- navigation and editing (issue 7): delegated to NavigationRequests ----------------------

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return navigation.definition(params);
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return navigation.references(params);
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return navigation.documentHighlight(params);
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return navigation.prepareRename(params);
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return navigation.rename(params);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return navigation.documentSymbol(params);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return navigation.semanticTokensFull(params);
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return navigation.foldingRange(params);
    }

    @Override
    public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
        return navigation.selectionRange(params);
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return navigation.codeAction(params);
    }

    NavigationRequests navigation() {
        return navigation;
    }

    /** The user asked about {@code uri} (see {@link FalconerLanguageServer#userAsked}); not the warm-up's own rehearsal. */
    private void userAsked(String uri) {
        if (!NOWHERE.equals(uri)) {
            server.userAsked();
        }
    }

    /** A document no client opens (see {@link #rehearse}). */
    private static final String NOWHERE = "falconer:/rehearsal.yaml";

    /**
     * Sends the server the requests an editor sends first (hover, completion, symbols, tokens,
     * lenses, folding, highlights, definition), {@code times} times each, for a document that does
     * not exist, the way the editor's come (see {@link WireRehearsal}): they go through every step
     * of their reading, dispatch and handlers but the work, which the warm-up runs directly. The
     * first call of each lambda and method reference in a handler links it, and the handlers get
     * compiled (in process, the first hover of {@code falco_rules.yaml}: 1.3-1.9 ms without,
     * 0.26-0.31 ms after 100 rehearsals). Waits while real work runs ({@code busy}); false when
     * interrupted, or when the server closes meanwhile and a request goes unanswered.
     */
    boolean rehearse(int times, BooleanSupplier busy) {
        MessageJsonHandler json = server.jsonHandler() != null ? server.jsonHandler() : AnswerJson.codec();
        WireRehearsal wire = null;
        RequestFrames frames = new RequestFrames();
        TextPosition at = new TextPosition(0, 0);
        try {
            for (int i = 0; i < times; i++) {
                // a request after the pool closed would be answered with an error and logged by LSP4J
                if (server.isShutdown() || !Warmup.waitWhile(busy)) {
                    return false;
                }
                if (wire == null) {
                    // made once the server is idle: its endpoint reads the handlers' signatures by
                    // reflection, work the first rehearsal (at start-up) must not add to the reading
                    wire = new WireRehearsal(server, json);
                }
                boolean answered = wire.send(frames.position("textDocument/hover", NOWHERE, at))
                        && wire.send(frames.position("textDocument/completion", NOWHERE, at))
                        && wire.send(frames.document("textDocument/documentSymbol", NOWHERE))
                        && wire.send(frames.document("textDocument/semanticTokens/full", NOWHERE))
                        && wire.send(frames.document("textDocument/codeLens", NOWHERE))
                        && wire.send(frames.document("textDocument/foldingRange", NOWHERE))
                        && wire.send(frames.position("textDocument/documentHighlight", NOWHERE, at))
                        && wire.send(frames.position("textDocument/definition", NOWHERE, at));
                if (!answered) {
                    return false; // the server is closing: its request pool stopped under the rehearsal
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            answers.forget(NOWHERE);
        }
    }

    /** Settings or rules files changed: every open document is analysed again. */
    void reanalyseOpenDocuments() {
        for (String uri : open) {
            scheduleDiagnostics(uri);
        }
    }

    /**
     * The rules files were listed anew ({@code listing} times so far): re-checks the open
     * documents whose latest diagnostics run started before, and so may not have seen them. A run
     * that started after is left alone: it sees the files, and a new one would only cancel it.
     */
    void reanalyseOpenDocumentsBefore(long listing) {
        for (String uri : open) {
            if (listingsSeen.getOrDefault(uri, 0L) < listing) {
                scheduleDiagnostics(uri);
            }
        }
    }

    /**
     * Checks the last {@link #PRECHECKED_FILES} files of the workspace that are not open, one at
     * a time on the diagnostics thread, and publishes nothing for them: the checks' per-unit
     * results are kept (a document opened later with the same text reuses them: its first check
     * costs a tenth) and their code is compiled before a document's first diagnostics need it.
     * On the diagnostics thread, a document opened meanwhile waits for at most one file's check
     * instead of sharing the CPU with it, and the run for its own file, if under way, is the one
     * it needs.
     */
    void precheck() {
        List<RulesDocument> docs = new java.util.ArrayList<>(server.workspace().snapshot().documents());
        // last loaded first: files that build on the others (a local file overriding the base
        // rules loads after them) are the likeliest to be opened
        java.util.Collections.reverse(docs);
        for (RulesDocument doc : docs.subList(0, Math.min(PRECHECKED_FILES, docs.size()))) {
            if (!open.contains(doc.uri())) {
                // the run publishes only for open documents: if this one is opened meanwhile, it
                // is the run its didOpen asked for
                scheduleDiagnostics(doc.uri());
            }
            if (!Warmup.waitWhile(() -> !server.scheduler().idle())) {
                return;
            }
        }
    }

    /** Files on disk changed: what they define may be used by open documents. */
    void filesChanged() {
        reanalyseOpenDocuments();
    }

    /** {@code typed}: a change of the text (else an opening): see {@link #scheduleDependents}. */
    private void documentChanged(String uri, Before before, boolean typed) {
        long now = System.nanoTime();
        long gap = now - lastChange;
        lastChange = now;
        // In a burst of changes (a client that sends each character of a paste, a macro replayed)
        // a run started after each change read and analysed the workspace while the next change
        // waited for it: the runs wait a little instead, and only the burst's last one runs. A
        // person typing is never that fast, so their keystrokes are checked at once.
        scheduleDiagnostics(uri, runDelay(gap, server.settings().diagnosticsDelayMs()));
        scheduleDependents(uri, before, typed);
    }

    /** The wait before a change's run: {@code configuredMs}, at least {@link #BURST_DELAY_MS} in a burst. */
    static long runDelay(long gapNanos, long configuredMs) {
        return gapNanos < TimeUnit.MILLISECONDS.toNanos(BURST_GAP_MS) ? Math.max(configuredMs, BURST_DELAY_MS)
                : configuredMs;
    }

    /**
     * Re-checks the other open documents that a change of {@code uri} since {@code from} may
     * concern: those that use a macro, list or rule whose definition changed, and those that
     * define a name the changed items start or stop using (it may become unused, or used again).
     * One comparison per document waits at a time, from the oldest version not compared yet:
     * queued one per keystroke, each held its own version, and typing in a 10 MB buffer queued
     * them faster than they ran (the heap grew ~2 MB per keystroke, to a full 800 MB heap after 300).
     */
    private void scheduleDependents(String uri, Before from, boolean typed) {
        if (open.stream().allMatch(uri::equals) || server.isShutdown()) {
            return;
        }
        // the waiting comparison, if any, starts from an older version and reads this change too
        boolean waiting = dependentsFrom.merge(uri, from, Before::then) != from;
        // off the reader and the diagnostics threads: the next message and run should not wait for it
        if (typed && server.workspace().openLength(uri) >= DEFERRED_COMPARISON_MIN_CHARS) {
            // compared once the typing pauses (each keystroke pushes it back)
            server.scheduler().schedule(DEPENDENTS_KEY + uri, DEPENDENTS_DELAY_MS,
                    cancel -> server.requests().background(() -> compareDependents(uri, DEPENDENTS_DELAY_MS)));
        } else if (!waiting) {
            // compared at once, its files re-checked after the pause
            server.requests().background(() -> compareDependents(uri, 0));
        }
    }

    /**
     * The comparison of {@link #scheduleDependents}, from where the oldest change not compared yet
     * started, {@code waitedMs} after that change.
     */
    private void compareDependents(String uri, long waitedMs) {
        Before oldest = dependentsFrom.remove(uri); // a later change waits anew
        Set<String> midway = checkedMidway.remove(uri); // after: a check noted in between is in it
        if (oldest == null) {
            return; // an earlier run, handed over as this one was scheduled, took this change too
        }
        WorkspaceSnapshot now = server.workspace().snapshot();
        RulesDocument current = now.document(uri);
        WorkspaceSnapshot earlier = oldest.snapshot();
        Set<SymbolKey> changed = ChangedNames.between(oldest.document(), current);
        boolean opened = oldest.document() == null;
        if (opened && earlier != null) {
            // what the document had before it closed, if it had: items gone count too
            changed.addAll(ChangedNames.between(earlier.document(uri), current));
        }
        Set<String> files = DependentFiles.of(changed, earlier, now, opened);
        long delay = server.settings().diagnosticsDelayMs();
        Set<ItemKind> cameOrWent = DependentFiles.kindsCameOrWent(changed, opened ? null : earlier, now);
        // what an unknown name's diagnostic suggests may be another name now; an unknown list
        // with no close name has no diagnostic to find the file by, so any file may get one
        Set<String> suggesting = cameOrWent.contains(ItemKind.LIST) ? open
                : cameOrWent.contains(ItemKind.MACRO) ? unknownNames : Set.of();
        for (String other : suggesting) {
            if (!files.contains(other) && !other.equals(uri) && open.contains(other)) {
                scheduleDiagnostics(other, Math.max(delay, SUGGESTIONS_DELAY_MS - waitedMs));
            }
        }
        if (midway != null) {
            files.addAll(midway);
        }
        files.remove(uri);
        for (String other : files) {
            if (open.contains(other)) {
                scheduleDiagnostics(other, Math.max(delay, DEPENDENTS_DELAY_MS - waitedMs));
            }
        }
    }

    /** Notes that {@code uri} is about to be checked while other documents' comparisons wait (see {@link #checkedMidway}). */
    private void checkedMidway(String uri) {
        for (String changed : dependentsFrom.keySet()) {
            if (!changed.equals(uri)) {
                checkedMidway.computeIfAbsent(changed, k -> ConcurrentHashMap.newKeySet()).add(uri);
            }
        }
    }

    /**
     * Where a comparison of {@link #scheduleDependents} starts, for a change of {@code uri} about to
     * be noted: both read before it is (read after it, a snapshot made meanwhile held the change,
     * and nothing seemed to have changed: QA, 2 runs of 8).
     */
    private Before before(String uri) {
        RulesWorkspace ws = server.workspace();
        return new Before(ws.documentAsLastRead(uri), ws.lastMade());
    }

    /**
     * Where a comparison of {@link #scheduleDependents} starts: the document's version
     * ({@code null}: none, it was opened) and the last snapshot made then ({@code null}: none yet).
     */
    private record Before(RulesDocument document, WorkspaceSnapshot snapshot) {
        /**
         * This start, and {@code later}'s change after it, as one comparison: from this version, or
         * from none when either was an opening; from the earliest snapshot known.
         */
        Before then(Before later) {
            return new Before(document == null || later.document == null ? null : document,
                    snapshot != null ? snapshot : later.snapshot);
        }
    }

    private void scheduleDiagnostics(String uri) {
        scheduleDiagnostics(uri, server.settings().diagnosticsDelayMs());
    }

    private void scheduleDiagnostics(String uri, long delayMs) {
        if (server.isShutdown()) {
            return;
        }
        boolean large = server.workspace().openLength(uri) >= RulesWorkspace.LARGE_TEXT;
        server.scheduler().schedule(uri, delayMs, large, cancel -> {
            server.awaitWorkspace();
            listingsSeen.put(uri, server.fileLists()); // noted before the snapshot is taken
            checkedMidway(uri); // the same
            WorkspaceSnapshot ws = server.workspace().snapshot();
            RulesDocument doc = ws.document(uri);
            if (doc == null || cancel.isCancelled()) {
                return;
            }
            FalconerService service = server.service();
            FalconerSettings settings = server.settings();
            List<FalconerDiagnostic> found = loadSteps.with(doc, settings, service.diagnostics(
                    new AnalysisRequest(ws, uri, service.catalog(), settings), cancel));
            // the version without reading newer changes: these diagnostics are then stale, and the
            // next run reads them
            Integer now = server.workspace().openVersion(uri);
            if (!cancel.isCancelled() && open.contains(uri) && now != null && now == doc.version()) {
                List<Diagnostic> diagnostics = found.stream().map(Lsp::diagnostic).toList();
                YoungCollections young = server.youngCollections();
                if (young != null) {
                    young.collectIfLow(YoungCollections.BEFORE_PUBLISH); // not inside the request the client sends next
                }
                // noted before publishing: a client may answer the publication with an edit whose
                // comparison reads it (a macro renamed away from a name this file misspelt was not
                // suggested here any more, 1 run in 10 of LifecycleTest)
                if (found.stream().anyMatch(d -> UNKNOWN_NAME_CODES.contains(d.code()))) {
                    unknownNames.add(uri);
                } else {
                    unknownNames.remove(uri);
                }
                publish(uri, doc.version(), diagnostics);
                scheduleLoadSteps(settings);
                // the client may ask for completion or tokens now that the edit is checked: what
                // their first request would build is built now, off this thread (the next edit's
                // diagnostics must not wait for it)
                if (!server.isShutdown()) {
                    server.requests().background(() -> {
                        for (List<CompletionEntry> newTerms : service.prepare(ws, settings.locale())) {
                            keptCompletions.prepare(newTerms, server.completionDocumentationOnResolve(),
                                    server.jsonHandler() == null ? null : server.jsonHandler().getGson());
                        }
                        server.navigator().prepare(doc);
                        if (explainedAhead.add(uri)) { // once per opening: kept explanations follow the edits
                            service.explainAhead(ws, uri, settings.locale());
                        }
                    });
                }
            }
        });
    }

    /**
     * Looks for the load errors before the last file once the user pauses (see
     * {@link #LOAD_STEPS_DELAY_MS}), and publishes again the open files whose errors it changes.
     * Only where the rules files are listed (their order is Falco's), or to take back errors found
     * while they were.
     */
    private void scheduleLoadSteps(FalconerSettings settings) {
        if (settings.rulesFiles().isEmpty() && !loadSteps.any()) {
            return;
        }
        server.scheduler().schedule(LOAD_STEPS_KEY, LOAD_STEPS_DELAY_MS, true, cancel -> {
            server.awaitWorkspace();
            WorkspaceSnapshot ws = server.workspace().snapshot();
            FalconerSettings now = server.settings();
            if (loadSteps.isFrom(ws, now)) {
                return; // what each file's publication scheduled again after the last search
            }
            LoadStepErrors found = server.service().loadStepDiagnostics(ws, now, cancel);
            cancel.checkCanceled();
            String unchecked = found.uncheckedFrom();
            if (unchecked != null && !unchecked.equals(loggedUnchecked)) {
                server.log().warn("loadSteps.unchecked", unchecked); // as check says it: nothing found is not all clear
            }
            loggedUnchecked = unchecked;
            for (String uri : loadSteps.update(ws, now, found.byUri())) {
                if (open.contains(uri)) {
                    scheduleDiagnostics(uri, 0);
                }
            }
            // the steps' checks leave several megabytes in eden (the official files: ~5 MB), which
            // the next keystroke's diagnostics collected before their publication: collected in
            // this pause instead
            YoungCollections young = server.youngCollections();
            if (young != null) {
                young.collectIfLow(IdleCollection.MIN_FREE);
            }
        });
    }

    private void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        LanguageClient client = server.client();
        if (client != null) {
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
        }
    }
}

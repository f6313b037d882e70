package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.falconer.workspace.RulesWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LifecycleTest {
    static final String URI = "file:///work/rules/falco_rules.local.yaml";

    /** A rule of {@code falco_rules.local.yaml} using the macro {@code spawned_process} of {@code falco_rules.yaml}. */
    private static final String LOCAL_RULE = "- rule: r\n  desc: d\n  condition: spawned_process and proc.name = bash\n"
            + "  output: x\n  priority: WARNING\n";

    /** {@link #initializeParams()} with {@code folder} as the workspace folder. */
    private static InitializeParams initializeParams(Path folder) {
        InitializeParams p = initializeParams();
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "rules")));
        return p;
    }

    static InitializeParams initializeParams() {
        InitializeParams p = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ws.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(true));
        caps.setWorkspace(ws);
        p.setCapabilities(caps);
        p.setLocale("en");
        return p;
    }

    /** {@code shutdown} answered, then {@code exit}: the server ends with status 0. */
    private static void endsCleanly(InProcessConnection c) throws Exception {
        try {
            c.server.shutdown().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("shutdown unanswered; threads:\n" + ThreadDump.all(), e);
        }
        c.server.exit();
        assertEquals(0, c.awaitExit());
    }

    @Test
    void openEditShutdownExitEndsWithZero() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            InitializeResult init = c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS);
            assertEquals(TextDocumentSyncKind.Incremental, init.getCapabilities().getTextDocumentSync().getRight().getChange());
            assertEquals("falconer", init.getServerInfo().getName());
            c.server.initialized(new InitializedParams());

            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, "- macro: m\n  condition: proc.name = x\n")));
            PublishDiagnosticsParams first = c.client.nextDiagnostics(URI);
            assertEquals(1, first.getVersion());

            TextDocumentContentChangeEvent edit = new TextDocumentContentChangeEvent(
                    new Range(new Position(1, 25), new Position(1, 26)), "bash");
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, 2), List.of(edit)));
            PublishDiagnosticsParams second = c.client.nextDiagnostics(URI, 2);
            assertEquals(2, second.getVersion());

            Hover hover = c.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(URI), new Position(1, 14))).get(5, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().contains("`proc.name`"));
            CompletionList ops = c.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(URI), new Position(1, 23))).get(5, TimeUnit.SECONDS).getRight();
            assertTrue(ops.getItems().stream().anyMatch(i -> i.getLabel().equals("startswith")));
            // mid-word, `proc.na|me`: this client did not say it takes an insert and a replace range
            CompletionList midWord = c.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(URI), new Position(1, 20))).get(5, TimeUnit.SECONDS).getRight();
            assertTrue(midWord.getItems().stream().filter(i -> i.getLabel().equals("proc.name"))
                    .allMatch(i -> i.getTextEdit().isLeft()));
            assertTrue(init.getCapabilities().getCompletionProvider().getResolveProvider());

            assertTrue(c.client.registrations.stream().flatMap(r -> r.getRegistrations().stream())
                    .anyMatch(r -> r.getMethod().equals("workspace/didChangeWatchedFiles")));

            endsCleanly(c);
        }
    }

    /**
     * A text over {@link FalconerTextDocumentService#PARSED_ON_OPEN_MAX_CHARS} is parsed on a
     * thread of its own: the change sent right after the open is not lost, and its diagnostics
     * come with its version.
     */
    @Test
    void aLargeFileIsParsedAsideAndKeepsTheChangesSentMeanwhile() throws Exception {
        StringBuilder big = new StringBuilder("- list: big\n  items: [");
        for (int i = 0; big.length() <= FalconerTextDocumentService.PARSED_ON_OPEN_MAX_CHARS; i++) {
            big.append(i == 0 ? "" : ", ").append("item").append(i);
        }
        big.append("]\n");
        int lines = 2;
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, big.toString())));
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, 2), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(lines, 0), new Position(lines, 0)),
                            "- macro: added\n  condition: proc.nmae = x\n"))));
            PublishDiagnosticsParams published = c.client.nextDiagnostics(URI, 2);
            assertEquals(2, published.getVersion());
            assertTrue(published.getDiagnostics().stream().anyMatch(d -> d.getRange().getStart().getLine() == lines + 1
                    && "unknown-field".equals(d.getCode().getLeft())), published.getDiagnostics().toString());
            endsCleanly(c);
        }
    }

    /**
     * While a large file opened in the editor is parsed aside, it is in no snapshot: a run of
     * another file made meanwhile misses its names. Once parsed, every file using them is checked
     * again, even when its disk copy had the same names (QA: the unknown-macro errors of the run
     * made in between stayed).
     */
    @Test
    void filesUsingALargeFilesNamesAreCheckedAgainOnceItIsParsed(@TempDir Path dir) throws Exception {
        StringBuilder big = new StringBuilder("- macro: from_big\n  condition: evt.type = open\n- list: big\n  items: [");
        for (int i = 0; big.length() <= FalconerTextDocumentService.PARSED_ON_OPEN_MAX_CHARS; i++) {
            big.append(i == 0 ? "" : ", ").append("item").append(i);
        }
        big.append("]\n");
        Path bigFile = Files.writeString(dir.resolve("a_big.yaml"), big);
        String small = "- rule: r\n  desc: d\n  condition: from_big and proc.name = x\n  output: o\n  priority: INFO\n";
        Path smallFile = Files.writeString(dir.resolve("b_small.yaml"), small);
        String smallUri = RulesWorkspace.uriOf(smallFile);
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("b_small.yaml");
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(smallUri, "yaml", 1, small)));
            assertFalse(unknownMacro(c.client.nextDiagnostics(smallUri, 1)), "the disk copy defines it");
            // opened, so parsed aside, and at once an edit of the small file: its run misses the macro
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(RulesWorkspace.uriOf(bigFile), "yaml", 1, big.toString())));
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(smallUri, 2), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(1, 8), new Position(1, 8)), " "))));
            PublishDiagnosticsParams last = c.client.nextDiagnostics(smallUri, 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (unknownMacro(last) && System.nanoTime() < deadline) {
                last = c.client.nextDiagnostics(smallUri, 2);
            }
            assertFalse(unknownMacro(last), last.getDiagnostics().toString());
            endsCleanly(c);
        }
    }

    private static boolean unknownMacro(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().anyMatch(d -> "unknown-macro".equals(d.getCode().getLeft()));
    }

    /** A client that takes two ranges gets both mid-word: VS Code's "insert" and "replace" modes. */
    @Test
    void midWordCompletionOffersToReplaceTheRestOfTheWord() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            InitializeParams params = initializeParams();
            org.eclipse.lsp4j.CompletionItemCapabilities item = new org.eclipse.lsp4j.CompletionItemCapabilities();
            item.setInsertReplaceSupport(true);
            org.eclipse.lsp4j.TextDocumentClientCapabilities text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
            text.setCompletion(new org.eclipse.lsp4j.CompletionCapabilities(item));
            params.getCapabilities().setTextDocument(text);
            c.server.initialize(params).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, "- macro: m\n  condition: proc.name = x\n")));
            c.client.nextDiagnostics(URI);

            CompletionList list = c.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(URI), new Position(1, 20))).get(5, TimeUnit.SECONDS).getRight();
            org.eclipse.lsp4j.InsertReplaceEdit edit = list.getItems().stream()
                    .filter(i -> i.getLabel().equals("proc.name")).findFirst().orElseThrow().getTextEdit().getRight();
            assertEquals(new Range(new Position(1, 13), new Position(1, 20)), edit.getInsert());
            assertEquals(new Range(new Position(1, 13), new Position(1, 22)), edit.getReplace());
            endsCleanly(c);
        }
    }

    @Test
    void localFileSeesMacrosOfAnUnopenedBaseFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("falco_rules.yaml"),
                "# Processes that were just started.\n- macro: spawned_process\n  condition: evt.type = execve\n");
        Path local = dir.resolve("falco_rules.local.yaml");
        Files.writeString(local, LOCAL_RULE);
        String uri = RulesWorkspace.uriOf(local);
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("falco_rules.local.yaml");

            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "yaml", 1, LOCAL_RULE)));
            c.client.nextDiagnostics(uri);

            Hover hover = c.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(uri), new Position(2, 16))).get(5, TimeUnit.SECONDS);
            String md = hover.getContents().getRight().getValue();
            assertTrue(md.contains("Processes that were just started."), md);
            assertTrue(md.contains("falco_rules.yaml:2"), md);
            assertEquals(new Range(new Position(2, 13), new Position(2, 28)), hover.getRange());

            CompletionList list = c.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(uri), new Position(2, 18))).get(5, TimeUnit.SECONDS).getRight();
            CompletionItem macro = list.getItems().stream().filter(i -> i.getLabel().equals("spawned_process"))
                    .findFirst().orElseThrow();
            CompletionItem resolved = c.server.getTextDocumentService().resolveCompletionItem(macro)
                    .get(5, TimeUnit.SECONDS);
            assertTrue(resolved.getDocumentation().getRight().getValue().contains("evt.type = execve"));

            endsCleanly(c);
        }
    }

    /** Falco would not start without a listed rules file: the log says which one is missing. */
    @Test
    void aListedRulesFileThatDoesNotExistIsLogged(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            InitializeParams params = initializeParams(dir);
            params.setInitializationOptions(JsonParser.parseString("{\"rulesFiles\": [\"gone_rules.yaml\"]}"));
            c.server.initialize(params).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("gone_rules.yaml does not exist");
            endsCleanly(c);
        }
    }

    /**
     * "New file, type, save": the file is empty (no rules file yet) when it is created and becomes
     * one when saved; a folder of rules files deleted at once takes its definitions with it.
     */
    @Test
    void aFileThatBecomesRulesJoinsAndADeletedFolderLeaves(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("falco_rules.local.yaml"), LOCAL_RULE);
        String uri = RulesWorkspace.uriOf(dir.resolve("falco_rules.local.yaml"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path defs = Files.writeString(lib.resolve("defs.yaml"), "");
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "yaml", 1, LOCAL_RULE)));
            awaitUnknownMacro(c, uri, true);

            Files.writeString(defs, "- macro: spawned_process\n  condition: evt.type = execve\n");
            watched(c, defs, org.eclipse.lsp4j.FileChangeType.Changed);
            awaitUnknownMacro(c, uri, false);

            Files.delete(defs);
            Files.delete(lib);
            watched(c, lib, org.eclipse.lsp4j.FileChangeType.Deleted);
            awaitUnknownMacro(c, uri, true);
            endsCleanly(c);
        }
    }

    private static void watched(InProcessConnection c, Path path, org.eclipse.lsp4j.FileChangeType type) {
        c.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(path.toUri().toString(), type))));
    }

    /** Waits for diagnostics of {@code uri} with (or without) an unknown macro; earlier ones are skipped. */
    private static void awaitUnknownMacro(InProcessConnection c, String uri, boolean unknown) throws Exception {
        awaitCode(c, uri, "unknown-macro", unknown);
    }

    /** Waits for diagnostics of {@code uri} with (or without) a finding of {@code code}, and gives them. */
    private static List<org.eclipse.lsp4j.Diagnostic> awaitCode(InProcessConnection c, String uri, String code, boolean found)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<?> last = null;
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = c.client.nextDiagnostics(uri);
            last = p.getDiagnostics();
            if (p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals(code)) == found) {
                return p.getDiagnostics();
            }
        }
        throw new AssertionError(code + " " + found + " never published; last " + last);
    }

    @Test
    void workspaceIsReadOnceInitializeIsAnswered(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("falco_rules.yaml"), "- macro: m\n  condition: evt.type = execve\n");
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            // no `initialized` yet: the folders came with `initialize`, the files are read already
            c.client.awaitLog("falco_rules.yaml");
            c.server.shutdown().get(5, TimeUnit.SECONDS);
            c.server.exit();
        }
    }

    @Test
    void firstDiagnosticsOfADocumentOpenedAtOnceSeeTheOtherFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("falco_rules.yaml"), "- macro: spawned_process\n  condition: evt.type = execve\n");
        Path local = dir.resolve("falco_rules.local.yaml");
        Files.writeString(local, LOCAL_RULE);
        String uri = RulesWorkspace.uriOf(local);
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            // opened without waiting for the workspace to be read: its first diagnostics wait for it
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "yaml", 1, LOCAL_RULE)));
            PublishDiagnosticsParams first = c.client.nextDiagnostics(uri);
            assertTrue(first.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("unknown-macro")),
                    first.getDiagnostics().toString());
            endsCleanly(c);
        }
    }

    @Test
    void readingTheWorkspaceIsReportedAsProgressToAClientThatShowsIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("falco_rules.yaml"), "- macro: spawned_process\n  condition: evt.type = execve\n");
        Files.writeString(dir.resolve("falco_rules.local.yaml"), LOCAL_RULE);
        InitializeParams params = initializeParams(dir);
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        params.getCapabilities().setWindow(window);
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(params).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (c.client.progress.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<Object> seen = c.client.progress;
            assertEquals(5, seen.size(), seen.toString());
            Either<String, Integer> token = ((WorkDoneProgressCreateParams) seen.get(0)).getToken();
            for (Object p : seen.subList(1, 5)) {
                assertEquals(token, ((ProgressParams) p).getToken());
            }
            WorkDoneProgressBegin begin = (WorkDoneProgressBegin) ((ProgressParams) seen.get(1)).getValue().getLeft();
            assertEquals("Reading rules files", begin.getTitle());
            assertEquals(0, begin.getPercentage());
            // each file as its reading ends (side by side, in any order), with how far the reading is
            WorkDoneProgressReport first = (WorkDoneProgressReport) ((ProgressParams) seen.get(2)).getValue().getLeft();
            WorkDoneProgressReport second = (WorkDoneProgressReport) ((ProgressParams) seen.get(3)).getValue().getLeft();
            assertTrue(Set.of(first.getMessage(), second.getMessage()).equals(Set.of("falco_rules.yaml (1 of 2)",
                    "falco_rules.local.yaml (2 of 2)")) || Set.of(first.getMessage(), second.getMessage()).equals(
                    Set.of("falco_rules.local.yaml (1 of 2)", "falco_rules.yaml (2 of 2)")), first + " " + second);
            assertTrue(first.getMessage().endsWith("(1 of 2)") && second.getMessage().endsWith("(2 of 2)"), first + " " + second);
            assertTrue(0 < first.getPercentage() && first.getPercentage() < second.getPercentage()
                    && second.getPercentage() < 100, first + " " + second);
            WorkDoneProgressEnd end = (WorkDoneProgressEnd) ((ProgressParams) seen.get(4)).getValue().getLeft();
            assertEquals("2 rules file(s) loaded", end.getMessage());
            endsCleanly(c);
        }
    }

    @Test
    void aClientThatShowsNoProgressGetsNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("falco_rules.yaml"), "- macro: spawned_process\n  condition: evt.type = execve\n");
        try (InProcessConnection c = new InProcessConnection()) {
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("falco_rules.yaml");
            assertTrue(c.client.progress.isEmpty(), c.client.progress.toString());
            endsCleanly(c);
        }
    }

    /** A base file defining {@code spawned_process} and a local file using it, both on disk and open. */
    private record BaseAndLocal(String baseUri, String localUri) {
        static final String BASE_TEXT = "- macro: spawned_process\n  condition: evt.type = execve\n";

        static BaseAndLocal open(InProcessConnection c, Path dir) throws Exception {
            Path base = dir.resolve("falco_rules.yaml");
            Files.writeString(base, BASE_TEXT);
            Path local = dir.resolve("falco_rules.local.yaml");
            Files.writeString(local, LOCAL_RULE);
            BaseAndLocal files = new BaseAndLocal(RulesWorkspace.uriOf(base), RulesWorkspace.uriOf(local));
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("falco_rules.local.yaml");
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(files.localUri, "yaml", 1, LOCAL_RULE)));
            assertTrue(c.client.nextDiagnostics(files.localUri).getDiagnostics().isEmpty());
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(files.baseUri, "yaml", 1, BASE_TEXT)));
            c.client.nextDiagnostics(files.baseUri);
            return files;
        }

        /** The local file's whole text replaced by {@code text}, as its version 2. */
        void retypeLocal(InProcessConnection c, String text) {
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(localUri, 2), List.of(new TextDocumentContentChangeEvent(text))));
        }
    }

    @Test
    void editingAMacroRechecksTheOpenFilesUsingIt(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            BaseAndLocal files = BaseAndLocal.open(c, dir);
            String baseUri = files.baseUri();
            String localUri = files.localUri();

            // a keystroke-sized edit (the macro keeps its name): the rule using it now matches every event
            long edited = System.nanoTime();
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(baseUri, 2), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(1, 13), new Position(1, 30)), "proc.name = sh"))));
            PublishDiagnosticsParams p;
            do {
                p = c.client.nextDiagnostics(localUri);
            } while (p.getDiagnostics().stream().noneMatch(d -> "evttype-restriction".equals(d.getCode().getLeft())));
            // the other file waited for a pause in the typing: its check does not compete with the edited file's requests
            assertTrue(System.nanoTime() - edited >= TimeUnit.MILLISECONDS.toNanos(FalconerTextDocumentService.DEPENDENTS_DELAY_MS));

            endsCleanly(c);
        }
    }

    @Test
    void changingTheFieldThatTestsAListRechecksTheListsFile(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            String feed = "- list: feed\n  items: [10.0.0.1, 999.1.1.1]\n";
            String rules = "- rule: r\n  desc: d\n  condition: evt.type = connect and fd.sip in (feed)\n"
                    + "  output: o\n  priority: INFO\n";
            Path feedPath = Files.writeString(dir.resolve("feed.yaml"), feed);
            Path rulesPath = Files.writeString(dir.resolve("rules.yaml"), rules);
            String feedUri = RulesWorkspace.uriOf(feedPath);
            String rulesUri = RulesWorkspace.uriOf(rulesPath);
            c.server.initialize(initializeParams(dir)).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("rules.yaml");
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(feedUri, "yaml", 1, feed)));
            awaitCode(c, feedUri, "value-type", true); // the bad address, found by the rule's check, in the list's file
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(rulesUri, "yaml", 1, rules)));
            c.client.nextDiagnostics(rulesUri);
            int at = rules.indexOf("fd.sip") - rules.indexOf("  condition:");
            edit(c, rulesUri, 2, 2, at, at + "fd.sip".length(), "proc.name"); // any string is a process name
            awaitCode(c, feedUri, "value-type", false);
            edit(c, rulesUri, 3, 2, at, at + "proc.name".length(), "fd.sip");
            awaitCode(c, feedUri, "value-type", true);
            endsCleanly(c);
        }
    }


    /**
     * Falco compiles after each listed file and stops at the first failure (spec §2.11): a rule
     * naming a list that only the next file defines fails at its own file, though the final rules
     * are fine. The editor shows it once the user pauses, keeps it through an edit that leaves it,
     * and takes it back when the edit of the other file (or of its own) removes it.
     */
    @Test
    void aLoadErrorBeforeTheLastListedFileIsShownOnceTheUserPauses(@TempDir Path dir) throws Exception {
        String rule = "- rule: r\n  desc: d\n  condition: evt.type in (my_evts)\n  output: o\n  priority: INFO\n";
        String list = "- list: my_evts\n  items: [open, openat]\n";
        Path rulePath = Files.writeString(dir.resolve("a_rules.yaml"), rule);
        Path listPath = Files.writeString(dir.resolve("b_rules.yaml"), list);
        String ruleUri = RulesWorkspace.uriOf(rulePath);
        try (InProcessConnection c = new InProcessConnection()) {
            InitializeParams params = initializeParams(dir);
            params.setInitializationOptions(JsonParser.parseString(
                    "{\"rulesFiles\": [\"" + rulePath + "\", \"" + listPath + "\"]}"));
            c.server.initialize(params).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.client.awaitLog("b_rules.yaml");
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(ruleUri, "yaml", 1, rule)));
            assertTrue(c.client.nextDiagnostics(ruleUri).getDiagnostics().isEmpty()); // the final rules are fine
            long opened = System.nanoTime();
            org.eclipse.lsp4j.Diagnostic error = awaitCode(c, ruleUri, "unknown-evttype", true).get(0);
            assertTrue(System.nanoTime() - opened >= TimeUnit.MILLISECONDS.toNanos(FalconerTextDocumentService.LOAD_STEPS_DELAY_MS));
            assertEquals(new Range(new Position(2, 26), new Position(2, 33)), error.getRange());
            assertTrue(error.getRelatedInformation().get(0).getMessage().contains("a_rules.yaml"),
                    error.getRelatedInformation().toString());

            // a line above it: published at once without it (found in the version before), then with it again, moved
            edit(c, ruleUri, 2, 0, 0, 0, "# mine\n");
            assertEquals(3, awaitCode(c, ruleUri, "unknown-evttype", true).get(0).getRange().getStart().getLine());

            // the rule names the events itself: nothing fails any more
            edit(c, ruleUri, 3, 3, 26, 33, "open");
            awaitCode(c, ruleUri, "unknown-evttype", false);
            endsCleanly(c);
        }
    }

    @Test
    void renamingAMacroKeystrokeByKeystrokeRechecksTheFilesUsingItsNames(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            BaseAndLocal files = BaseAndLocal.open(c, dir);

            // a burst of keystrokes after the name: the comparisons they ask for wait as one
            String typed = "_with_a_longer_name";
            int column = "- macro: spawned_process".length();
            for (int i = 0; i < typed.length(); i++) {
                edit(c, files.baseUri(), 2 + i, 0, column + i, column + i, typed.substring(i, i + 1));
            }
            awaitUnknownMacro(c, files.localUri(), true);
            edit(c, files.baseUri(), 100, 0, column, column + typed.length(), "");
            awaitUnknownMacro(c, files.localUri(), false);
            endsCleanly(c);
        }
    }

    @Test
    void aFileCheckedBetweenAnEditAndItsUndoIsCheckedAgain(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            BaseAndLocal files = BaseAndLocal.open(c, dir);
            // a base large enough for its comparison to wait for a pause in the typing
            String padding = ("# " + "x".repeat(98) + "\n").repeat(
                    FalconerTextDocumentService.DEFERRED_COMPARISON_MIN_CHARS / 100 + 1);
            c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(
                    files.baseUri(), 2), List.of(new TextDocumentContentChangeEvent(BaseAndLocal.BASE_TEXT + padding))));
            // within that pause: its macro renamed, the local file checked against that (an edit
            // of its own), the rename undone
            int end = "- macro: spawned_process".length();
            edit(c, files.baseUri(), 3, 0, end, end, "x");
            files.retypeLocal(c, LOCAL_RULE + "\n");
            awaitUnknownMacro(c, files.localUri(), true);
            edit(c, files.baseUri(), 4, 0, end, end + 1, "");
            // the base's names compare equal across the pause: only the check in between differs
            awaitUnknownMacro(c, files.localUri(), false);
            endsCleanly(c);
        }
    }

    @Test
    void aSuggestedNameRenamedAwayIsSuggestedNoMore(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            BaseAndLocal files = BaseAndLocal.open(c, dir);
            files.retypeLocal(c, LOCAL_RULE.replace("spawned_process and", "spawned_proces and"));
            awaitUnknownMacroSuggesting(c, files.localUri(), true);
            // the base's macro renamed far from the typo: the suggestion goes with it
            int column = "- macro: ".length();
            edit(c, files.baseUri(), 2, 0, column, column + "spawned_process".length(), "zzz_elsewhere");
            awaitUnknownMacroSuggesting(c, files.localUri(), false);
            endsCleanly(c);
        }
    }

    @Test
    void aListDefinedElsewhereIsSuggestedForANameThatHadNoneClose(@TempDir Path dir) throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            BaseAndLocal files = BaseAndLocal.open(c, dir);
            files.retypeLocal(c, LOCAL_RULE.replace("proc.name = bash", "proc.name in (shellz)"));
            assertTrue(c.client.nextDiagnostics(files.localUri()).getDiagnostics().isEmpty(), "no list is close to shellz");
            // a list defined in the other file: the literal now nearly names it
            int end = BaseAndLocal.BASE_TEXT.split("\n").length;
            edit(c, files.baseUri(), 2, end, 0, 0, "- list: shells\n  items: [bash]\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (c.client.nextDiagnostics(files.localUri()).getDiagnostics().stream()
                    .noneMatch(d -> "unknown-list".equals(d.getCode().getLeft()) && d.getMessage().contains("'shells'"))) {
                assertTrue(System.nanoTime() < deadline, "no unknown-list suggesting shells");
            }
            endsCleanly(c);
        }
    }

    /** Replaces columns {@code from} to {@code to} of {@code line} of {@code uri} with {@code text}, as version {@code version}. */
    private static void edit(InProcessConnection c, String uri, int version, int line, int from, int to, String text) {
        c.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, from), new Position(line, to)), text))));
    }

    /** Waits for an unknown-macro diagnostic of {@code uri} that does (or does not) suggest 'spawned_process'. */
    private static void awaitUnknownMacroSuggesting(InProcessConnection c, String uri, boolean suggested) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (var d : c.client.nextDiagnostics(uri).getDiagnostics()) {
                if ("unknown-macro".equals(d.getCode().getLeft()) && d.getMessage().contains("'spawned_process'") == suggested) {
                    return;
                }
            }
        }
        throw new AssertionError("no unknown-macro " + (suggested ? "suggesting" : "not suggesting") + " spawned_process in " + uri);
    }

    @Test
    void japaneseFromWorkspaceConfiguration() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            c.client.settings = JsonParser.parseString("{\"locale\": \"ja\"}");
            c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, "- macro: m\n  condition: proc.name = x\n")));
            c.client.nextDiagnostics(URI);
            assertHoverSoonSays(c, "型:");
        }
    }

    /** A generic client answers the pull with an empty section when the user set nothing: the start-up options hold. */
    @Test
    void japaneseFromInitializationOptionsSurvivesAnEmptyPull() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            c.client.settings = new com.google.gson.JsonObject();
            InitializeParams params = initializeParams();
            params.setLocale(null);
            params.setInitializationOptions(JsonParser.parseString("{\"locale\": \"ja\"}"));
            c.server.initialize(params).get(5, TimeUnit.SECONDS);
            c.server.initialized(new InitializedParams());
            for (int i = 0; i < 200 && c.client.configurationPulls.get() == 0; i++) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // the empty answer reaches the server before the document does
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "yaml", 1, "- macro: m\n  condition: proc.name = x\n")));
            c.client.nextDiagnostics(URI);
            Hover h = c.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(URI), new Position(1, 15))).get(5, TimeUnit.SECONDS);
            assertTrue(h.getContents().getRight().getValue().contains("型:"), h.getContents().getRight().getValue());
        }
    }

    /** Hovers {@code proc.name} of the one-macro document until the answer has {@code text} (settings arrive asynchronously). */
    private static void assertHoverSoonSays(InProcessConnection c, String text) throws Exception {
        String md = "";
        for (int i = 0; i < 40 && !md.contains(text); i++) {
            Hover h = c.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(URI), new Position(1, 15))).get(5, TimeUnit.SECONDS);
            md = h.getContents().getRight().getValue();
            Thread.sleep(25);
        }
        assertTrue(md.contains(text), md);
    }

    @Test
    void exitWithoutShutdownEndsWithOne() throws Exception {
        try (InProcessConnection c = new InProcessConnection()) {
            assertNotNull(c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS));
            c.server.exit();
            assertEquals(1, c.awaitExit());
        }
    }

    @Test
    void clientGoingAwayEndsWithOne() throws Exception {
        InProcessConnection c = new InProcessConnection();
        c.server.initialize(initializeParams()).get(5, TimeUnit.SECONDS);
        c.close();
        assertEquals(1, c.awaitExit());
    }
}

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.explain.Clause;
import dev.falconer.explain.Explainer;
import dev.falconer.explain.CatalogExplainContext;
import dev.falconer.explain.WorkspaceExplainItems;
import dev.falconer.rules.ItemKind;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WarmupTest {
    private static final FalconerService SERVICE =
            new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());

    @Test
    void theWarmUpWaitsWhileTheServerIsBusyThenFinishes() {
        AtomicInteger asked = new AtomicInteger();
        // busy for the first three questions, then idle
        assertTrue(Warmup.exercise(SERVICE, () -> asked.incrementAndGet() <= 3, null), "finished");
        assertTrue(asked.get() > 3, "the warm-up asked whether the server was busy: " + asked.get());
    }

    @Test
    void anInterruptedWarmUpStopsInsteadOfWaitingForever() {
        Thread.currentThread().interrupt();
        try {
            assertFalse(Warmup.exercise(SERVICE, () -> true, null));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
        }
    }

    @Test
    void aWarmUpInterruptedWhileItRunsStopsAtItsNextStep() {
        AtomicInteger asked = new AtomicInteger();
        try {
            // the server shuts down during the first step: the steps after it do not run
            assertFalse(Warmup.exercise(SERVICE, () -> {
                asked.incrementAndGet();
                Thread.currentThread().interrupt();
                return false;
            }, null));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
        }
        assertEquals(1, asked.get());
    }

    /**
     * The request handlers are rehearsed once after the first rounds (their lambdas are linked even
     * when the user's first request stops the warm-up early), then in full at the end.
     */
    @Test
    void theHandlersAreRehearsedOnceEarlyAndLastInFull() throws InterruptedException {
        java.util.List<String> steps = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Thread> thread = new java.util.concurrent.atomic.AtomicReference<>();
        Warmup.start(() -> SERVICE, new ServerLog(System.err), () -> {
            if (steps.isEmpty() || !steps.get(steps.size() - 1).equals("step")) {
                steps.add("step");
            }
            return false;
        }, () -> null, times -> steps.add("rehearse " + times), thread::set);
        thread.get().join(20_000);
        assertFalse(thread.get().isAlive(), "the warm-up ended");
        assertEquals(List.of("step", "rehearse 1", "step", "rehearse " + Warmup.rounds(Warmup.REHEARSALS)), steps);
    }

    @Test
    void aStoppedEarlyRehearsalEndsTheWarmUp() throws InterruptedException {
        java.util.List<String> steps = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Thread> thread = new java.util.concurrent.atomic.AtomicReference<>();
        Warmup.start(() -> SERVICE, new ServerLog(System.err), () -> steps.add("step") && false, () -> null,
                times -> steps.add("rehearse " + times) && false, thread::set);
        thread.get().join(20_000);
        assertEquals(List.of("step", "rehearse 1"), steps.stream().distinct().toList(),
                "the server closed under it: nothing more runs");
    }

    /**
     * What the warm-up types makes, in turn, no new problem, a syntax error and an unknown field:
     * the paths an editor's first keystrokes take.
     */
    @Test
    void theTypedEditsReachASyntaxErrorAndAnUnknownField() throws IOException {
        String text;
        try (InputStream in = Warmup.class.getResourceAsStream("warmup.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int at = text.indexOf(" and ") + 5;
        java.util.List<String> before = codes(text);
        java.util.List<java.util.List<String>> added = new java.util.ArrayList<>();
        for (String typed : Warmup.TYPED) {
            java.util.List<String> after = codes(text.substring(0, at) + typed + text.substring(at));
            before.forEach(after::remove);
            added.add(after);
        }
        assertEquals(3, added.size());
        assertEquals(java.util.List.of(), added.get(0), "a space changes nothing");
        assertTrue(added.get(1).contains("condition-syntax"), "a parenthesis opened: " + added.get(1));
        assertTrue(added.get(2).contains("unknown-field"), "a word and a dot: " + added.get(2));
    }

    private static java.util.List<String> codes(String text) {
        RulesWorkspace ws = new RulesWorkspace();
        ws.open("falconer:/typed.yaml", 1, text);
        java.util.List<String> out = new java.util.ArrayList<>();
        SERVICE.diagnostics(new dev.falconer.service.AnalysisRequest(ws.snapshot(), "falconer:/typed.yaml",
                SERVICE.catalog(), FalconerSettings.defaults()), () -> false).forEach(d -> out.add(d.code()));
        return out;
    }

    /** The warm-up's rounds are sized for the JIT thresholds the server is started with. */
    @Test
    void theWarmUpScaleIsTheLaunchersCompileThresholdScaling() throws IOException {
        java.nio.file.Path launcher = java.nio.file.Path.of("falconer");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(launcher), "run from server/");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-XX:CompileThresholdScaling=([0-9.]+)")
                .matcher(java.nio.file.Files.readString(launcher));
        assertTrue(m.find(), "server/falconer passes -XX:CompileThresholdScaling");
        assertEquals(Warmup.SCALE, Double.parseDouble(m.group(1)));
    }

    @Test
    void roundsAreTheShareOfTheDefaultThresholdsRunsAndAtLeastOne() {
        assertEquals(Math.round(200 * Warmup.SCALE * Warmup.MARGIN), Warmup.rounds(200));
        assertEquals(1, Warmup.rounds(1));
        assertTrue(Warmup.rounds(3) >= 1);
    }

    /** The explain sample is only worth its start-up time if every macro and rule in it explains clause by clause. */
    @Test
    void theExplainSampleExplainsEveryMacroAndRuleWithoutUnparsedClauses() throws IOException {
        WorkspaceSnapshot ws = explainSample();
        WorkspaceExplainItems items = new WorkspaceExplainItems(ws.merged());
        CatalogExplainContext context = new CatalogExplainContext(SERVICE.catalog(), "syscall", items);
        assertTrue(ws.merged().macros().size() >= 6, "macros in the sample: " + ws.merged().macros().keySet());
        for (String name : ws.merged().macros().keySet()) {
            Clause c = Explainer.explain(items.macro(name).orElseThrow(), context, Locale.ENGLISH).condition();
            assertFalse(c instanceof Clause.Unparsed, name);
        }
        for (String name : ws.merged().rules().keySet()) {
            Clause c = Explainer.explain(items.rule(name).orElseThrow(), context, Locale.ENGLISH).condition();
            assertFalse(c instanceof Clause.Unparsed, name);
        }
    }

    /** Rehearsing keeps nothing: the service's own explanations afterwards are those of a service that never rehearsed. */
    @Test
    void rehearsingExplanationsChangesNoAnswer() throws IOException {
        WorkspaceSnapshot ws = explainSample();
        FalconerService rehearsed = new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());
        FalconerService fresh = new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());
        FalconerSettings settings = FalconerSettings.defaults();
        rehearsed.rehearseExplanations(ws, settings.locale());
        for (String name : ws.merged().rules().keySet()) {
            SymbolKey rule = new SymbolKey(ItemKind.RULE, name);
            assertEquals(fresh.explain(ws, rule, settings), rehearsed.explain(ws, rule, settings), name);
        }
        for (String name : ws.merged().macros().keySet()) {
            SymbolKey macro = new SymbolKey(ItemKind.MACRO, name);
            assertEquals(fresh.explain(ws, macro, settings), rehearsed.explain(ws, macro, settings), name);
        }
    }

    /**
     * Rehearsing the requests' handlers answers each of them for a document that does not exist,
     * says nothing to the client and leaves the open documents' answers as they were.
     */
    @Test
    void rehearsingRequestsTouchesNoDocument() throws Exception {
        RecordingClient client = new RecordingClient();
        FalconerLanguageServer server = connectedServer(client);
        server.initialize(LifecycleTest.initializeParams()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
        String uri = "file:///work/rules/r_rules.yaml";
        server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                new org.eclipse.lsp4j.TextDocumentItem(uri, "yaml", 1, """
                        - macro: spawned
                          condition: evt.type = execve
                        - rule: r
                          desc: d
                          condition: spawned and proc.name = sh
                          output: "%proc.name"
                          priority: INFO
                        """)));
        assertEquals(uri, client.diagnostics.poll(10, java.util.concurrent.TimeUnit.SECONDS).getUri());
        org.eclipse.lsp4j.TextDocumentIdentifier id = new org.eclipse.lsp4j.TextDocumentIdentifier(uri);
        Object symbols = server.getTextDocumentService().documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(id)).get();
        Object tokens = server.getTextDocumentService().semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(id)).get();
        assertTrue(server.textService().rehearse(3, () -> false));

        // the warm-up running meanwhile may publish or log about the open document, never about this one
        assertTrue(client.diagnostics.stream().noneMatch(p -> p.getUri().contains("rehearsal")), "nothing published");
        assertTrue(client.logs.stream().noneMatch(m -> m.getMessage().contains("rehearsal")
                || m.getType() == org.eclipse.lsp4j.MessageType.Error), "nothing logged: " + client.logs);
        assertEquals(symbols, server.getTextDocumentService().documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(id)).get());
        assertEquals(tokens, server.getTextDocumentService().semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(id)).get());
        Thread.currentThread().interrupt();
        try {
            assertFalse(server.textService().rehearse(3, () -> false), "interrupted: it stops");
        } finally {
            assertTrue(Thread.interrupted());
        }
        server.shutdown().get(10, java.util.concurrent.TimeUnit.SECONDS);
        server.exit(); // its request pool closes: a rehearsal still running stops quietly
        assertFalse(server.textService().rehearse(3, () -> false), "closed: it stops");
    }

    /**
     * The user's first hover stops the warm-up, which would otherwise compete with the user's
     * requests; the warm-up's own rehearsal hovers do not. Held at its first step by an edit
     * whose diagnostics wait for a minute (the warm-up pauses while diagnostics are pending).
     */
    @Test
    void theUsersFirstHoverStopsTheWarmUp() throws Exception {
        RecordingClient client = new RecordingClient();
        FalconerLanguageServer server = connectedServer(client);
        client.settings = com.google.gson.JsonParser.parseString("{\"diagnostics\": {\"delay\": 60000}}");
        org.eclipse.lsp4j.InitializeParams init = LifecycleTest.initializeParams();
        init.setInitializationOptions(com.google.gson.JsonParser.parseString(
                "{\"falconer\": {\"diagnostics\": {\"delay\": 60000}}}"));
        server.initialize(init).get(10, java.util.concurrent.TimeUnit.SECONDS);
        String uri = "file:///work/rules/r_rules.yaml";
        String text = """
                - rule: r
                  desc: d
                  condition: proc.name = sh
                  output: "%proc.name"
                  priority: INFO
                """;
        var id = new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, 2);
        server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                new org.eclipse.lsp4j.TextDocumentItem(uri, "yaml", 1, text)));
        server.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(id,
                List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(text + "\n"))));
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!server.serviceReady() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(server.serviceReady(), "the warm-up built the service");
        Thread warmup = server.warmupThread();
        assertNotNull(warmup);
        assertTrue(server.textService().rehearse(2, () -> false), "the warm-up's own hovers");
        warmup.join(300);
        assertTrue(warmup.isAlive(), "still waiting for the pending diagnostics");

        server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(2, 15)))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        warmup.join(10_000);
        assertFalse(warmup.isAlive(), "stopped at its next step");
        assertNull(server.warmupThread());
        server.shutdown().get(10, java.util.concurrent.TimeUnit.SECONDS);
        server.exit();
    }

    /** A production server talking to {@code client}, its log discarded. */
    private static FalconerLanguageServer connectedServer(RecordingClient client) {
        FalconerLanguageServer server = new FalconerLanguageServer("test", LanguageServerRunner.productionDiagnostics(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), code -> { });
        server.connect(client);
        return server;
    }

    private static WorkspaceSnapshot explainSample() throws IOException {
        try (InputStream in = Warmup.class.getResourceAsStream("warmup-explain.yaml")) {
            assertNotNull(in, "warmup-explain.yaml is on the class path");
            RulesWorkspace ws = new RulesWorkspace();
            ws.open("falconer:/warmup-explain.yaml", 1, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ws.snapshot();
        }
    }
}

package dev.falconer.lsp;

import com.google.gson.JsonElement;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.navigate.ConditionCache;
import dev.falconer.navigate.Navigator;
import dev.falconer.service.DiagnosticsProvider;
import dev.falconer.service.FalconerService;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.service.FalconerSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The lifecycle of one client connection: {@code initialize}, settings, {@code shutdown} and
 * {@code exit}. Documents and workspace events are handled by the two services it hands out;
 * the features themselves live in {@link FalconerService}.
 */
public final class FalconerLanguageServer implements LanguageServer, LanguageClientAware {
    static final String WATCHER_ID = "falconer-watch-rules";
    static final String CONFIG_ID = "falconer-configuration";

    private final String version;
    private final IntConsumer exit;
    private final ServerLog log;
    private final RequestRunner requests;
    private final DiagnosticsScheduler scheduler;
    private final DiagnosticsProvider diagnosticsProvider;
    /** Parsed conditions and source maps shared by the workspace analysis and navigation. */
    private final ConditionCache conditions = new ConditionCache();
    private final RulesWorkspace workspace = new RulesWorkspace(conditions);
    /**
     * Loading the catalog takes a while: it starts once {@code initialize} has been answered (see
     * {@link #startLoading()}), so that it does not delay the answer, and the first feature that
     * needs it waits.
     */
    private volatile CompletableFuture<FalconerService> service = new CompletableFuture<>();
    private final AtomicBoolean loadingStarted = new AtomicBoolean();
    private volatile CompletableFuture<Navigator> navigator;
    /**
     * Completes once the workspace's rules files were first read (see {@link #startLoading()}):
     * diagnostics wait for it, so that the first ones a document gets already see the other files.
     */
    private final CompletableFuture<Void> workspaceRead = new CompletableFuture<>();
    private final AtomicBoolean readingStarted = new AtomicBoolean();
    /** How many times the rules files were listed; a diagnostics run notes the count it started at. */
    private final AtomicLong fileLists = new AtomicLong();
    /** Readings asked for, in order; the pool may start two at once, the older must not win. */
    private final AtomicLong readings = new AtomicLong();
    private long latestListing; // guarded by fileLists
    private final FalconerTextDocumentService textService;
    private final FalconerWorkspaceService workspaceService;

    private volatile LanguageClient client;
    /** The connection's JSON codec, once connected: the warm-up runs its first requests through it. */
    private volatile MessageJsonHandler jsonHandler;
    /** See {@link #youngCollections}; set on the warm-up thread ({@code -Dfalconer.collectBeforePublish=false}: never). */
    private volatile YoungCollections collections;
    private final IdleCollection idle;
    /** The latest warm-up thread; interrupted at shutdown (in a test JVM it would outlive the server). */
    private volatile Warmup.WarmupThread warmup;
    private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();
    private volatile String clientLocale;
    private volatile FalconerSettings settings = FalconerSettings.defaults();
    /** The {@code initializationOptions} over the defaults (with the client's locale): what later settings are read over. */
    private volatile FalconerSettings initialSettings = FalconerSettings.defaults();
    private volatile List<WorkspaceFolder> folders = List.of();
    private volatile boolean shutdownRequested;
    private volatile boolean initialized;

    /**
     * @param version the server version announced in {@code initialize}
     * @param diagnostics the checks (see {@link DiagnosticsProvider})
     * @param err         where the log goes (stderr in production)
     * @param exit        called once with the process exit code when the client sends {@code exit}
     */
    public FalconerLanguageServer(String version, DiagnosticsProvider diagnostics, PrintStream err, IntConsumer exit) {
        this.version = version;
        this.exit = exit;
        this.diagnosticsProvider = diagnostics;
        this.log = new ServerLog(err);
        this.navigator = navigatorFor(service);
        this.requests = new RequestRunner(2, log);
        this.scheduler = new DiagnosticsScheduler(log);
        this.idle = new IdleCollection(() -> collections, this::busy);
        this.textService = new FalconerTextDocumentService(this);
        this.workspaceService = new FalconerWorkspaceService(this);
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        log.connect(languageClient);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            clientCapabilities = params.getCapabilities();
        }
        clientLocale = params.getLocale();
        folders = initialFolders(params);
        initialSettings = SettingsReader.read(
                params.getInitializationOptions() instanceof JsonElement json ? json : null, clientLocale);
        applySettings(null);
        InitializeResult result = new InitializeResult(Capabilities.of(clientCapabilities),
                new ServerInfo("falconer", version));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void initialized(InitializedParams params) {
        initialized = true;
        registerDynamicCapabilities();
        log.info("server.ready", version);
        startLoading(); // the workspace is read already when the initialize answer was written
        pullSettings();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        scheduler.close();
        idle.close();
        stopWarmup();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        scheduler.close();
        idle.close();
        stopWarmup();
        requests.close();
        exit.accept(shutdownRequested ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    // ---- shared with the two services -------------------------------------------------------

    LanguageClient client() {
        return client;
    }

    /** The JSON codec of the connection (its type adapters are built on first use, per type). */
    void jsonHandler(MessageJsonHandler handler) {
        this.jsonHandler = handler;
    }

    /** {@code null} before the connection exists (tests that call the server directly). */
    MessageJsonHandler jsonHandler() {
        return jsonHandler;
    }

    ServerLog log() {
        return log;
    }

    RequestRunner requests() {
        return requests;
    }

    DiagnosticsScheduler scheduler() {
        return scheduler;
    }

    FalconerService service() {
        startLoading();
        return service.join();
    }

    /** Whether completion answers may leave documentation to {@code completionItem/resolve}. */
    boolean completionDocumentationOnResolve() {
        return Capabilities.resolvesCompletionDocumentation(clientCapabilities);
    }

    /** Whether hovers may be markdown (else {@link PlainText}). */
    boolean hoverTakesMarkdown() {
        return Capabilities.hoverTakesMarkdown(clientCapabilities);
    }

    /** Whether completion documentation may be markdown (else {@link PlainText}). */
    boolean completionTakesMarkdown() {
        return Capabilities.completionTakesMarkdown(clientCapabilities);
    }

    /** Whether completion items may be snippets (see {@link SnippetText}). */
    boolean completionTakesSnippets() {
        return Capabilities.takesSnippets(clientCapabilities);
    }

    /** Whether completion items may carry an insert and a replace range (see {@link Lsp#withWordTail}). */
    boolean completionInsertsOrReplaces() {
        return Capabilities.insertsOrReplaces(clientCapabilities);
    }

    /** Whether the features are built (the catalog is loaded): a request would not wait for them. */
    boolean serviceReady() {
        CompletableFuture<FalconerService> s = service;
        return s.isDone() && !s.isCompletedExceptionally();
    }

    Navigator navigator() {
        startLoading();
        return navigator.join();
    }

    /**
     * Starts building the feature service with the bundled catalog and reading the workspace's
     * rules files, once: called when the {@code initialize} answer has been written (the folders
     * and the settings of {@code initializationOptions} are known then), or by the first feature
     * that needs either. Reading the files before {@code initialized} rather than on it lets them
     * be ready sooner for the first document the client opens.
     */
    void startLoading() {
        if (readingStarted.compareAndSet(false, true)) {
            readWorkspace();
        }
        if (loadingStarted.compareAndSet(false, true)) {
            CompletableFuture<FalconerService> first = service;
            Warmup.start(() -> new FalconerService(FieldCatalog.defaults(), diagnosticsProvider), log, this::busy,
                    this::jsonHandler, this::rehearseRequests, t -> warmup = t)
                    .whenComplete((s, failure) -> {
                        if (failure != null) {
                            first.completeExceptionally(failure);
                        } else {
                            first.complete(s);
                            collections = Boolean.parseBoolean(System.getProperty("falconer.collectBeforePublish", "true"))
                                    ? YoungCollections.forServer() : null;
                        }
                    });
        }
    }

    private CompletableFuture<Navigator> navigatorFor(CompletableFuture<FalconerService> features) {
        return features.thenApply(s -> new Navigator(s.catalog(), conditions));
    }

    /**
     * Young collections at moments the server picks (before diagnostics are published, and in
     * pauses: {@link IdleCollection}); {@code null} until the warm-up starts, with a collector
     * whose eden grows as it goes (G1), or when switched off.
     */
    YoungCollections youngCollections() {
        return collections;
    }

    private void stopWarmup() {
        Thread t = warmup;
        if (t != null) {
            t.interrupt();
        }
    }

    /** The warm-up's thread while it may still run, or {@code null} (for tests). */
    Thread warmupThread() {
        return warmup;
    }

    /**
     * The user asked for a hover or a completion: the warm-up, there to prepare those first
     * answers, would from now on only compete with the user's requests for the CPU, so its
     * rehearsals stop (the service it builds first is always finished). Usually it has ended long
     * before; on a loaded machine it had not finished its first pass when lspprobe's hovers began,
     * and ran through the whole session beside them.
     */
    void userAsked() {
        Warmup.WarmupThread t = warmup;
        if (t != null && t.stopRehearsing()) {
            warmup = null;
        }
    }

    /** A message came from the client or went to it (see {@link IdleCollection}). */
    void activity() {
        idle.activity();
    }

    /** The warm-up's first and last steps: the requests' own handlers (see {@link FalconerTextDocumentService#rehearse}). */
    private boolean rehearseRequests(int times) {
        return textService.rehearse(times, this::busy);
    }

    /** Real work is waiting or running: the warm-up waits for it. */
    private boolean busy() {
        return !scheduler.idle() || !requests.idle();
    }

    FalconerTextDocumentService textService() {
        return textService;
    }

    RulesWorkspace workspace() {
        return workspace;
    }

    /** The workspace folders as local paths (non-file URIs are left out). */
    List<Path> roots() {
        List<Path> out = new ArrayList<>();
        for (WorkspaceFolder f : folders) {
            if (f == null || f.getUri() == null) {
                continue; // names no folder
            }
            try {
                URI uri = URI.create(f.getUri());
                if ("file".equals(uri.getScheme())) {
                    out.add(Path.of(uri));
                }
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // Not a local folder: nothing to scan.
            }
        }
        return out;
    }

    FalconerSettings settings() {
        return settings;
    }

    List<WorkspaceFolder> folders() {
        return folders;
    }

    void folders(List<WorkspaceFolder> newFolders) {
        folders = List.copyOf(newFolders);
        reloadWorkspace();
    }

    boolean isShutdown() {
        return shutdownRequested;
    }

    /** Reads a settings object (the section or an object holding it) over {@link #initialSettings} and re-analyses open documents. */
    void applySettings(JsonElement json) {
        FalconerSettings previous = settings;
        FalconerSettings next = SettingsReader.read(json, initialSettings);
        settings = next;
        log.locale(next.locale());
        if (!next.catalogFiles().equals(previous.catalogFiles())) {
            loadingStarted.set(true); // the bundled catalog alone is not needed any more
            List<Path> roots = roots();
            service = Warmup.start(() -> new FalconerService(CatalogLoader.load(next, roots, log), diagnosticsProvider),
                    log, this::busy, this::jsonHandler, this::rehearseRequests, t -> warmup = t);
            navigator = navigatorFor(service);
        }
        if (initialized && (!next.rulesFiles().equals(previous.rulesFiles())
                || !next.filePatterns().equals(previous.filePatterns()))) {
            reloadWorkspace();
        } else {
            textService.reanalyseOpenDocuments();
        }
        // lenses shown or not, their language: the editor asks for them again only when told. Only
        // for those: a refresh makes VS Code's lenses on screen stale until it has fetched them again
        LanguageClient c = client;
        boolean lensesChanged = !next.locale().equals(previous.locale()) || next.explainCodeLens() != previous.explainCodeLens()
                || next.referencesCodeLens() != previous.referencesCodeLens();
        if (initialized && c != null && lensesChanged && Capabilities.refreshesCodeLenses(clientCapabilities)) {
            c.refreshCodeLenses();
        }
    }

    /**
     * Finds the rules files again (in the background: a scan may take a while), then re-checks
     * open documents. Before {@code initialized}, only the first reading (started with the
     * feature service) happens.
     */
    void reloadWorkspace() {
        if (initialized) {
            readWorkspace();
        }
    }

    /** Diagnostics wait for the first reading of the workspace; starts it when nothing did yet. */
    void awaitWorkspace() {
        startLoading();
        workspaceRead.join();
    }

    /** The number of times the rules files were listed so far (see {@link #awaitWorkspace()}). */
    long fileLists() {
        return fileLists.get();
    }

    private void readWorkspace() {
        FalconerSettings s = settings;
        List<Path> roots = roots();
        long ticket = readings.incrementAndGet();
        try {
            requests.background(() -> read(roots, s, ticket));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            workspaceRead.complete(null); // closed: nothing will read the files, nothing may wait for them
        }
    }

    private void read(List<Path> roots, FalconerSettings s, long ticket) {
        WorkspaceProgress progress = WorkspaceProgress.begin(Capabilities.showsProgress(clientCapabilities) ? client : null,
                ticket, log.text("workspace.progress"));
        int read = 0;
        try {
            List<Path> files = RulesFileDiscovery.find(roots, s.rulesFiles(), s.filePatterns());
            long listed;
            synchronized (fileLists) {
                if (ticket < latestListing) {
                    return; // a later reading (newer settings or folders) listed its files already
                }
                latestListing = ticket;
                workspace.setRulesFiles(files);
                listed = fileLists.incrementAndGet();
            }
            // the heap grows in large steps through the reading and the open documents' first checks
            try (HeapGrowth growth = HeapGrowth.whileReading(RulesWorkspace.bytesOf(files))) {
                // Read and parse the files now, while the client opens its first document, rather
                // than inside that document's first diagnostics.
                workspace.snapshot((uri, taken, total) -> progress.fileTaken(taken, total,
                        () -> log.text("workspace.progress.file", RulesWorkspace.fileNameOf(uri), taken, total)));
                read = files.size();
                workspaceRead.complete(null);
                // the files are read: the prechecks below are the server's own business
                progress.end(log.text("workspace.progress.done", read));
                List<String> uris = files.stream().map(RulesWorkspace::uriOf).toList();
                java.util.function.Function<String, String> shown = RulesWorkspace.shownNames(uris);
                log.info("workspace.loaded", files.size(), String.join(", ", uris.stream().map(shown).toList()));
                if (s.rulesFiles().isEmpty() && RulesFileDiscovery.reachedBound(roots, files)) {
                    log.warn("workspace.tooManyFiles", RulesFileDiscovery.MAX_FILES);
                }
                // Falco refuses to start without them: their macros and lists then look undefined
                for (Path f : files) {
                    if (!java.nio.file.Files.exists(f)) {
                        log.warn("workspace.missingFile", f);
                    } else if (!java.nio.file.Files.isDirectory(f) && !java.nio.file.Files.isReadable(f)) {
                        log.warn("workspace.unreadableFile", f);
                    }
                }
                textService.reanalyseOpenDocumentsBefore(listed);
                textService.precheck();
            }
        } finally {
            workspaceRead.complete(null); // a failed reading must not hold diagnostics back
            progress.end(log.text("workspace.progress.done", read));
        }
    }

    /** Asks the client for the {@code falconer} section when it can answer {@code workspace/configuration}. */
    void pullSettings() {
        LanguageClient c = client;
        if (c == null || !Capabilities.canPullConfiguration(clientCapabilities)) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection(SettingsReader.SECTION);
        c.configuration(new ConfigurationParams(List.of(item))).whenComplete((values, failure) -> {
            if (failure != null) {
                log.error(failure, "settings.failed");
            } else if (values != null && !values.isEmpty() && values.get(0) instanceof JsonElement json) {
                applySettings(json);
            }
        });
    }

    private void registerDynamicCapabilities() {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        List<Registration> registrations = new ArrayList<>();
        if (Capabilities.canRegisterFileWatcher(clientCapabilities)) {
            DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(List.of(
                    new FileSystemWatcher(Either.forLeft("**/*.{yaml,yml}"))));
            registrations.add(new Registration(WATCHER_ID, "workspace/didChangeWatchedFiles", options));
        }
        if (Capabilities.canRegisterConfigurationChange(clientCapabilities)) {
            registrations.add(new Registration(CONFIG_ID, "workspace/didChangeConfiguration"));
        }
        if (!registrations.isEmpty()) {
            c.registerCapability(new RegistrationParams(registrations)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.error(failure, "register.failed");
                }
            });
        }
    }

    private static List<WorkspaceFolder> initialFolders(InitializeParams params) {
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            return List.copyOf(params.getWorkspaceFolders());
        }
        @SuppressWarnings("deprecation")
        String root = params.getRootUri();
        return root == null ? List.of() : List.of(new WorkspaceFolder(root, root));
    }
}

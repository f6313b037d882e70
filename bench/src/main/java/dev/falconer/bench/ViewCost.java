package dev.falconer.bench;

import dev.falconer.lsp.FalconerLanguageServer;
import dev.falconer.lsp.LanguageServerRunner;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Steady-state cost of the view requests on {@code falco_rules.yaml} through the real server
 * object (request pool included, JSON encoding of the answer included, no stdio): process CPU and
 * allocation per request and the answer's JSON size. A bounded main, not a unit test; run it with
 * the clients' JVM flags ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1}).
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfalconer.shared=../shared \
 *   -cp bench/target/benchmarks.jar dev.falconer.bench.ViewCost [iterations] [only]</pre>
 */
public final class ViewCost {
    private static final MessageJsonHandler JSON = new MessageJsonHandler(
            ServiceEndpoints.getSupportedMethods(LanguageServer.class));

    /** Runs before each measured request ({@code -Dedit=true}: an edit and its diagnostics). */
    private static Runnable beforeEach = () -> { };

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String only = args.length > 1 ? args[1] : "";
        Path dir = Official.dir();
        Map<String, Integer> published = new ConcurrentHashMap<>();
        FalconerLanguageServer server = new FalconerLanguageServer("bench", LanguageServerRunner.productionDiagnostics(),
                System.err, code -> { });
        server.connect(client(published));
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "rules")));
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get();
        server.initialized(new InitializedParams());
        TextDocumentService docs = server.getTextDocumentService();
        String file = System.getProperty("file", "falco_rules.yaml");
        String uri = dir.resolve(file).toUri().toString();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "falco", 1, Official.read(dir.resolve(file)))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!published.containsKey(uri) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        List<? extends CodeLens> lenses = docs.codeLens(new CodeLensParams(id)).get();
        List<CodeLens> unresolved = lenses.stream().map(l -> (CodeLens) l).filter(l -> l.getCommand() == null).toList();
        String text = Official.read(dir.resolve(file));
        List<Position> hovers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf("proc.");
            if (at >= 0 && lines[i].contains("condition")) {
                hovers.add(new Position(i, at + 1));
            }
        }
        int[] next = {0};
        if (Boolean.getBoolean("edit")) {
            // every measured request follows an edit (a space in or out in the middle of the file)
            // and its diagnostics: the cost of the first request on a new version
            Position at = termStart(lines);
            int[] version = {1};
            beforeEach = () -> {
                int v = ++version[0];
                boolean insert = v % 2 == 0;
                Position end = insert ? at : new Position(at.getLine(), at.getCharacter() + 1);
                docs.didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                        new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, v),
                        List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(
                                new org.eclipse.lsp4j.Range(at, end), insert ? " " : ""))));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (published.getOrDefault(uri, 0) < v && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                settle(); // the work a publication starts in the background is not the request's
            };
        }
        run("hover", only, n * 10, () -> docs.hover(new HoverParams(id, hovers.get(next[0]++ % hovers.size()))));
        Position term = termStart(lines);
        run("completion newTerm", only, n, () -> docs.completion(new CompletionParams(id, term)));
        run("documentSymbol", only, n, () -> docs.documentSymbol(new DocumentSymbolParams(id)));
        run("codeLens", only, n, () -> docs.codeLens(new CodeLensParams(id)));
        run("codeLens/resolve", only, n * 10, () -> docs.resolveCodeLens(unresolved.get(next[0]++ % unresolved.size())));
        run("semanticTokens", only, n, () -> docs.semanticTokensFull(new SemanticTokensParams(id)));
        server.shutdown().get();
        System.exit(0);
    }

    private static void settle() {
        try {
            Thread.sleep(Long.getLong("settle.ms", 30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A position just after {@code and } inside a condition: where a new term starts. */
    private static Position termStart(String[] lines) {
        for (int i = lines.length / 2; i < lines.length; i++) {
            int at = lines[i].indexOf(" and ");
            if (at >= 0 && lines[i].startsWith("    ")) {
                return new Position(i, at + 5);
            }
        }
        throw new IllegalStateException("no term start");
    }

    private static void run(String label, String only, int n, Supplier<CompletableFuture<?>> request) throws Exception {
        if (!only.isEmpty() && !label.startsWith(only)) {
            return;
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int size = 0;
        for (int i = 0; i < n; i++) { // warm-up: C1 compiles what the request runs
            size = JSON.serialize(response(request.get().get())).length();
        }
        if (System.getProperty("dump") != null) {
            java.nio.file.Files.writeString(Path.of(System.getProperty("dump"), label.replace('/', '_').replace(' ', '_') + ".json"),
                    JSON.serialize(response(request.get().get())));
        }
        long cpu = 0;
        long alloc = 0;
        long wall = 0;
        for (int i = 0; i < n; i++) {
            beforeEach.run();
            long cpu0 = os.getProcessCpuTime();
            long alloc0 = allocated(threads);
            long t0 = System.nanoTime();
            JSON.serialize(response(request.get().get()));
            wall += System.nanoTime() - t0;
            cpu += os.getProcessCpuTime() - cpu0;
            alloc += allocated(threads) - alloc0;
        }
        System.out.printf("%-20s cpu/op %7.3f ms  wall/op %7.3f ms  alloc/op %8.1f KB  json %7d chars%n",
                label, cpu / 1e6 / n, wall / 1e6 / n, alloc / 1024.0 / n, size);
    }

    private static ResponseMessage response(Object result) {
        ResponseMessage m = new ResponseMessage();
        m.setId(1);
        m.setResult(result);
        return m;
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, a);
        }
        return sum;
    }

    private static LanguageClient client(Map<String, Integer> published) {
        return new BenchClient(published);
    }
}

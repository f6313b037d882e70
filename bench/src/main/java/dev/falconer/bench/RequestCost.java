package dev.falconer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server's CPU per request kind over JSON-RPC, as lspprobe drives it (a bounded main, not a
 * unit test): spawns the server command, opens {@code falco_rules.yaml} and
 * {@code falco-sandbox_rules.yaml} with the official folder as workspace, then runs hover, typed
 * completion, documentSymbol, codeLens (+ resolve) and semanticTokens, and prints per scenario the
 * wall-clock latencies and the CPU the server's threads used (from {@code /proc/PID/task/*}
 * {@code schedstat}, split into request work, JIT and GC). Wall-clock is noisy on a shared machine;
 * the CPU figures are what to compare.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.falconer.bench.RequestCost server/falconer [reps]</pre>
 */
public final class RequestCost {
    private static final Pattern FIELD = Pattern.compile("\\b(proc|fd|evt|user|container|spawned_process|open_write)[.a-z_]*");

    /** Rounds of the hover positions ({@code -Dhover.rounds}): later rounds show the warm cost. */
    private static final int HOVER_ROUNDS = Integer.getInteger("hover.rounds", 1);
    /** Pause before each measured step ({@code -Dpause.ms}). */
    private static final int PAUSE_MS = Integer.getInteger("pause.ms", 0);
    /** Pause after {@code initialized}, before the first file opens ({@code -Dstart.ms}): lspprobe's init settle. */
    private static final int START_MS = Integer.getInteger("start.ms", 300);

    private final long started = System.nanoTime();
    private final LanguageServer server;
    private final long pid;
    private final Map<String, Integer> published;
    private final Map<String, List<Map<String, Long>>> cpuSamples = new LinkedHashMap<>();
    private final Map<String, List<Double>> ms = new LinkedHashMap<>();

    private RequestCost(LanguageServer server, long pid, Map<String, Integer> published) {
        this.server = server;
        this.pid = pid;
        this.published = published;
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "server/falconer";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path dir = Official.dir();
        Map<String, List<Double>> allMs = new LinkedHashMap<>();
        Map<String, List<Map<String, Long>>> allCpu = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) {
            Process p = new ProcessBuilder(command.split(" ")).redirectError(System.getProperty("server.err") == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("server.err")))).start();
            try {
                RequestCost rc = start(p, dir);
                rc.run(dir);
                rc.ms.forEach((k, v) -> allMs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                rc.cpuSamples.forEach((k, v) -> allCpu.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                rc.server.shutdown().get(5, TimeUnit.SECONDS);
                rc.server.exit();
            } finally {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
        for (String k : allMs.keySet()) {
            List<Double> v = new ArrayList<>(allMs.get(k));
            int n = v.size();
            v.sort(Double::compare);
            List<Map<String, Long>> c = allCpu.get(k);
            List<Double> total = new ArrayList<>();
            double[] sums = new double[GROUPS.length];
            for (Map<String, Long> m : c) {
                total.add((m.getOrDefault("work", 0L) + m.getOrDefault("jit", 0L) + m.getOrDefault("gc", 0L)) / 1e6);
                for (int g = 0; g < GROUPS.length; g++) {
                    sums[g] += m.getOrDefault(GROUPS[g], 0L) / 1e6;
                }
            }
            String first = total.stream().limit(4).map(d -> String.format("%.1f", d)).toList().toString();
            total.sort(Double::compare);
            System.out.printf("%-20s n=%3d wall p50 %6.2f p95 %6.2f max %7.2f | cpu p50 %6.2f p95 %6.2f max %6.2f"
                    + " mean work %5.2f jit %5.2f gc %5.2f bg %5.2f | first cpu %s%n",
                    k, n, pct(v, 50), pct(v, 95), v.get(n - 1), pct(total, 50), pct(total, 95), total.get(n - 1),
                    sums[0] / n, sums[1] / n, sums[2] / n, sums[4] / n, first);
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static RequestCost start(Process p, Path dir) throws Exception {
        Map<String, Integer> published = new ConcurrentHashMap<>();
        LanguageClient client = new BenchClient(published);
        var launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
        launcher.startListening();
        RequestCost rc = new RequestCost(launcher.getRemoteProxy(), p.pid(), published);
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        String root = dir.toUri().toString();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(root, "rules")));
        init.setCapabilities(new ClientCapabilities());
        rc.server.initialize(init).get(30, TimeUnit.SECONDS);
        rc.server.initialized(new InitializedParams());
        Thread.sleep(START_MS);
        return rc;
    }

    private void awaitDiagnostics(String uri, int version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (published) {
            while (published.getOrDefault(uri, Integer.MIN_VALUE) < version && System.nanoTime() < deadline) {
                published.wait(50);
            }
        }
    }

    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    private void run(Path dir) throws Exception {
        List<String> uris = new ArrayList<>();
        for (String f : List.of("falco_rules.yaml", "falco-sandbox_rules.yaml")) {
            Path p = dir.resolve(f);
            String uri = p.toUri().toString();
            String text = Files.readString(p);
            texts.put(uri, text);
            versions.put(uri, 1);
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "falco", 1, text)));
            awaitDiagnostics(uri, 1);
            uris.add(uri);
        }
        Thread.sleep(500);
        for (String uri : uris) {
            // the first hover on a macro explains it (its summary and expansion): one per distinct macro
            List<Position> macros = positions(ProbePlaces.macroReferences(texts.get(uri), 10));
            measure("hover macro", macros.size(), () -> {
                for (Position at : macros) {
                    time("hover macro", () -> server.getTextDocumentService().hover(
                            new HoverParams(new TextDocumentIdentifier(uri), at)));
                }
            });
        }
        for (int round = 1; round <= HOVER_ROUNDS; round++) {
            String label = round == 1 ? "hover" : "hover round " + round;
            for (String uri : uris) {
                List<Position> fields = positions(ProbePlaces.fields(texts.get(uri), FIELD, 60));
                measure(label, fields.size(), () -> {
                    for (Position at : fields) {
                        time(label, () -> server.getTextDocumentService().hover(
                                new HoverParams(new TextDocumentIdentifier(uri), at)));
                    }
                });
            }
        }
        for (String uri : uris) {
            List<Position> terms = positions(ProbePlaces.terms(texts.get(uri), 5));
            typed(uri, terms, "newTerm", " ", 0);
            typed(uri, terms, "afterDot", "proc. and ", 5);
            typed(uri, terms, "inParen", "proc.name in () and ", 14);
        }
        for (String uri : uris) {
            TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
            measure("documentSymbol", 5, () -> {
                for (int i = 0; i < 5; i++) {
                    time("documentSymbol", () -> server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(id)));
                }
            });
            List<CodeLens> lenses = new ArrayList<>();
            measure("codeLens", 5, () -> {
                for (int i = 0; i < 5; i++) {
                    time("codeLens", () -> server.getTextDocumentService().codeLens(new CodeLensParams(id))
                            .thenApply(l -> {
                                lenses.clear();
                                lenses.addAll(l);
                                return l;
                            }));
                }
            });
            List<CodeLens> unresolved = lenses.stream().filter(l -> l.getCommand() == null).limit(10).toList();
            measure("codeLens/resolve", unresolved.size(), () -> {
                for (CodeLens l : unresolved) {
                    time("codeLens/resolve", () -> server.getTextDocumentService().resolveCodeLens(l));
                }
            });
            measure("semanticTokens", 5, () -> {
                for (int i = 0; i < 5; i++) {
                    time("semanticTokens", () -> server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(id)));
                }
            });
        }
    }

    /** Types {@code insert} at each term start, waits for diagnostics, asks completion, reverts. */
    private void typed(String uri, List<Position> at, String label, String insert, int cursor) throws Exception {
        for (Position p : at) {
            change(uri, new Range(p, p), insert);
            Position c = new Position(p.getLine(), p.getCharacter() + cursor);
            measure("completion " + label, 1, () -> time("completion " + label, () ->
                    server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), c))));
            change(uri, new Range(p, new Position(p.getLine(), p.getCharacter() + insert.length())), "");
        }
    }

    private void change(String uri, Range r, String text) throws InterruptedException {
        int v = versions.merge(uri, 1, Integer::sum);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, v), List.of(new TextDocumentContentChangeEvent(r, text))));
        awaitDiagnostics(uri, v);
    }

    private interface Body {
        void run() throws Exception;
    }

    private void measure(String label, int n, Body body) throws Exception {
        Thread.sleep(PAUSE_MS); // background work of the previous step (dependents' diagnostics) settles
        if (Boolean.getBoolean("phases")) {
            System.err.printf("phase %s at %.2f s%n", label, (System.nanoTime() - started) / 1e9);
        }
        body.run();
    }

    /** Request threads (LSP4J's reader and writer, our pool), the JIT, GC, the rest, our background threads. */
    private static final String[] GROUPS = {"work", "jit", "gc", "other", "background"};

    private void time(String label, Supplier<CompletableFuture<?>> request) throws Exception {
        Map<String, long[]> before = threads();
        long t0 = System.nanoTime();
        request.get().get(30, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - t0) / 1e6;
        Map<String, long[]> after = threads();
        ms.computeIfAbsent(label, k -> new ArrayList<>()).add(wall);
        Map<String, Long> c = new TreeMap<>();
        after.forEach((tid, v) -> {
            long[] b = before.get(tid);
            if (b != null) {
                c.merge(GROUPS[(int) v[1]], v[0] - b[0], Long::sum);
            }
        });
        cpuSamples.computeIfAbsent(label, k -> new ArrayList<>()).add(c);
    }

    /** Per thread of the server process: {CPU ns from schedstat, group index}. */
    private Map<String, long[]> threads() throws IOException {
        return ProcessThreads.cpu(pid, RequestCost::group);
    }

    private static int group(String name) {
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return 1;
        }
        if (name.startsWith("VM Thread") || name.startsWith("GC ") || name.contains("GC")) {
            return 2;
        }
        if (name.startsWith("falconer-reque") || name.startsWith("pool-") || name.startsWith("ForkJoin")) {
            return 0;
        }
        return name.startsWith("falconer-") ? 4 : 3;
    }





    private static List<Position> positions(List<int[]> places) {
        return places.stream().map(p -> new Position(p[0], p[1])).toList();
    }
}

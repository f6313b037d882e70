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
import java.util.regex.Matcher;
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
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
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
    private static final Pattern AND = Pattern.compile("\\band (?=[a-z(])");

    /** Rounds of the hover positions ({@code -Dhover.rounds}): later rounds show the warm cost. */
    private static final int HOVER_ROUNDS = Integer.getInteger("hover.rounds", 1);

    private final LanguageServer server;
    private final long pid;
    private final Map<String, Integer> published;
    private final Map<String, Map<String, Long>> cpu = new LinkedHashMap<>();
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
        Map<String, Map<String, Long>> allCpu = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) {
            Process p = new ProcessBuilder(command.split(" ")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                RequestCost rc = start(p, dir);
                rc.run(dir);
                rc.ms.forEach((k, v) -> allMs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                rc.cpu.forEach((k, v) -> v.forEach((t, n) ->
                        allCpu.computeIfAbsent(k, x -> new TreeMap<>()).merge(t, n, Long::sum)));
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
            String order = v.stream().limit(6).map(d -> String.format("%.1f", d)).toList().toString();
            v.sort(Double::compare);
            Map<String, Long> c = allCpu.getOrDefault(k, Map.of());
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%-22s n=%3d p50 %6.2f p95 %6.2f max %7.2f ms | cpu/req %6.3f ms (work %6.3f jit %6.3f gc %6.3f other %6.3f) first %s%n",
                    k, n, pct(v, 50), pct(v, 95), v.get(n - 1), total / 1e6 / n,
                    c.getOrDefault("work", 0L) / 1e6 / n, c.getOrDefault("jit", 0L) / 1e6 / n,
                    c.getOrDefault("gc", 0L) / 1e6 / n, c.getOrDefault("other", 0L) / 1e6 / n, order);
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static RequestCost start(Process p, Path dir) throws Exception {
        Map<String, Integer> published = new ConcurrentHashMap<>();
        LanguageClient client = new LanguageClient() {
            @Override
            public void telemetryEvent(Object object) {
            }

            @Override
            public void publishDiagnostics(PublishDiagnosticsParams d) {
                published.put(d.getUri(), d.getVersion() == null ? -1 : d.getVersion());
                synchronized (published) {
                    published.notifyAll();
                }
            }

            @Override
            public void showMessage(MessageParams m) {
            }

            @Override
            public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void logMessage(MessageParams m) {
            }

            @Override
            public CompletableFuture<List<Object>> configuration(org.eclipse.lsp4j.ConfigurationParams params) {
                List<Object> out = new ArrayList<>();
                params.getItems().forEach(i -> out.add(null));
                return CompletableFuture.completedFuture(out);
            }

            @Override
            public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
                return CompletableFuture.completedFuture(null);
            }
        };
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
        Thread.sleep(300);
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
        for (int round = 1; round <= HOVER_ROUNDS; round++) {
            String label = round == 1 ? "hover" : "hover round " + round;
            for (String uri : uris) {
                List<Position> fields = fields(texts.get(uri), 60);
                measure(label, fields.size(), () -> {
                    for (Position at : fields) {
                        time(label, () -> server.getTextDocumentService().hover(
                                new HoverParams(new TextDocumentIdentifier(uri), at)));
                    }
                });
            }
        }
        for (String uri : uris) {
            List<Position> terms = terms(texts.get(uri), 5);
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
        Map<String, Long> before = threads();
        body.run();
        Map<String, Long> after = threads();
        Map<String, Long> c = cpu.computeIfAbsent(label, k -> new TreeMap<>());
        after.forEach((t, v) -> c.merge(t, v - before.getOrDefault(t, 0L), Long::sum));
    }

    private void time(String label, Supplier<CompletableFuture<?>> request) throws Exception {
        long t0 = System.nanoTime();
        request.get().get(30, TimeUnit.SECONDS);
        ms.computeIfAbsent(label, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
    }

    /** CPU ns per thread group of the server process, from schedstat. */
    private Map<String, Long> threads() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (var s = Files.list(tasks)) {
            for (Path t : s.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    long ns = Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
                    out.merge(group(name), ns, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }

    private static String group(String name) {
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return "jit";
        }
        if (name.startsWith("VM Thread") || name.startsWith("GC ") || name.contains("GC")) {
            return "gc";
        }
        if (name.startsWith("falconer-") || name.startsWith("pool-") || name.startsWith("ForkJoin")) {
            return "work";
        }
        return "other";
    }

    /** Field tokens inside condition lines (one character into the token), like lspprobe's hover positions. */
    private static List<Position> fields(String text, int max) {
        List<Position> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inCondition = false;
        for (int i = 0; i < lines.length && out.size() < max; i++) {
            String l = lines[i];
            if (l.startsWith("  condition:")) {
                inCondition = true;
            } else if (!l.startsWith("    ") && !l.isBlank()) {
                inCondition = false;
            }
            if (inCondition) {
                Matcher m = FIELD.matcher(l);
                while (m.find() && out.size() < max) {
                    out.add(new Position(i, m.start() + 1));
                }
            }
        }
        return out;
    }

    /** Term starts after {@code and } inside conditions, spread over the file. */
    private static List<Position> terms(String text, int n) {
        List<Position> all = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inCondition = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("  condition:")) {
                inCondition = true;
            } else if (!l.startsWith("    ") && !l.isBlank()) {
                inCondition = false;
            }
            if (inCondition) {
                Matcher m = AND.matcher(l);
                if (m.find()) {
                    all.add(new Position(i, m.end()));
                }
            }
        }
        List<Position> out = new ArrayList<>();
        for (int k = 0; k < n && !all.isEmpty(); k++) {
            out.add(all.get(k * all.size() / n));
        }
        return out;
    }
}

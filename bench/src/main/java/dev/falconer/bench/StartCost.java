package dev.falconer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server's start as lspprobe's cold scenario drives it (a bounded main, not a unit test):
 * spawns the server command with the official rules folder as workspace, answers
 * {@code initialize}, sends {@code initialized}, opens {@code falco_rules.yaml} right away (or
 * after {@code -Dsettle.ms}) and waits for its first diagnostics; then, after {@code -Didle.ms}
 * (default 3000: the warm-up ends), reads the resident memory. Prints per rep the wall-clock of
 * spawn → initialize and open → diagnostics and, per phase, the CPU the server's threads used
 * (from {@code /proc/PID/task/*}{@code /schedstat}) split into the JIT, GC, warm-up and the rest,
 * which stays readable on a loaded machine where the wall-clock does not.
 *
 * <pre>java -cp bench/target/benchmarks.jar -Dfalconer.shared=../shared dev.falconer.bench.StartCost server/falconer 5</pre>
 */
public final class StartCost {
    private static final String[] GROUPS = {"jit", "gc", "warmup", "work"};

    private StartCost() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "server/falconer";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long settle = Long.getLong("settle.ms", 0);
        long quiet = Long.getLong("quiet.ms", 0);
        long idle = Long.getLong("idle.ms", 3000);
        Path dir = Official.dir();
        Path file = dir.resolve("falco_rules.yaml");
        String uri = file.toUri().toString();
        String text = Files.readString(file);
        for (int rep = 1; rep <= reps; rep++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command.split(" ")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                Map<String, Integer> published = new ConcurrentHashMap<>();
                long[] lastMessage = {System.nanoTime()};
                LanguageServer server = connect(p, published, lastMessage);
                InitializeParams init = new InitializeParams();
                init.setProcessId((int) ProcessHandle.current().pid());
                init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "rules")));
                init.setCapabilities(capabilities());
                server.initialize(init).get(30, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                Map<String, long[]> atInit = threads(p.pid());
                server.initialized(new InitializedParams());
                Thread.sleep(settle);
                long quietFrom = System.nanoTime();
                lastMessage[0] = quietFrom;
                while (System.nanoTime() - lastMessage[0] < quiet * 1_000_000
                        && System.nanoTime() - quietFrom < 5_000_000_000L) {
                    Thread.sleep(20);
                }
                Map<String, long[]> atOpen = threads(p.pid());
                long t2 = System.nanoTime();
                server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(uri, "falco", 1, text)));
                await(published, uri);
                long t3 = System.nanoTime();
                Map<String, long[]> atDiags = threads(p.pid());
                Thread.sleep(idle);
                Map<String, long[]> atEnd = threads(p.pid());
                System.out.printf("rep %d: init %.1f ms, open→diags %.1f ms | cpu ms to init %s | init→open %s"
                                + " | open→diags %s | idle %s | RSS %s%n",
                        rep, (t1 - t0) / 1e6, (t3 - t2) / 1e6, cpu(Map.of(), atInit), cpu(atInit, atOpen),
                        cpu(atOpen, atDiags), cpu(atDiags, atEnd), memory(p.pid()));
                server.shutdown().get(5, TimeUnit.SECONDS);
                server.exit();
            } finally {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
    }

    /** Pulled configuration and watched files, as lspprobe and the editors announce them. */
    private static ClientCapabilities capabilities() {
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ws.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(true));
        caps.setWorkspace(ws);
        return caps;
    }

    /** {@code lastMessage[0]}: when the server last sent something (nanoTime). */
    private static LanguageServer connect(Process p, Map<String, Integer> published, long[] lastMessage) {
        LanguageClient client = new BenchClient(published) {
            @Override
            protected void heard() {
                lastMessage[0] = System.nanoTime();
            }
        };
        var launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
        launcher.startListening();
        return launcher.getRemoteProxy();
    }

    private static void await(Map<String, Integer> published, String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (published) {
            while (!published.containsKey(uri) && System.nanoTime() < deadline) {
                published.wait(20);
            }
        }
    }

    /** CPU ms per group between two readings of the threads, with the total first. */
    private static String cpu(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, Long> sum = new LinkedHashMap<>();
        for (String g : GROUPS) {
            sum.put(g, 0L);
        }
        long total = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.get(e.getKey());
            long d = e.getValue()[0] - (b == null ? 0 : b[0]);
            sum.merge(GROUPS[(int) e.getValue()[1]], d, Long::sum);
            total += d;
        }
        StringBuilder out = new StringBuilder(String.format("%.0f (", total / 1e6));
        sum.forEach((g, ns) -> out.append(String.format("%s %.0f ", g, ns / 1e6)));
        return out.toString().strip() + ")";
    }

    /** Per thread of the process: {CPU ns from schedstat, group index}. */
    private static Map<String, long[]> threads(long pid) throws IOException {
        return ProcessThreads.cpu(pid, StartCost::group);
    }

    private static int group(String name) {
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return 0;
        }
        if (name.startsWith("VM Thread") || name.contains("GC")) {
            return 1;
        }
        return name.startsWith("falconer-warmup") ? 2 : 3;
    }

    /** VmRSS and the parts of smaps_rollup that make it up, in MiB. */
    private static String memory(long pid) throws IOException {
        Map<String, String> kb = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                kb.put("rss", line.split("\\s+")[1]);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
            String[] f = line.split("\\s+");
            if (f[0].equals("Anonymous:") || f[0].equals("Shared_Clean:") || f[0].equals("Private_Clean:")) {
                kb.put(f[0].replace(":", "").toLowerCase(), f[1]);
            }
        }
        StringBuilder out = new StringBuilder();
        kb.forEach((k, v) -> out.append(String.format("%s %.1f ", k, Long.parseLong(v) / 1024.0)));
        return out.toString().strip();
    }
}

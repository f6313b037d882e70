package dev.falconer.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * What one keystroke costs after the snapshot, on the server's own threads: the diagnostics run
 * ({@code falconer-diagnostics}: checks, conversion to LSP4J, JSON encoding and writing of the
 * publication) and the read-ahead it starts once published ({@code falconer-request-*}). The
 * real server runs in this JVM behind a pipe pair with a real LSP4J client on the other side, as
 * over stdio; the edit is lspprobe's (a space inserted before, then deleted after, a field in the
 * middle of a condition) in {@code falco_rules.yaml} and {@code falco-sandbox_rules.yaml}, both
 * open, the official folder as workspace. CPU and allocation per edit are read per thread
 * ({@code com.sun.management.ThreadMXBean}) once the publication arrived and the read-ahead had
 * time to finish. The snapshot of the edit is not counted: the bench sets a diagnostics delay of
 * {@code -Ddelay.ms} (20) and hovers the edited place right after the edit, so that the snapshot
 * is taken on the reader thread (as a request that comes first takes it) and the diagnostics
 * thread does only its own work; {@code -Ddelay.ms=0} measures the server's default instead (the
 * diagnostics thread then mostly takes the snapshot itself); {@code -Dfiles=} the files edited (both by
 * default). A bounded main; run it with the
 * clients' flags:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfalconer.shared=../shared \
 *   -cp bench/target/benchmarks.jar dev.falconer.bench.PublishCost [edits per file] [settle ms]</pre>
 */
public final class PublishCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private PublishCost() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int settleMs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Official.dir();
        Map<String, Integer> published = new ConcurrentHashMap<>();
        Map<String, java.util.concurrent.atomic.AtomicInteger> publications = new ConcurrentHashMap<>();
        LanguageServer server = InProcessServer.start(new BenchClient(published) {
            @Override
            public void publishDiagnostics(org.eclipse.lsp4j.PublishDiagnosticsParams d) {
                publications.computeIfAbsent(d.getUri(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                super.publishDiagnostics(d);
            }
        });
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "rules")));
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        int delayMs = Integer.getInteger("delay.ms", 20);
        com.google.gson.JsonObject settings = new com.google.gson.JsonObject();
        settings.addProperty("diagnostics.delay", delayMs);
        server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
        String[] files = {"falco_rules.yaml", "falco-sandbox_rules.yaml"};
        for (String f : files) {
            String uri = dir.resolve(f).toUri().toString();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "falco", 1, Official.read(dir.resolve(f)))));
            InProcessServer.await(published, uri, 1);
        }
        // the warm-up thread compiles the features; the edits are measured after it, as in an editor's session
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("falconer-warmup")) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
        List<String> edited = List.of(System.getProperty("files", String.join(",", files)).split(","));
        for (String f : edited) {
            String uri = dir.resolve(f).toUri().toString();
            String text = Official.read(dir.resolve(f));
            int offset = Features.middleField(text);
            int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
            Position at = new Position(line, offset - text.lastIndexOf('\n', offset - 1) - 1);
            int[] version = {1};
            Runnable edit = () -> {
                int v = ++version[0];
                boolean insert = v % 2 == 0;
                Position end = insert ? at : new Position(at.getLine(), at.getCharacter() + 1);
                server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, v),
                        List.of(new TextDocumentContentChangeEvent(new Range(at, end), insert ? " " : ""))));
                if (delayMs > 0) {
                    hover(server, uri, at);
                }
                InProcessServer.await(published, uri, v);
                sleep(settleMs);
            };
            for (int i = 0; i < edits; i++) { // warm: C1 compiles the edit path
                edit.run();
            }
            long[] diagCpu = new long[edits];
            long[] diagAlloc = new long[edits];
            long[] bgCpu = new long[edits];
            long[] bgAlloc = new long[edits];
            for (int i = 0; i < edits; i++) {
                long[] before = counters();
                edit.run();
                long[] after = counters();
                diagCpu[i] = after[0] - before[0];
                diagAlloc[i] = after[1] - before[1];
                bgCpu[i] = after[2] - before[2];
                bgAlloc[i] = after[3] - before[3];
            }
            print(f + ": diagnostics thread", diagCpu, diagAlloc);
            // one publication per edit: no other file's run was on the diagnostics thread
            System.out.println("  publications so far per file: " + publications);
            print(f + ": read-ahead (request threads)", bgCpu, bgAlloc);
        }
        server.shutdown().get(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** CPU and allocation so far of the diagnostics thread, then of the request threads together. */
    private static long[] counters() {
        long[] out = new long[4];
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            int slot = t.getName().equals("falconer-diagnostics") ? 0
                    : t.getName().startsWith("falconer-request-") ? 2 : -1;
            if (slot >= 0) {
                out[slot] += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
                out[slot + 1] += Math.max(0, THREADS.getThreadAllocatedBytes(t.getId()));
            }
        }
        return out;
    }

    private static void print(String what, long[] cpu, long[] alloc) {
        long[] c = cpu.clone();
        Arrays.sort(c);
        long[] a = alloc.clone();
        Arrays.sort(a);
        int n = c.length;
        System.out.printf("%-58s CPU mean %6.3f ms  p50 %6.3f  p95 %6.3f   alloc mean %7.1f KB  p50 %7.1f%n", what,
                Arrays.stream(c).average().orElse(0) / 1e6, c[n / 2] / 1e6, c[(int) (n * 0.95)] / 1e6,
                Arrays.stream(a).average().orElse(0) / 1024, a[n / 2] / 1024.0);
    }

    /** A hover, answered on the reader thread: it takes the edit's snapshot there. */
    private static void hover(LanguageServer server, String uri, Position at) {
        try {
            server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(uri), at)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

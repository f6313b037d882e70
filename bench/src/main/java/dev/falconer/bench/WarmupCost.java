package dev.falconer.bench;

import dev.falconer.lsp.LanguageServerRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server's warm-up costs and what it buys, in one fresh JVM (a bounded main, not a unit
 * test; run it with the clients' JVM flags, one JVM per measurement). The real server runs in
 * process over a pair of pipes ({@link LanguageServerRunner#serve}, its own JSON codec and
 * threads); the client side here writes and scans raw frames without a JSON library, so that it
 * neither compiles code the server uses nor counts as the server's CPU.
 * <ol>
 * <li>the warm-up: CPU and allocation of the {@code falconer-warmup} thread (catalog load
 * included), the JIT thread's CPU and the GCs until it ended and the compile queue drained, the
 * code cache used;</li>
 * <li>then, with {@code falco_rules.yaml} and {@code falco-sandbox_rules.yaml} open (official
 * folder as workspace), the server's CPU (process CPU minus this client's threads: request
 * threads, JIT, GC) of the first real requests: 20 hovers on fields, 20 on macros, completions
 * after {@code and }, {@code proc.}, inside {@code in (} and after {@code priority: }, and
 * symbols / semantic tokens / code lenses of three new document versions.</li>
 * </ol>
 * Prints one {@code key value} line per figure (sums in ms, KB), for a script to compare runs.
 *
 * <pre>java $SERVER_FLAGS -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.WarmupCost</pre>
 */
public final class WarmupCost {
    private static final Pattern FIELD = Pattern.compile("\\b(proc|fd|evt|user|container)\\.[a-z_.]+");
    private static final Pattern ID = Pattern.compile("^\\{\"jsonrpc\":\"2.0\",\"id\":(\"[^\"]*\"|[0-9]+)");
    private static final String[] FILES = {"falco_rules.yaml", "falco-sandbox_rules.yaml"};

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final OutputStream toServer;
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> published = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final List<Long> clientThreads = new ArrayList<>();
    private int nextId;

    private WarmupCost(OutputStream toServer) {
        this.toServer = toServer;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Official.dir();
        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(serverOut, 1 << 20);
        PrintStream err = System.getProperty("server.err") == null ? new PrintStream(OutputStream.nullOutputStream())
                : new PrintStream(new java.io.FileOutputStream(System.getProperty("server.err"), true), true);
        Thread server = new Thread(() -> new LanguageServerRunner("bench", err).serve(serverIn, serverOut), "bench-server");
        server.setDaemon(true);
        WarmupCost w = new WarmupCost(clientOut);
        Thread reader = new Thread(() -> w.read(clientIn), "bench-client-reader");
        reader.setDaemon(true);
        reader.start();
        w.clientThreads.add(Thread.currentThread().getId());
        w.clientThreads.add(reader.getId());
        long jit0 = serverCpu()[1];
        server.start();
        w.warmup(dir);
        w.requests(dir);
        double[] total = new double[5];
        w.sums.forEach((k, v) -> {
            System.out.printf("%s.cpu_ms %.3f%n%s.work_ms %.3f%n%s.jit_ms %.3f%n%s.gc_ms %.3f%n%s.alloc_kb %.1f%n%s.n %d%n",
                    k, (v[0] + v[1] + v[2]) / 1e6, k, v[0] / 1e6, k, v[1] / 1e6, k, v[2] / 1e6, k, v[3] / 1024, k, (long) v[4]);
            for (int i = 0; i < 5; i++) {
                total[i] += v[i];
            }
        });
        System.out.printf("requests.cpu_ms %.3f%nrequests.work_ms %.3f%nrequests.jit_ms %.3f%nrequests.gc_ms %.3f%n",
                (total[0] + total[1] + total[2]) / 1e6, total[0] / 1e6, total[1] / 1e6, total[2] / 1e6);
        System.out.printf("end.codecache_kb %d%n", codeCache() / 1024);
        // the whole run, ended threads included (the warm-up's): process CPU in clock ticks, less this client's threads
        long client = w.threads.getThreadCpuTime(reader.getId()) + w.threads.getCurrentThreadCpuTime();
        System.out.printf("end.server_cpu_ms %.0f%n", (processCpuTicks() - client) / 1e6);
        System.out.printf("end.jit_cpu_ms %.1f%n", (serverCpu()[1] - jit0) / 1e6);
        System.out.printf("end.rss_kb %d%n", rss());
        System.exit(0);
    }

    /** Initialize (the warm-up starts when its answer is written), then wait for the warm-up thread to end. */
    private void warmup(Path dir) throws Exception {
        long[] cpu0 = serverCpu();
        long gc0 = gcCount();
        long t0 = System.nanoTime();
        String root = dir.toUri().toString();
        request("initialize", "{\"processId\":null,\"rootUri\":" + quote(root) + ",\"capabilities\":{},"
                + "\"workspaceFolders\":[{\"uri\":" + quote(root) + ",\"name\":\"rules\"}]}").get(30, TimeUnit.SECONDS);
        notify("initialized", "{}");
        long id = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (id < 0 && System.nanoTime() < deadline) {
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().equals("falconer-warmup")) {
                    id = info.getThreadId();
                }
            }
            Thread.sleep(1);
        }
        long cpu = 0;
        long alloc = 0;
        while (System.nanoTime() < deadline) {
            long c = threads.getThreadCpuTime(id);
            long a = threads.getThreadAllocatedBytes(id);
            if (c < 0 || a < 0) {
                break;
            }
            cpu = c;
            alloc = a;
            Thread.sleep(2);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        Thread.sleep(300); // the compile queue drains
        System.out.printf("warmup.thread_cpu_ms %.1f%nwarmup.thread_alloc_kb %d%nwarmup.wall_ms %.0f%n",
                cpu / 1e6, alloc / 1024, wall);
        long[] cpu1 = serverCpu();
        // the warm-up thread has ended: its CPU is no longer in /proc/self/task
        System.out.printf("warmup.total_cpu_ms %.1f%n", (cpu + cpu1[0] + cpu1[1] + cpu1[2] - cpu0[0] - cpu0[1] - cpu0[2]) / 1e6);
        System.out.printf("warmup.other_cpu_ms %.1f%nwarmup.jit_ms %.1f%nwarmup.gc_ms %.1f%nwarmup.gcs %d%nwarmup.codecache_kb %d%n",
                (cpu1[0] + cpu1[1] + cpu1[2] - cpu0[0] - cpu0[1] - cpu0[2]) / 1e6, (cpu1[1] - cpu0[1]) / 1e6,
                (cpu1[2] - cpu0[2]) / 1e6, gcCount() - gc0, codeCache() / 1024);
    }

    private void requests(Path dir) throws Exception {
        List<String> uris = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : FILES) {
            String uri = dir.resolve(f).toUri().toString();
            String text = Files.readString(dir.resolve(f));
            texts.put(uri, text);
            versions.put(uri, 1);
            notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + quote(uri)
                    + ",\"languageId\":\"falco\",\"version\":1,\"text\":" + quote(text) + "}}");
            awaitDiagnostics(uri, 1);
            uris.add(uri);
        }
        Thread.sleep(500);
        for (String uri : uris) {
            String text = texts.get(uri);
            for (int[] at : ProbePlaces.fields(text, FIELD, 20)) {
                measure("hover_field", "textDocument/hover", position(uri, at));
            }
            for (int[] at : ProbePlaces.macroReferences(text, 20)) {
                measure("hover_macro", "textDocument/hover", position(uri, at));
            }
            for (int[] at : ProbePlaces.terms(text, 3)) {
                typed(uri, at, "completion_newTerm", " ", 0);
                typed(uri, at, "completion_afterDot", "proc. and ", 5);
                typed(uri, at, "completion_inParen", "proc.name in () and ", 14);
            }
            int priorities = 0;
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length && priorities < 3; i++) {
                if (lines[i].startsWith("  priority: ")) {
                    measure("completion_priority", "textDocument/completion", position(uri, new int[] {i, 12}));
                    priorities++;
                }
            }
            int[] term = ProbePlaces.terms(text, 1).get(0);
            for (int v = 0; v < 20; v++) { // keystrokes: a space in and out, each to its diagnostics
                long[] cpu0 = serverCpu();
                change(uri, term, v % 2 == 0 ? 0 : 1, v % 2 == 0 ? " " : "");
                add("edit_diagnostics", cpu0, serverCpu(), 0);
            }
            for (int v = 0; v < 3; v++) {
                boolean insert = v % 2 == 0;
                change(uri, term, insert ? 0 : 1, insert ? " " : "");
                Thread.sleep(50);
                String doc = "{\"textDocument\":{\"uri\":" + quote(uri) + "}}";
                measure("view_symbols", "textDocument/documentSymbol", doc);
                measure("view_tokens", "textDocument/semanticTokens/full", doc);
                measure("view_lenses", "textDocument/codeLens", doc);
            }
        }
    }

    /** Types {@code insert} at {@code at}, waits for its diagnostics, completes at {@code cursor} into it, reverts. */
    private void typed(String uri, int[] at, String label, String insert, int cursor) throws Exception {
        change(uri, at, 0, insert);
        Thread.sleep(50);
        measure(label, "textDocument/completion", position(uri, new int[] {at[0], at[1] + cursor}));
        change(uri, at, insert.length(), "");
    }

    private void change(String uri, int[] at, int length, String text) throws Exception {
        int v = versions.merge(uri, 1, Integer::sum);
        String range = "{\"start\":{\"line\":" + at[0] + ",\"character\":" + at[1] + "},\"end\":{\"line\":" + at[0]
                + ",\"character\":" + (at[1] + length) + "}}";
        notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + quote(uri) + ",\"version\":" + v
                + "},\"contentChanges\":[{\"range\":" + range + ",\"text\":" + quote(text) + "}]}");
        awaitDiagnostics(uri, v);
    }

    /** One request; its server CPU (process minus this client's threads) and allocation add to {@code label}. */
    private void measure(String label, String method, String params) throws Exception {
        long[] cpu0 = serverCpu();
        long alloc0 = serverAlloc();
        request(method, params).get(30, TimeUnit.SECONDS);
        add(label, cpu0, serverCpu(), serverAlloc() - alloc0);
    }

    private void add(String label, long[] cpu0, long[] cpu1, long alloc) {
        double[] s = sums.computeIfAbsent(label, k -> new double[5]);
        for (int g = 0; g < 3; g++) {
            s[g] += cpu1[g] - cpu0[g];
        }
        s[3] += alloc;
        s[4]++;
    }

    private CompletableFuture<String> request(String method, String params) throws IOException {
        int id;
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (this) {
            id = ++nextId;
            pending.put(id, answer);
        }
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return answer;
    }

    private void notify(String method, String params) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    private synchronized void send(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(bytes);
        toServer.flush();
    }

    /** Reads the server's frames: answers complete their request, diagnostics note their version, requests get a null-ish answer. */
    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                for (String line = line(in); !line.isEmpty(); line = line(in)) {
                    if (line.startsWith("Content-Length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                Matcher id = ID.matcher(body);
                boolean hasMethod = body.contains("\"method\":\"");
                if (id.find() && !hasMethod) {
                    CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1).replace("\"", "")));
                    if (f != null) {
                        f.complete(body);
                    }
                } else if (id.find(0) && hasMethod) {
                    String result = body.contains("\"method\":\"workspace/configuration\"") ? "[null]" : "null";
                    send("{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"result\":" + result + "}");
                } else if (body.contains("\"method\":\"textDocument/publishDiagnostics\"")) {
                    int u = body.indexOf("\"uri\":\"") + 7;
                    String uri = body.substring(u, body.indexOf('"', u));
                    int v = body.lastIndexOf("\"version\":");
                    int version = v < 0 ? -1 : Integer.parseInt(body.substring(v + 10).replaceAll("[^0-9].*$", ""));
                    published.put(uri, version);
                    synchronized (published) {
                        published.notifyAll();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the server went away
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private void awaitDiagnostics(String uri, int version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (published) {
            while (published.getOrDefault(uri, Integer.MIN_VALUE) < version && System.nanoTime() < deadline) {
                published.wait(20);
            }
        }
    }

    /**
     * CPU of the process's threads but this client's, from {@code /proc/self/task} (ns), as
     * {request threads and the rest, JIT, GC}: {@code OperatingSystemMXBean#getProcessCpuTime}
     * counts in clock ticks of 10 ms on Linux, too coarse for one request.
     */
    private static long[] serverCpu() throws IOException {
        long[] sum = new long[3];
        for (long[] v : ProcessThreads.cpu(ProcessHandle.current().pid(), WarmupCost::group).values()) {
            if (v[1] >= 0) {
                sum[(int) v[1]] += v[0];
            }
        }
        return sum;
    }

    /** -1 for this client's threads (the main thread's name is the launcher's, {@code java}), 1 JIT, 2 GC, else 0. */
    private static int group(String thread) {
        if (thread.equals("java") || thread.startsWith("bench-client")) {
            return -1;
        }
        return thread.startsWith("C1 ") ? 1 : thread.startsWith("VM Thread") || thread.contains("GC") ? 2 : 0;
    }

    private long serverAlloc() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            if (!clientThreads.contains(id)) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(id));
            }
        }
        return sum;
    }

    private static long gcCount() {
        long n = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += gc.getCollectionCount();
        }
        return n;
    }

    private static long codeCache() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().startsWith("Code")) {
                used += p.getUsage().getUsed();
            }
        }
        return used;
    }

    /** User + system CPU of the whole process so far (ns, counted in clock ticks of 10 ms). */
    private static long processCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime at USER_HZ 100
    }

    private static long rss() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String position(String uri, int[] at) {
        return "{\"textDocument\":{\"uri\":" + quote(uri) + "},\"position\":{\"line\":" + at[0] + ",\"character\":"
                + at[1] + "}}";
    }

    /** A JSON string literal, escaped by hand (no JSON library on the client side, see the class comment). */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }




}

package dev.falconer.lsp;

import dev.falconer.bench.ProbePlaces;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.navigate.ConditionCache;
import dev.falconer.service.AnalysisRequest;
import dev.falconer.service.CompletionEntry;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * A bounded main: the CPU and allocation of what lspprobe's hover and completion scenarios ask,
 * in process and per step, after the server's own warm-up, with the official rules folder as the
 * workspace. Hovers: the probe's field and macro places of {@code falco_rules.yaml} and
 * {@code falco-sandbox_rules.yaml}, first round and later rounds. Completion: the probe's typed
 * cycle (type, diagnostics, complete, answer as JSON, undo) at its new-term, {@code proc.} and
 * {@code in (} places. Run with the clients' flags:
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.lsp.TypingCost [rounds]</pre>
 */
public final class TypingCost {
    private static final Pattern FIELD = Pattern.compile("\\b(proc|fd|evt|user|container|k8s|ka)\\.[a-z_.]+");
    private static final String[] FILES = {"falco_rules.yaml", "falco-sandbox_rules.yaml"};
    /** The probe's typed contexts: name, text typed at a term start, cursor offset into it. */
    private static final String[][] TYPED = {{"newTerm", " ", "0"}, {"afterDot", "proc. and ", "5"},
            {"inParen", "proc.name in () and ", "14"}};
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final FalconerService service = new FalconerService(FieldCatalog.defaults(),
            LanguageServerRunner.productionDiagnostics());
    private final MessageJsonHandler json = AnswerJson.codec();
    private final FalconerSettings settings = FalconerSettings.defaults();
    private final RulesWorkspace workspace = new RulesWorkspace(new ConditionCache());
    private final Path folder;
    /** Per step: CPU ns, bytes, count. */
    private final Map<String, long[]> steps = new TreeMap<>();
    private int version = 1;

    private TypingCost(Path folder) {
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus/falcosecurity/rules/rules");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        TypingCost t = new TypingCost(folder);
        Warmup.exercise(t.service, () -> false, t.json);
        t.open();
        for (int round = 1; round <= rounds; round++) {
            t.steps.clear();
            t.hovers();
            t.completions();
            System.out.println("round " + round + (round == 1 ? " (each macro's first hover)" : ""));
            t.steps.forEach((step, v) -> System.out.printf("  %-28s cpu %8.1f us  alloc %6d KB  (n=%d)%n",
                    step, v[0] / 1e3 / v[2], v[1] / 1024 / v[2], v[2]));
        }
    }

    private void open() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                workspace.open(p.toUri().toString(), 1, Files.readString(p));
            }
        }
        WorkspaceSnapshot ws = workspace.snapshot();
        for (String f : FILES) {
            String uri = uri(f);
            service.diagnostics(new AnalysisRequest(ws, uri, service.catalog(), settings), () -> false);
            service.prepare(ws, java.util.Locale.ENGLISH);
            service.explainAhead(ws, uri, settings.locale()); // as the server does once a document is open
        }
    }

    private void hovers() {
        WorkspaceSnapshot ws = workspace.snapshot();
        for (String f : FILES) {
            String uri = uri(f);
            String text = ws.document(uri).text();
            for (int[] p : ProbePlaces.fields(text, FIELD, 50)) {
                measure("hover field", () -> answer(service.hover(ws, uri, new TextPosition(p[0], p[1]), settings)
                        .map(Lsp::hover).orElse(null)));
            }
            for (int[] p : ProbePlaces.macroReferences(text, 10)) {
                measure("hover macro", () -> answer(service.hover(ws, uri, new TextPosition(p[0], p[1]), settings)
                        .map(Lsp::hover).orElse(null)));
            }
        }
    }

    private void completions() {
        for (String f : FILES) {
            String uri = uri(f);
            for (String[] typed : TYPED) {
                for (int[] term : ProbePlaces.terms(workspace.snapshot().document(uri).text(), 5)) {
                    cycle(uri, typed[0], typed[1], new TextPosition(term[0], term[1] + Integer.parseInt(typed[2])),
                            term);
                }
            }
        }
    }

    /** The probe's cycle at one place: type, check, complete, answer, undo, check. */
    private void cycle(String uri, String context, String typed, TextPosition cursor, int[] at) {
        measure(context + " 1 type + snapshot", () -> edit(uri, ContentChange.replace(at[0], at[1], at[0], at[1], typed)));
        measure(context + " 2 diagnostics", () -> diagnostics(uri));
        List<CompletionEntry> entries = new ArrayList<>();
        measure(context + " 3 complete", () -> entries.addAll(service.complete(workspace.snapshot(), uri, cursor, settings)));
        measure(context + " 4 answer as JSON", () -> answer(Either.forRight(Lsp.completionList(entries, true,
                Lsp.freeCursor(workspace.snapshot().document(uri), cursor)))));
        measure(context + " 5 undo + diagnostics", () -> {
            edit(uri, ContentChange.replace(at[0], at[1], at[0], at[1] + typed.length(), ""));
            diagnostics(uri);
        });
    }

    private void edit(String uri, ContentChange change) {
        workspace.change(uri, ++version, List.of(change));
        workspace.snapshot();
    }

    private void diagnostics(String uri) {
        WorkspaceSnapshot ws = workspace.snapshot();
        service.diagnostics(new AnalysisRequest(ws, uri, service.catalog(), settings), () -> false);
        service.prepare(ws, java.util.Locale.ENGLISH);
    }

    private void answer(Object result) {
        ResponseMessage m = new ResponseMessage();
        m.setId(1);
        m.setResult(result);
        json.serialize(m).getBytes(StandardCharsets.UTF_8);
    }

    private void measure(String step, Runnable work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        long[] v = steps.computeIfAbsent(step, k -> new long[3]);
        v[0] += THREADS.getCurrentThreadCpuTime() - cpu;
        v[1] += THREADS.getCurrentThreadAllocatedBytes() - bytes;
        v[2]++;
    }

    private String uri(String file) {
        return folder.resolve(file).toUri().toString();
    }
}

package dev.falconer.lsp;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RulesDocument;
import dev.falconer.service.CheckDiagnostics;
import dev.falconer.service.CompletionEntry;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * A bounded main: CPU, allocation and bytes of one completion answer where a new term starts
 * (after {@code and }, a space typed, as lspprobe does) in {@code falco_rules.yaml}, with the
 * server's JSON codec, items as a client that resolves documentation gets them. Alternates the
 * answer with text edits on every item (as before) and without them at a cursor no word touches
 * ({@link Lsp#freeCursor}), in one JVM; in package {@code dev.falconer.lsp} for the package-private
 * conversion. Run with the clients' flags:
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.lsp.CompletionAnswerCost</pre>
 */
public final class CompletionAnswerCost {
    private static final String URI = "file:///falco_rules.yaml";
    private static final String TERM = "  condition: (evt.type in (open,openat,openat2) and ";

    private CompletionAnswerCost() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(System.getProperty("falconer.shared", "../shared"),
                "corpus/falcosecurity/rules/rules/falco_rules.yaml");
        String text = Files.readString(file);
        int at = text.indexOf(TERM) + TERM.length();
        text = text.substring(0, at) + " " + text.substring(at);
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, text);
        WorkspaceSnapshot snapshot = ws.snapshot();
        RulesDocument doc = snapshot.document(URI);
        TextPosition cursor = doc.lineIndex().position(at);
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        MessageJsonHandler json = AnswerJson.codec();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 300;
        for (int round = 0; round < 6; round++) {
            for (boolean free : new boolean[] {false, true}) {
                long answerCpu = 0;
                long alloc0 = threads.getCurrentThreadAllocatedBytes();
                int bytes = 0;
                for (int i = 0; i < n; i++) {
                    List<CompletionEntry> entries = service.complete(snapshot, URI, cursor, FalconerSettings.defaults());
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    ResponseMessage response = new ResponseMessage();
                    response.setId(i);
                    response.setResult(Lsp.completionList(entries, true, free ? Lsp.freeCursor(doc, cursor) : null));
                    bytes = json.serialize(response).getBytes(StandardCharsets.UTF_8).length;
                    answerCpu += threads.getCurrentThreadCpuTime() - cpu0;
                }
                long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
                System.out.printf("round %d %-10s answer + JSON cpu/op %.3f ms, alloc/op (with the proposals) %d KB, %d bytes%n",
                        round, free ? "no edits" : "edits", answerCpu / 1e6 / n, alloc / 1024 / n, bytes);
            }
        }
    }
}

package dev.falconer.bench;

import dev.falconer.lsp.FalconerLanguageServer;
import dev.falconer.lsp.LanguageServerRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * A session's first hovers and completions, through the real server object (no stdio): the
 * server starts and warms up ({@code -Dbefore.ms}, 3000), {@code falco_rules.yaml} is opened and
 * checked, then the field {@code evt.type} of its first condition is hovered twice, and that of
 * its second condition twice; then a new term is completed after the first {@code and} of the
 * conditions lspprobe picks (macros and rules), the first macro's twice. One JVM per run; run it
 * several times, with the clients' flags:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -XX:CICompilerCount=1 \
 *   -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.FirstRequestCost</pre>
 */
public final class FirstRequestCost {
    private FirstRequestCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Official.dir();
        Map<String, Integer> published = new ConcurrentHashMap<>();
        FalconerLanguageServer server = new FalconerLanguageServer("bench", LanguageServerRunner.productionDiagnostics(),
                System.err, code -> { });
        server.connect(new BenchClient(published));
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "rules")));
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get();
        server.initialized(new InitializedParams());
        Thread.sleep(Long.getLong("before.ms", 3000));
        TextDocumentService docs = server.getTextDocumentService();
        Path file = dir.resolve("falco_rules.yaml");
        String text = Official.read(file);
        String uri = file.toUri().toString();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "falco", 1, text)));
        while (!published.containsKey(uri)) {
            Thread.sleep(5);
        }
        Thread.sleep(Long.getLong("settle.ms", 1000));
        String[] lines = text.split("\n", -1);
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        StringBuilder out = new StringBuilder();
        int found = 0;
        for (int line = 0; line < lines.length && found < 2; line++) {
            int at = lines[line].indexOf("evt.type");
            if (at >= 0 && lines[line].contains("condition:")) {
                found++;
                for (int i = 0; i < 2; i++) {
                    long t0 = System.nanoTime();
                    docs.hover(new HoverParams(id, new Position(line, at + 2))).get();
                    out.append(String.format("condition %d hover %d: %.3f ms  ", found, i + 1, (System.nanoTime() - t0) / 1e6));
                }
            }
        }
        System.out.println(out.toString().strip());
        out.setLength(0);
        // lspprobe's new-term places in this file: in macros (43, 550) and rules (420, 701, 1042)
        for (int line : new int[] {43, 420, 550, 701, 1042, 43}) {
            String l = lines[line - 1];
            int at = l.contains(" and ") ? l.indexOf(" and ") + 5 : l.indexOf(" or ") + 4;
            long t0 = System.nanoTime();
            docs.completion(new CompletionParams(id, new Position(line - 1, at))).get();
            out.append(String.format("completion line %d: %.3f ms  ", line, (System.nanoTime() - t0) / 1e6));
        }
        System.out.println(out.toString().strip());
        System.exit(0);
    }
}

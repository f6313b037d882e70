package dev.falconer.lsp;

import dev.falconer.bench.Official;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.navigate.Navigator;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * What writing an answer to the client costs, LSP4J's writer against ours ({@link MessageWriter}):
 * allocation and time per write, warm, of the kept outline and semantic tokens of
 * {@code falco-sandbox_rules.yaml} and of a 150-item completion list. A bounded main:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -Dfalconer.shared=../shared \
 *   -cp bench/target/benchmarks.jar dev.falconer.lsp.WriteCost [writes]</pre>
 */
public final class WriteCost {
    private WriteCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path file = Official.dir().resolve("falco-sandbox_rules.yaml");
        RulesWorkspace ws = new RulesWorkspace();
        ws.setRulesFiles(List.of(Official.dir()));
        String uri = RulesWorkspace.uriOf(file);
        ws.open(uri, 1, Official.read(file));
        Navigator nav = new Navigator(FieldCatalog.defaults());
        WorkspaceSnapshot s = ws.snapshot();
        List<CompletionItem> items = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            CompletionItem it = new CompletionItem("proc.name" + i);
            it.setKind(CompletionItemKind.Field);
            it.setDetail("string: the process name (" + i + ")");
            it.setSortText(String.format("%05d", i));
            it.setTextEdit(Either.forLeft(new TextEdit(new Range(new Position(10, 4), new Position(10, 8)), "proc.name" + i)));
            it.setData(i);
            items.add(it);
        }
        Object[] answers = {RememberedList.of(NavigationRequests.symbols(nav, s.document(uri), Locale.ENGLISH)),
            RememberedTokens.of(nav.semanticTokens(s, uri)), new CompletionList(false, items)};
        String[] labels = {"kept outline", "kept tokens", "completion list (150)"};
        MessageJsonHandler json = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageServer.class),
                AnswerJson::configure);
        OutputStream sink = OutputStream.nullOutputStream();
        MessageConsumer[] writers = {new StreamMessageConsumer(sink, json), new MessageWriter(sink, () -> json)};
        String[] names = {"LSP4J", "ours"};
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int a = 0; a < answers.length; a++) {
            ResponseMessage m = new ResponseMessage();
            m.setId(1);
            m.setResult(answers[a]);
            for (int w = 0; w < writers.length; w++) {
                for (int i = 0; i < 2 * n; i++) {
                    writers[w].consume(m);
                }
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    writers[w].consume(m);
                }
                System.out.printf("%-22s %-6s %8.1f KB %7.3f ms per write%n", labels[a], names[w],
                        (threads.getCurrentThreadAllocatedBytes() - a0) / 1024.0 / n, (System.nanoTime() - t0) / 1e6 / n);
            }
        }
    }
}

package dev.falconer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Typing in a rule that tests a threat feed of {@code items} addresses kept as a list
 * ({@link ThreatFeed}), through the real server in this JVM ({@link InProcessServer}) with the
 * official {@code falco_rules.yaml} beside it: {@code keystrokes} spaces typed before the rule's
 * field ({@code typed}: one more each time, a new condition at each keystroke; {@code toggled}:
 * typed and deleted in turn), each {@code gap} ms after the last one's diagnostics came. Prints
 * keystroke → diagnostics p50 / p90 / max and the live heap after a full collection. A bounded
 * main; run it with the clients' flags:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -Xmn16m \
 *   -XX:MaxRAMPercentage=10 -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar \
 *   dev.falconer.bench.ThreatFeedTyping [items 100000] [keystrokes 60] [typed|toggled] [gap ms 100]</pre>
 */
public final class ThreatFeedTyping {
    private ThreatFeedTyping() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean typed = args.length <= 2 || !"toggled".equals(args[2]);
        int gapMs = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path dir = ThreatFeed.write(Files.createTempDirectory("falconer-feed-typing"), items);
        Files.copy(Official.dir().resolve("falco_rules.yaml"), dir.resolve("falco_rules.yaml"));
        Map<String, Integer> published = new ConcurrentHashMap<>();
        LanguageServer server = InProcessServer.startIn(dir, published);
        String uri = dir.resolve(ThreatFeed.RULES).toUri().toString();
        String rule = ThreatFeed.RULE;
        long opened = System.nanoTime();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "falco", 1, rule)));
        InProcessServer.await(published, uri, 1);
        System.out.printf("%,d items: open -> diagnostics %d ms, live heap %d MB%n", items,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened), InProcessServer.liveHeapMb());
        int offset = rule.indexOf(ThreatFeed.TYPED_AT);
        int line = (int) rule.substring(0, offset).chars().filter(c -> c == '\n').count();
        Position at = new Position(line, offset - rule.lastIndexOf('\n', offset) - 1);
        long[] ms = new long[keystrokes];
        for (int k = 0; k < keystrokes; k++) {
            boolean insert = typed || k % 2 == 0;
            Range range = insert ? new Range(at, at) : new Range(at, new Position(at.getLine(), at.getCharacter() + 1));
            long sent = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, k + 2),
                    List.of(new TextDocumentContentChangeEvent(range, insert ? " " : ""))));
            InProcessServer.await(published, uri, k + 2);
            ms[k] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            Thread.sleep(gapMs);
        }
        Arrays.sort(ms);
        System.out.printf("%d keystrokes %s: keystroke -> diagnostics p50 %d ms, p90 %d ms, max %d ms; live heap %d MB%n",
                keystrokes, typed ? "typed" : "toggled", ms[keystrokes / 2], ms[keystrokes * 9 / 10], ms[keystrokes - 1],
                InProcessServer.liveHeapMb());
        server.shutdown().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }
}

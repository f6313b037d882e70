package dev.falconer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Typing a macro's name in a large buffer while a small file that uses the macro is open: the
 * real server in this JVM ({@link InProcessServer}), a buffer of {@code megabytes} made of
 * {@code falco_rules.yaml} copies with renamed items, and {@code keystrokes} characters typed
 * after {@code open_write_c2}'s name {@code gap} ms apart, without waiting for diagnostics. Every
 * {@code every} keystrokes: how long the buffer's diagnostics of the last keystroke took, and the
 * live heap after a full collection. A bounded main; run it with the clients' flags:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -Xmn16m -Xmx800m \
 *   -Dfalconer.shared=../shared -cp bench/target/benchmarks.jar dev.falconer.bench.LargeBufferTyping \
 *   [megabytes 10] [keystrokes 300] [every 50] [gap ms 100]</pre>
 */
public final class LargeBufferTyping {
    private static final String MACRO = "open_write_c2";

    private LargeBufferTyping() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int gapMs = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path dir = Files.createTempDirectory("falconer-large-typing");
        String big = buffer(megabytes);
        String small = "- rule: Uses a macro of the large file\n  desc: d\n  condition: " + MACRO
                + " and proc.name = sh\n  output: \"%proc.name\"\n  priority: INFO\n";
        Path bigPath = Files.writeString(dir.resolve("big_rules.yaml"), big);
        Path smallPath = Files.writeString(dir.resolve("local_rules.yaml"), small);
        Map<String, Integer> published = new ConcurrentHashMap<>();
        LanguageServer server = InProcessServer.startIn(dir, published);
        String smallUri = smallPath.toUri().toString();
        String bigUri = bigPath.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(smallUri, "falco", 1, small)));
        InProcessServer.await(published, smallUri, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(bigUri, "falco", 1, big)));
        InProcessServer.await(published, bigUri, 1);
        System.out.printf("%d MB buffer open: live heap %d MB%n", big.length() >> 20, InProcessServer.liveHeapMb());
        String definition = "- macro: " + MACRO + "\n";
        int offset = big.indexOf(definition);
        int line = (int) big.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = definition.length() - 1;
        long started = System.nanoTime();
        for (int k = 0; k < keystrokes; k++) {
            Position at = new Position(line, column + k);
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(bigUri, k + 2),
                    List.of(new TextDocumentContentChangeEvent(new Range(at, at), String.valueOf((char) ('a' + k % 26))))));
            long typed = System.nanoTime();
            if ((k + 1) % every == 0) {
                InProcessServer.await(published, bigUri, k + 2);
                System.out.printf("%4d keystrokes after %5.1f s: last one's diagnostics %5d ms, live heap %4d MB%n", k + 1,
                        (typed - started) / 1e9, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - typed), InProcessServer.liveHeapMb());
            } else {
                Thread.sleep(gapMs);
            }
        }
        server.shutdown().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** {@code falco_rules.yaml}, then renamed copies of it ({@code _c1}, {@code _c2}, ...) up to {@code megabytes}. */
    private static String buffer(int megabytes) {
        String official = Official.read(Official.dir().resolve("falco_rules.yaml"));
        StringBuilder sb = new StringBuilder(official);
        for (int k = 1; sb.length() < megabytes << 20; k++) {
            sb.append('\n').append(GeneratedWorkspace.renamed(official, "_c" + k));
        }
        return sb.toString();
    }
}

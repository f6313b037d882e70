package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.navigate.Navigator;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection's own adapters ({@link AnswerJson}) write byte for byte what LSP4J's reflective
 * adapters write: semantic tokens of random data, and symbols answers kept as
 * {@link RememberedList}s, written a first time, again from memory, and by another codec, for
 * randomly edited rules files (the official ones when the shared corpus is there).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnswerJsonTest {
    private static final Path OFFICIAL = Path.of(System.getProperty("falconer.shared", "../shared"),
            "corpus", "falcosecurity", "rules", "rules");
    private static final String SAMPLE = """
            - required_engine_version: 0.31.0
            - list: shells
              items: [bash, "s\\"h", 'zsh']
            - macro: spawned
              condition: evt.type = execve and proc.name in (shells)
            - rule: Shell "quoted" — ünïcode 日本語
              desc: d <b>&amp;</b>
              condition: spawned and not proc.pname in (shells) and fd.name = "a\\tb"
              output: "%proc.name"
              priority: INFO
            """;
    private static final String TYPED = " a_.()\n:-\"'<>&é\t";

    private static MessageJsonHandler plain() {
        return new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(FalconerLanguageServer.class));
    }

    private static MessageJsonHandler ours() {
        return new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(FalconerLanguageServer.class),
                AnswerJson::configure);
    }

    private static String write(MessageJsonHandler json, Object result) {
        ResponseMessage m = new ResponseMessage();
        m.setId(7);
        m.setResult(result);
        return json.serialize(m);
    }

    @Test
    void semanticTokensAreWrittenAsLsp4jWritesThem() {
        MessageJsonHandler plain = plain();
        MessageJsonHandler ours = ours();
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            int n = round < 3 ? round : random.nextInt(3000);
            List<Integer> data = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                data.add(random.nextInt(50) == 0 ? null : switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(10);
                    case 1 -> random.nextInt(2000);
                    case 2 -> random.nextInt();
                    default -> -random.nextInt(100);
                });
            }
            SemanticTokens tokens = random.nextInt(4) == 0
                    ? new SemanticTokens(random.nextBoolean() ? "id\"" + round + "é" : null, data)
                    : new SemanticTokens(data);
            assertEquals(write(plain, tokens), write(ours, tokens), "round " + round);
        }
        assertEquals(write(plain, null), write(ours, null));
    }

    @Test
    void rememberedSymbolsAreWrittenAsLsp4jWritesThem() throws IOException {
        List<String> texts = new ArrayList<>(List.of(SAMPLE));
        if (Files.isDirectory(OFFICIAL)) {
            try (Stream<Path> files = Files.list(OFFICIAL)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    texts.add(Files.readString(p));
                }
            }
        }
        MessageJsonHandler plain = plain();
        MessageJsonHandler ours = ours();
        MessageJsonHandler other = ours();
        Navigator navigator = new Navigator(FieldCatalog.defaults());
        Random random = new Random(5);
        for (String start : texts) {
            StringBuilder text = new StringBuilder(start);
            for (int edit = 0; edit < 15; edit++) {
                RulesWorkspace ws = new RulesWorkspace();
                ws.open("file:///w/r.yaml", edit + 1, text.toString());
                WorkspaceSnapshot snapshot = ws.snapshot();
                RulesDocument doc = snapshot.document("file:///w/r.yaml");
                Locale locale = edit % 2 == 0 ? Locale.ENGLISH : Locale.JAPANESE;
                List<Either<SymbolInformation, DocumentSymbol>> symbols = NavigationRequests.symbols(navigator, doc,
                        locale);
                RememberedList<Either<SymbolInformation, DocumentSymbol>> kept = RememberedList.of(symbols);
                assertEquals(symbols, kept);
                String expected = write(plain, symbols);
                assertEquals(expected, write(ours, kept), "first write, edit " + edit);
                String first = kept.json(ours.getGson());
                assertEquals(expected, write(ours, kept), "from memory, edit " + edit);
                assertSame(first, kept.json(ours.getGson()), "written once per codec");
                assertEquals(expected, write(other, kept), "another codec, edit " + edit);
                assertNotSame(first, kept.json(other.getGson()));
                // tokens of the same document, as the server computes them
                SemanticTokens tokens = navigator.semanticTokens(snapshot, "file:///w/r.yaml");
                assertEquals(write(plain, tokens), write(ours, tokens), "tokens, edit " + edit);
                int at = random.nextInt(text.length());
                if (random.nextBoolean()) {
                    text.insert(at, TYPED.charAt(random.nextInt(TYPED.length())));
                } else {
                    text.deleteCharAt(at);
                }
            }
        }
    }
}

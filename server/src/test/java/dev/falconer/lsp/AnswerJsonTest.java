package dev.falconer.lsp;

import dev.falconer.support.Keystrokes;
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
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.falconer.service.CheckDiagnostics;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.text.TextPosition;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.SymbolTag;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection's own adapters ({@link AnswerJson}) write byte for byte what LSP4J's reflective
 * adapters write: semantic tokens of random data (also kept as {@link RememberedTokens}), completion items with random fields and the
 * service's completion answers at random positions, and symbols answers kept as
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

    /** Our sample, then the official rules files when the shared corpus is there. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(List.of(SAMPLE));
        if (Files.isDirectory(OFFICIAL)) {
            try (Stream<Path> files = Files.list(OFFICIAL)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    texts.add(Files.readString(p));
                }
            }
        }
        return texts;
    }

    private static MessageJsonHandler plain() {
        return new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(FalconerLanguageServer.class));
    }

    private static MessageJsonHandler ours() {
        return AnswerJson.codec();
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
            if (!data.contains(null)) {
                RememberedTokens kept = RememberedTokens.of(tokens);
                assertEquals(write(plain, tokens), write(ours, kept), "kept, round " + round);
                assertEquals(write(plain, tokens), write(ours, kept), "kept, from memory, round " + round);
                assertEquals(write(plain, tokens), write(plain, kept), "kept, by LSP4J's adapters");
            }
        }
        assertEquals(write(plain, null), write(ours, null));
    }

    @Test
    void completionItemsAreWrittenAsLsp4jWritesThem() {
        MessageJsonHandler plain = plain();
        MessageJsonHandler ours = ours();
        Random random = new Random(17);
        for (int round = 0; round < 400; round++) {
            List<CompletionItem> items = new ArrayList<>();
            for (int n = random.nextInt(20); n > 0; n--) {
                items.add(randomItem(random));
            }
            CompletionList list = new CompletionList(random.nextBoolean(), items);
            assertEquals(write(plain, list), write(ours, list), "round " + round);
            assertEquals(write(plain, items), write(ours, items), "round " + round);
        }
    }

    @Test
    void completionAnswersOfTheServiceAreWrittenAsLsp4jWritesThem() throws IOException {
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        MessageJsonHandler plain = plain();
        MessageJsonHandler ours = ours();
        Random random = new Random(19);
        for (String text : texts()) {
            RulesWorkspace ws = new RulesWorkspace();
            ws.open("file:///w/r.yaml", 1, text);
            WorkspaceSnapshot snapshot = ws.snapshot();
            RulesDocument doc = snapshot.document("file:///w/r.yaml");
            for (int i = 0; i < 60; i++) {
                TextPosition at = doc.lineIndex().position(random.nextInt(text.length() + 1));
                CompletionList list = Lsp.completionList(service.complete(snapshot, "file:///w/r.yaml", at,
                        FalconerSettings.defaults()), random.nextBoolean(), Lsp.freeCursor(doc, at));
                assertEquals(write(plain, list), write(ours, list), "at " + at);
            }
        }
    }

    @Test
    void symbolsAndLensesAreWrittenAsLsp4jWritesThem() throws IOException {
        MessageJsonHandler plain = plain();
        MessageJsonHandler ours = ours();
        Random random = new Random(23);
        for (int round = 0; round < 300; round++) {
            List<DocumentSymbol> symbols = new ArrayList<>();
            List<CodeLens> lenses = new ArrayList<>();
            for (int n = random.nextInt(12); n > 0; n--) {
                symbols.add(randomSymbol(random, 3));
                lenses.add(randomLens(random));
            }
            assertEquals(write(plain, symbols), write(ours, symbols), "symbols, round " + round);
            assertEquals(write(plain, lenses), write(ours, lenses), "lenses, round " + round);
        }
        // the server's own lenses, listed and resolved, on our sample and the official files
        FalconerService service = new FalconerService(FieldCatalog.defaults(), new CheckDiagnostics());
        Navigator navigator = new Navigator(service.catalog());
        CodeLenses codeLenses = CodeLenses.of(() -> service, () -> navigator, new LastAnswers());
        for (String text : texts()) {
            RulesWorkspace ws = new RulesWorkspace();
            ws.open("file:///w/r.yaml", 1, text);
            WorkspaceSnapshot snapshot = ws.snapshot();
            List<CodeLens> listed = codeLenses.lenses(snapshot, "file:///w/r.yaml", FalconerSettings.defaults());
            assertEquals(write(plain, listed), write(ours, listed));
            for (CodeLens lens : listed.subList(0, Math.min(20, listed.size()))) {
                CodeLens resolved = codeLenses.resolve(lens, snapshot, FalconerSettings.defaults());
                assertEquals(write(plain, resolved), write(ours, resolved));
            }
        }
    }

    private static DocumentSymbol randomSymbol(Random random, int depth) {
        DocumentSymbol s = new DocumentSymbol(randomText(random),
                SymbolKind.values()[random.nextInt(SymbolKind.values().length)], randomRange(random),
                randomRange(random), random.nextBoolean() ? randomText(random) : null);
        if (random.nextInt(6) == 0) {
            s.setTags(List.of(SymbolTag.Deprecated));
        }
        if (random.nextInt(6) == 0) {
            s.setDeprecated(random.nextBoolean());
        }
        if (depth > 0 && random.nextInt(3) == 0) {
            List<DocumentSymbol> children = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                children.add(randomSymbol(random, depth - 1));
            }
            s.setChildren(children);
        }
        return s;
    }

    private static CodeLens randomLens(Random random) {
        CodeLens l = new CodeLens(randomRange(random));
        if (random.nextBoolean()) {
            List<Object> arguments = null;
            if (random.nextBoolean()) {
                JsonObject a = new JsonObject();
                a.addProperty("uri", randomText(random));
                a.addProperty("n", random.nextInt(9));
                arguments = random.nextInt(5) == 0 ? List.of(a, randomText(random)) : List.of(a);
            }
            l.setCommand(new Command(randomText(random), random.nextBoolean() ? "falconer.explain" : randomText(random),
                    arguments));
        }
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                JsonObject data = new JsonObject();
                data.addProperty("lens", randomText(random));
                data.add("x", random.nextBoolean() ? JsonNull.INSTANCE : new JsonPrimitive(random.nextInt(1000)));
                l.setData(data);
            }
            case 2 -> l.setData(randomText(random));
            default -> { }
        }
        return l;
    }

    private static String randomText(Random random) {
        String[] parts = {"a", "proc.name", "\"", "\\", "日本語", "\n", "<b>", "&", "=", "'", "\u2028", " "};
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }

    private static Range randomRange(Random random) {
        return new Range(new Position(random.nextInt(2000), random.nextInt(200)),
                new Position(random.nextInt(2000), random.nextInt(200)));
    }

    /** Every field, each set or not; the unusual ones send the item to the reflective adapter. */
    private static CompletionItem randomItem(Random random) {
        CompletionItem i = new CompletionItem(randomText(random));
        if (random.nextBoolean()) {
            i.setKind(CompletionItemKind.values()[random.nextInt(CompletionItemKind.values().length)]);
        }
        if (random.nextInt(8) == 0) {
            i.setTags(List.of(CompletionItemTag.Deprecated));
        }
        if (random.nextBoolean()) {
            i.setDetail(randomText(random));
        }
        switch (random.nextInt(4)) {
            case 0 -> i.setDocumentation(randomText(random));
            case 1 -> i.setDocumentation(new MarkupContent(random.nextBoolean() ? MarkupKind.MARKDOWN
                    : MarkupKind.PLAINTEXT, randomText(random)));
            default -> { }
        }
        if (random.nextInt(10) == 0) {
            i.setDeprecated(random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
            i.setPreselect(random.nextBoolean());
        }
        if (random.nextBoolean()) {
            i.setSortText(randomText(random));
        }
        if (random.nextInt(10) == 0) {
            i.setFilterText(randomText(random));
        }
        if (random.nextInt(10) == 0) {
            i.setInsertText(randomText(random));
        }
        if (random.nextInt(3) == 0) {
            i.setInsertTextFormat(random.nextBoolean() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
        }
        if (random.nextInt(12) == 0) {
            i.setInsertTextMode(InsertTextMode.AsIs);
        }
        switch (random.nextInt(6)) {
            case 0, 1, 2 -> i.setTextEdit(Either.forLeft(new TextEdit(randomRange(random), randomText(random))));
            case 3 -> i.setTextEdit(Either.forRight(new InsertReplaceEdit(randomText(random), randomRange(random),
                    randomRange(random))));
            default -> { }
        }
        if (random.nextInt(12) == 0) {
            i.setCommitCharacters(List.of(".", randomText(random)));
        }
        if (random.nextInt(12) == 0) {
            i.setCommand(new Command(randomText(random), "x.y"));
        }
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                JsonObject data = new JsonObject();
                data.addProperty("kind", randomText(random));
                data.addProperty("name", randomText(random));
                if (random.nextBoolean()) {
                    data.add("source", random.nextBoolean() ? JsonNull.INSTANCE : new JsonPrimitive(randomText(random)));
                }
                i.setData(data);
            }
            case 2 -> i.setData(random.nextInt(100));
            case 3 -> {
                // as the server sends it ([kind, name, source]), with other elements mixed in
                JsonArray data = new JsonArray();
                for (int n = random.nextInt(5); n > 0; n--) {
                    switch (random.nextInt(5)) {
                        case 0 -> data.add(JsonNull.INSTANCE);
                        case 1 -> data.add(random.nextInt(1000));
                        case 2 -> {
                            JsonArray inner = new JsonArray();
                            inner.add(randomText(random));
                            inner.add(JsonNull.INSTANCE);
                            data.add(inner);
                        }
                        default -> data.add(randomText(random));
                    }
                }
                i.setData(data);
            }
            default -> { }
        }
        return i;
    }

    @Test
    void rememberedSymbolsAreWrittenAsLsp4jWritesThem() throws IOException {
        List<String> texts = texts();
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
                Keystrokes.type(text, random, TYPED);
            }
        }
    }
}

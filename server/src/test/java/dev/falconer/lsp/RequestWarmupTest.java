package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.service.FalconerService;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.RulesWorkspace;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RequestWarmupTest {
    private static final String URI = "falconer:/sample.yaml";

    /** Semantic tokens as LSP encodes them: one character into each token (into a one-character token, on it). */
    @Test
    void hoversGoInsideEachSemanticToken() {
        List<Integer> data = List.of(
                1, 13, 8, 0, 0,   // line 1, characters 13-21
                0, 9, 2, 5, 0,    // same line, 9 further: 22-24
                2, 4, 1, 6, 0);   // two lines down, character 4, one character long
        assertEquals(List.of(new TextPosition(1, 14), new TextPosition(1, 23), new TextPosition(3, 4)),
                RequestWarmup.tokenPositions(data));
    }

    /**
     * The first frame the request warm-up reads is an edit's notification (its parameters load
     * the subclass of the identifier every request carries, before any handler is compiled), and
     * its hovers land on the terms of the conditions and outputs.
     */
    @Test
    void anEditIsReadFirstThenHoversOnTerms() {
        FalconerService service = new FalconerService(FieldCatalog.defaults(), LanguageServerRunner.productionDiagnostics());
        List<Message> read = new ArrayList<>();
        MessageJsonHandler json = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(FalconerLanguageServer.class),
                AnswerJson::configure) {
            @Override
            public Message parseMessage(java.io.Reader input) {
                Message m = super.parseMessage(input);
                read.add(m);
                return m;
            }
        };
        RulesWorkspace ws = new RulesWorkspace();
        ws.open(URI, 1, """
                - macro: spawned
                  condition: evt.type = execve and proc.name in (sh, bash)
                - rule: r
                  desc: a shell
                  condition: spawned and not user.name = root
                  output: "%proc.name ran"
                  priority: INFO
                """);
        assertTrue(RequestWarmup.exercise(service, ws.snapshot(), URI, json, () -> false,
                new RequestWarmup.Counts(3, 1, 1)));

        assertTrue(read.get(0) instanceof NotificationMessage n && n.getMethod().equals("textDocument/didChange"),
                "first: " + read.get(0));
        List<String> hovered = new ArrayList<>();
        String[] lines = ws.snapshot().document(URI).text().split("\n");
        for (Message m : read) {
            if (m instanceof RequestMessage r && r.getMethod().equals("textDocument/hover")
                    && r.getParams() instanceof org.eclipse.lsp4j.HoverParams h) {
                hovered.add(wordAt(lines[h.getPosition().getLine()], h.getPosition().getCharacter()));
            }
        }
        // three hovers at default thresholds: the first terms of the file, the macro's name first
        assertEquals(List.of("spawned", "evt.type", "=").subList(0, Warmup.rounds(3)), hovered);
    }

    private static String wordAt(String line, int at) {
        int from = at;
        int to = at;
        while (from > 0 && !" ,()\"".contains(line.substring(from - 1, from))) {
            from--;
        }
        while (to < line.length() && !" ,()\"".contains(line.substring(to, to + 1))) {
            to++;
        }
        return line.substring(from, to);
    }
}

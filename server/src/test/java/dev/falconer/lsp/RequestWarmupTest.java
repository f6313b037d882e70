package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.navigate.TokenType;
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
                1, 13, 8, 4, 0,   // line 1, characters 13-21 (an operator: one turn per round)
                0, 9, 2, 4, 0,    // same line, 9 further: 22-24
                2, 4, 1, 4, 0);   // two lines down, character 4, one character long
        assertEquals(List.of(new TextPosition(1, 14), new TextPosition(1, 23), new TextPosition(3, 4)),
                RequestWarmup.hoverOrder(data));
    }

    /**
     * The kinds of token take turns, fields and macros more often than the rest, each kind cycling
     * through its own tokens: a file's few macro references get their share of the hovers.
     */
    @Test
    void hoversTakeTheKindsOfTokenInTurn() {
        int field = TokenType.PROPERTY.ordinal();
        int macro = TokenType.MACRO.ordinal();
        int operator = TokenType.OPERATOR.ordinal();
        List<Integer> data = List.of(
                0, 0, 3, macro, 0,     // (0, 1)
                0, 4, 3, field, 0,     // (0, 5)
                0, 4, 1, operator, 0,  // (0, 8)
                0, 2, 3, field, 0,     // (0, 11)
                1, 0, 3, field, 0,     // (1, 1)
                0, 4, 3, operator, 0,  // (1, 5)
                0, 4, 3, field, 0);    // (1, 9)
        List<TextPosition> order = RequestWarmup.hoverOrder(data);
        List<TextPosition> fields = List.of(new TextPosition(0, 5), new TextPosition(0, 11), new TextPosition(1, 1),
                new TextPosition(1, 9));
        TextPosition theMacro = new TextPosition(0, 1);
        // one round: FIELD_SHARE fields, MACRO_SHARE macros and 1 operator; as many rounds as the most numerous kind has tokens
        int round = RequestWarmup.FIELD_SHARE + RequestWarmup.MACRO_SHARE + 1;
        assertEquals(round * fields.size(), order.size());
        List<TextPosition> first = order.subList(0, round);
        assertEquals(RequestWarmup.FIELD_SHARE, first.stream().filter(fields::contains).count());
        assertEquals(RequestWarmup.MACRO_SHARE, first.stream().filter(theMacro::equals).count());
        List<TextPosition> operators = List.of(new TextPosition(0, 8), new TextPosition(1, 5));
        assertEquals(List.of(operators.get(0), operators.get(1), operators.get(0), operators.get(1)),
                order.stream().filter(operators::contains).toList());
        // every field in turn, then round again
        assertEquals(fields, order.stream().filter(fields::contains).toList().subList(0, fields.size()));
        assertEquals(fields.get(0), order.stream().filter(fields::contains).toList().get(fields.size()));
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
                new RequestWarmup.Counts(40, 1, 1)));

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
        // fields first (the output's too), then the macro (its name, then its reference), then the rest
        assertEquals(List.of("evt.type", "proc.name", "user.name", "%proc.name"), hovered.subList(0, 4));
        assertEquals(List.of("spawned"), hovered.subList(RequestWarmup.FIELD_SHARE,
                RequestWarmup.FIELD_SHARE + RequestWarmup.MACRO_SHARE).stream().distinct().toList());
        assertEquals("=", hovered.get(RequestWarmup.FIELD_SHARE + RequestWarmup.MACRO_SHARE));
        assertEquals(Warmup.rounds(40), hovered.size());
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

package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.falconer.rules.ItemKind;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.SymbolKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplainArgumentsTest {
    private static final String URI = "file:///r/falco_rules.yaml";

    private static Optional<ExplainArguments> parse(String json) {
        List<Object> args = new java.util.ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(args::add);
        return ExplainArguments.parse(args);
    }

    @Test
    void everyShapeClientsSend() {
        ExplainArguments at = new ExplainArguments(URI, null, new TextPosition(3, 7));
        assertEquals(Optional.of(at), parse("[\"" + URI + "\", {\"line\": 3, \"character\": 7}]"));
        assertEquals(Optional.of(at), parse("[\"" + URI + "\", 3, 7]"));
        assertEquals(Optional.of(at), parse("[{\"textDocument\": {\"uri\": \"" + URI + "\"}, \"position\": {\"line\": 3, \"character\": 7}}]"));
        assertEquals(Optional.of(new ExplainArguments(URI, new SymbolKey(ItemKind.MACRO, "m"), null)),
                parse("[{\"uri\": \"" + URI + "\", \"kind\": \"macro\", \"name\": \"m\"}]"));
    }

    @Test
    void anythingElseIsNoTarget() {
        for (String bad : List.of("[]", "[42]", "[\"" + URI + "\"]", "[\"" + URI + "\", \"x\", 1]",
                "[{\"uri\": \"" + URI + "\", \"kind\": \"nope\", \"name\": \"m\"}]", "[{\"uri\": 1}]",
                "[\"" + URI + "\", {\"line\": \"3\"}]", "[null]")) {
            assertEquals(Optional.empty(), parse(bad), bad);
        }
        assertEquals(Optional.empty(), ExplainArguments.parse(null));
    }
}

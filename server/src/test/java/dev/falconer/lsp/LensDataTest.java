package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class LensDataTest {

    private static JsonObject lens(String tag, String uri, String kind, String name) {
        JsonObject o = new JsonObject();
        o.addProperty("lens", tag);
        o.addProperty("uri", uri);
        o.addProperty("kind", kind);
        o.addProperty("name", name);
        return o;
    }

    @Test
    void aLensDataComesBackFromItsPackedFormThroughJson() {
        JsonObject explain = lens("explain", "file:///rules/falco_rules.yaml", "macro", "open_write");
        JsonObject references = lens("references", "file:///rules/other.yaml", "LIST", "shell_binaries");
        for (JsonObject data : new JsonObject[] {explain, references}) {
            Object packed = LensData.pack(data);
            assertTrue(packed instanceof JsonArray a && a.size() == 4, String.valueOf(packed));
            assertTrue(packed.toString().length() < data.toString().length() / 2 + 20, packed.toString());
            // as the client sends it back: parsed from the JSON text
            JsonElement back = JsonParser.parseString(packed.toString());
            assertEquals(data, LensData.unpack(back));
        }
        // the same document keeps its number
        assertEquals(((JsonArray) LensData.pack(explain)).get(1), ((JsonArray) LensData.pack(
                lens("explain", "file:///rules/falco_rules.yaml", "rule", "r"))).get(1));
    }

    @Test
    void dataOfAnyOtherShapeIsLeftAsItIs() {
        JsonObject more = lens("explain", "file:///a.yaml", "macro", "m");
        more.addProperty("extra", "x");
        assertSame(more, LensData.pack(more));
        JsonObject number = lens("explain", "file:///a.yaml", "macro", "m");
        number.addProperty("name", 3);
        assertSame(number, LensData.pack(number));
        assertSame(null, LensData.pack(null));
        JsonElement unknown = JsonParser.parseString("[\"explain\", 999999, \"macro\", \"m\"]");
        assertSame(unknown, LensData.unpack(unknown));
        JsonElement foreign = JsonParser.parseString("{\"lens\": \"explain\"}");
        assertSame(foreign, LensData.unpack(foreign));
    }
}

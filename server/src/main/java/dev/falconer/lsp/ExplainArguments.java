package dev.falconer.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.falconer.rules.ItemKind;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.SymbolKey;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code workspace/executeCommand falconer.explain}, in the shapes clients send:
 * {@code [uri, {line, character}]} (the VS Code and Neovim "explain at cursor" commands),
 * {@code [uri, line, character]}, {@code [{uri, kind, name}]} (our code lens),
 * {@code [uri, {line, character}, locations]} (the references lens, whose extra argument is ignored) and
 * {@code [{textDocument: {uri}, position: {line, character}}]} (position params as they are).
 */
record ExplainArguments(String uri, SymbolKey item, TextPosition position) {
    private static final Gson GSON = new Gson();

    /** What the arguments name; empty when they fit none of the shapes. */
    static Optional<ExplainArguments> parse(List<Object> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonElement first = json(arguments.get(0));
            if (first.isJsonObject()) {
                return fromObject(first.getAsJsonObject());
            }
            if (!isString(first)) {
                return Optional.empty();
            }
            String uri = first.getAsString();
            if (arguments.size() >= 2 && json(arguments.get(1)).isJsonObject()) {
                return position(json(arguments.get(1)).getAsJsonObject()).map(p -> new ExplainArguments(uri, null, p));
            }
            if (arguments.size() >= 3) {
                JsonElement line = json(arguments.get(1));
                JsonElement character = json(arguments.get(2));
                if (isNumber(line) && isNumber(character)) {
                    return Optional.of(new ExplainArguments(uri, null,
                            new TextPosition(line.getAsInt(), character.getAsInt())));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // Malformed JSON of any kind is "no such target", never a failed request.
            return Optional.empty();
        }
    }

    /** The object our explain lens carries as its command argument. */
    static JsonObject of(String uri, SymbolKey item) {
        JsonObject o = new JsonObject();
        o.addProperty("uri", uri);
        o.addProperty("kind", item.kind().key());
        o.addProperty("name", item.name());
        return o;
    }

    private static Optional<ExplainArguments> fromObject(JsonObject o) {
        if (o.has("textDocument") && o.get("textDocument").isJsonObject() && o.has("position")
                && o.get("position").isJsonObject()) {
            String uri = string(o.getAsJsonObject("textDocument"), "uri");
            return uri == null ? Optional.empty() : position(o.getAsJsonObject("position"))
                    .map(p -> new ExplainArguments(uri, null, p));
        }
        String uri = string(o, "uri");
        String kind = string(o, "kind");
        String name = string(o, "name");
        if (uri == null || kind == null || name == null) {
            return Optional.empty();
        }
        for (ItemKind k : ItemKind.values()) {
            if (k.key().equals(kind)) {
                return Optional.of(new ExplainArguments(uri, new SymbolKey(k, name), null));
            }
        }
        return Optional.empty();
    }

    private static Optional<TextPosition> position(JsonObject o) {
        JsonElement line = o.get("line");
        JsonElement character = o.get("character");
        return isNumber(line) && isNumber(character)
                ? Optional.of(new TextPosition(line.getAsInt(), character.getAsInt())) : Optional.empty();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return isString(e) ? e.getAsString() : null;
    }

    private static JsonElement json(Object o) {
        return o instanceof JsonElement e ? e : GSON.toJsonTree(o);
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isNumber(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }
}

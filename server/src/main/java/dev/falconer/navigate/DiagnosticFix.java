package dev.falconer.navigate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import org.eclipse.lsp4j.Diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a quick fix needs from a diagnostic: its stable code (e.g. {@code unknown-field}), its
 * range, and the "did you mean" names it carries. On the wire the names travel in the
 * diagnostic's {@code data} as {@code {"suggestions": ["proc.name", ...]}}; {@code lsp} is the
 * diagnostic the fix answers (attached to the code action), {@code null} when there is none.
 */
public record DiagnosticFix(String code, TextRange range, List<String> suggestions, Diagnostic lsp) {
    public static final String DATA_SUGGESTIONS = "suggestions";

    public DiagnosticFix {
        suggestions = List.copyOf(suggestions);
    }

    public static DiagnosticFix of(String code, TextRange range, List<String> suggestions) {
        return new DiagnosticFix(code, range, suggestions, null);
    }

    /** Reads an LSP diagnostic as it comes back from the client (data deserialized as JSON) or in-process. */
    public static DiagnosticFix from(Diagnostic d) {
        String code = d.getCode() == null ? null
                : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
        TextRange range = new TextRange(
                new TextPosition(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter()),
                new TextPosition(d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter()));
        return new DiagnosticFix(code, range, suggestions(d.getData()), d);
    }

    /** The suggestions of a {@code data} value: {@code {"suggestions": [...]}}, or a bare array. */
    static List<String> suggestions(Object data) {
        List<String> out = new ArrayList<>();
        if (data instanceof JsonObject o && o.get(DATA_SUGGESTIONS) instanceof JsonArray a) {
            a.forEach(e -> addString(e, out));
        } else if (data instanceof JsonArray a) {
            a.forEach(e -> addString(e, out));
        } else if (data instanceof Map<?, ?> m && m.get(DATA_SUGGESTIONS) instanceof Collection<?> c) {
            c.forEach(e -> out.add(String.valueOf(e)));
        } else if (data instanceof Collection<?> c) {
            c.forEach(e -> out.add(String.valueOf(e)));
        }
        return out;
    }

    private static void addString(JsonElement e, List<String> out) {
        if (e != null && e.isJsonPrimitive()) {
            out.add(e.getAsString());
        }
    }
}

package dev.falconer.catalog;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON tree whose every value remembers its line and column, so that an import error can point
 * at the offending value. Built from Gson's streaming {@link JsonReader}.
 */
final class PositionedJson {

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    /** One value: a {@code Map<String, Node>}, {@code List<Node>}, String, Double, Boolean or null. */
    record Node(Object value, int line, int column) {

        boolean isObject() {
            return value instanceof Map;
        }

        boolean isArray() {
            return value instanceof List;
        }

        @SuppressWarnings("unchecked")
        Map<String, Node> object() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        List<Node> array() {
            return (List<Node>) value;
        }
    }

    /** A syntax error with its position. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        final String detail;

        SyntaxException(String detail, int line, int column) {
            super(detail);
            this.detail = detail;
            this.line = line;
            this.column = column;
        }
    }

    private PositionedJson() {
    }

    static Node parse(Reader in) throws SyntaxException, IOException {
        JsonReader reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
        try {
            Node root = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                int[] at = position(reader.toString());
                throw new SyntaxException("trailing content", at[0], at[1]);
            }
            return root;
        } catch (com.google.gson.stream.MalformedJsonException | IllegalStateException
                | java.io.EOFException | NumberFormatException e) {
            int[] at = position(e.getMessage() == null ? reader.toString() : e.getMessage());
            if (at[0] == 0) {
                at = position(reader.toString());
            }
            return rethrow(e, at);
        }
    }

    private static Node rethrow(Exception e, int[] at) throws SyntaxException {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Gson appends location and a troubleshooting link; keep the first sentence only.
        int cut = message.indexOf(" at line ");
        throw new SyntaxException(cut > 0 ? message.substring(0, cut) : message, at[0], at[1]);
    }

    private static Node read(JsonReader r) throws IOException {
        JsonToken token = r.peek();
        // Position of the value about to be read: JsonReader reports the character after the last one consumed.
        int[] at = position(r.toString());
        switch (token) {
            case BEGIN_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                r.beginObject();
                while (r.hasNext()) {
                    String key = r.nextName();
                    map.put(key, read(r));
                }
                r.endObject();
                return new Node(map, at[0], at[1]);
            }
            case BEGIN_ARRAY -> {
                List<Node> list = new ArrayList<>();
                r.beginArray();
                while (r.hasNext()) {
                    list.add(read(r));
                }
                r.endArray();
                return new Node(list, at[0], at[1]);
            }
            case STRING -> {
                return new Node(r.nextString(), at[0], at[1]);
            }
            case NUMBER -> {
                return new Node(r.nextDouble(), at[0], at[1]);
            }
            case BOOLEAN -> {
                return new Node(r.nextBoolean(), at[0], at[1]);
            }
            case NULL -> {
                r.nextNull();
                return new Node(null, at[0], at[1]);
            }
            default -> throw new IllegalStateException("unexpected " + token + " at line " + at[0] + " column " + at[1]);
        }
    }

    private static int[] position(String text) {
        Matcher m = LOCATION.matcher(text == null ? "" : text);
        if (m.find()) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        return new int[] {0, 0};
    }
}

package dev.falconer.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data a listed code lens carries to its resolve, packed: {@code {lens, uri, kind, name}}
 * becomes {@code [lens, n, kind, name]}, where {@code n} numbers the document. The lenses of
 * {@code falco-sandbox_rules.yaml} (463) repeated its 80-character URI and the member names in
 * every lens, half of the answer's bytes, and editors list the lenses again after every edit.
 * Documents are numbered for the whole process, so a resolve finds the URI whichever lens list
 * (the server's, the warm-up's) the lens came from.
 */
final class LensData {
    private static final Set<String> MEMBERS = Set.of("lens", "uri", "kind", "name");
    private static final Map<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> URIS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LensData() {
    }

    /** {@code data} packed when it is a lens's {@code {lens, uri, kind, name}} of strings; else itself. */
    static Object pack(Object data) {
        if (!(data instanceof JsonObject o) || !o.keySet().equals(MEMBERS) || !strings(o)) {
            return data;
        }
        String uri = o.get("uri").getAsString();
        int n = NUMBERS.computeIfAbsent(uri, u -> {
            int next = NEXT.incrementAndGet();
            URIS.put(next, u);
            return next;
        });
        JsonArray packed = new JsonArray(4);
        packed.add(o.get("lens"));
        packed.add(n);
        packed.add(o.get("kind"));
        packed.add(o.get("name"));
        return packed;
    }

    /** The object {@link #pack} packed; anything else (not ours, an unknown number) as it is. */
    static Object unpack(Object data) {
        if (!(data instanceof JsonArray a) || a.size() != 4 || !string(a.get(0)) || !number(a.get(1))
                || !string(a.get(2)) || !string(a.get(3))) {
            return data;
        }
        String uri = URIS.get(a.get(1).getAsInt());
        if (uri == null) {
            return data;
        }
        JsonObject o = new JsonObject();
        o.add("lens", a.get(0));
        o.addProperty("uri", uri);
        o.add("kind", a.get(2));
        o.add("name", a.get(3));
        return o;
    }

    private static boolean strings(JsonObject o) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!string(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean string(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean number(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }
}

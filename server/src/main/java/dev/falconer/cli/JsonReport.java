package dev.falconer.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.falconer.check.Diagnostic;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import java.util.List;
import java.util.Locale;

/**
 * {@code {"files":[{"path":…,"diagnostics":[{"code","severity","message","falcoCode","range","related"}]}]}}
 * with LSP ranges (0-based lines, UTF-16 characters); {@code falcoCode} is left out where Falco has
 * none, {@code related} ({@code [{"path","range","message"}]}, places that explain the problem) where
 * there are none.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String write(List<CheckedFile> files, Locale locale) {
        JsonArray list = new JsonArray();
        for (CheckedFile f : files) {
            JsonObject file = new JsonObject();
            file.addProperty("path", f.path());
            JsonArray ds = new JsonArray();
            for (Diagnostic d : f.diagnostics()) {
                JsonObject o = new JsonObject();
                o.addProperty("code", d.code().id());
                o.addProperty("severity", d.severity().id());
                o.addProperty("message", d.message(locale));
                if (d.falcoCode() != null) {
                    o.addProperty("falcoCode", d.falcoCode().name());
                }
                o.add("range", range(d.range()));
                if (!d.related().isEmpty()) {
                    JsonArray related = new JsonArray();
                    for (Diagnostic.Related r : d.related()) {
                        JsonObject ro = new JsonObject();
                        ro.addProperty("path", CheckedFile.pathOf(files, r.uri()));
                        ro.add("range", range(r.range()));
                        ro.addProperty("message", r.message(locale));
                        related.add(ro);
                    }
                    o.add("related", related);
                }
                ds.add(o);
            }
            file.add("diagnostics", ds);
            list.add(file);
        }
        JsonObject root = new JsonObject();
        root.add("files", list);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(root);
    }

    static JsonObject range(TextRange r) {
        JsonObject o = new JsonObject();
        o.add("start", position(r.start()));
        o.add("end", position(r.end()));
        return o;
    }

    private static JsonObject position(TextPosition p) {
        JsonObject o = new JsonObject();
        o.addProperty("line", p.line());
        o.addProperty("character", p.character());
        return o;
    }
}

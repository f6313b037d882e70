package dev.falconer.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.falconer.check.CheckMessages;
import dev.falconer.check.Diagnostic;
import dev.falconer.check.DiagnosticCode;
import dev.falconer.check.Severity;
import java.util.List;
import java.util.Locale;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub): one reporting rule per diagnostic code, one
 * result per diagnostic, with 1-based regions counted in UTF-16 code units, as our ranges are.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/falconer-dev/falconer";
    /** The base of relative artifact URIs: the directory {@code check} ran in. */
    static final String SOURCE_ROOT = "SRCROOT";

    private SarifReport() {
    }

    static String write(List<CheckedFile> files, Locale locale, String version) {
        JsonArray rules = new JsonArray();
        for (DiagnosticCode c : DiagnosticCode.values()) {
            rules.add(rule(c, locale));
        }
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "falconer");
        driver.addProperty("version", version);
        driver.addProperty("informationUri", INFORMATION_URI);
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonArray results = new JsonArray();
        JsonArray artifacts = new JsonArray();
        for (CheckedFile f : files) {
            JsonObject artifact = new JsonObject();
            artifact.add("location", artifactLocation(f.path()));
            artifacts.add(artifact);
            for (Diagnostic d : f.diagnostics()) {
                results.add(result(files, f, d, locale));
            }
        }
        JsonObject run = new JsonObject();
        run.add("tool", tool);
        if (files.stream().anyMatch(f -> !java.nio.file.Path.of(f.path()).isAbsolute())) {
            // relative URIs name their base (SARIF §3.4.4): the directory check ran in
            JsonObject base = new JsonObject();
            base.addProperty("uri", java.nio.file.Path.of("").toAbsolutePath().toUri().toString());
            JsonObject bases = new JsonObject();
            bases.add(SOURCE_ROOT, base);
            run.add("originalUriBaseIds", bases);
        }
        run.addProperty("columnKind", "utf16CodeUnits");
        run.add("artifacts", artifacts);
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject root = new JsonObject();
        root.addProperty("$schema", SCHEMA);
        root.addProperty("version", "2.1.0");
        root.add("runs", runs);
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION, HINT -> "note";
        };
    }

    private static JsonObject rule(DiagnosticCode c, Locale locale) {
        JsonObject r = new JsonObject();
        r.addProperty("id", c.id());
        r.add("shortDescription", text(CheckMessages.format(c.descriptionKey(), List.of(), locale)));
        r.addProperty("helpUri", INFORMATION_URI + "/blob/main/docs/diagnostics.md#" + c.id());
        JsonObject config = new JsonObject();
        config.addProperty("level", level(c.defaultSeverity()));
        r.add("defaultConfiguration", config);
        if (c.falcoCode() != null) {
            JsonObject props = new JsonObject();
            props.addProperty("falcoCode", c.falcoCode().name());
            r.add("properties", props);
        }
        return r;
    }

    private static JsonObject location(String path, dev.falconer.text.TextRange range) {
        JsonObject region = new JsonObject();
        region.addProperty("startLine", range.start().line() + 1);
        region.addProperty("startColumn", range.start().character() + 1);
        region.addProperty("endLine", range.end().line() + 1);
        region.addProperty("endColumn", range.end().character() + 1);
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifactLocation(path));
        physical.add("region", region);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        return location;
    }

    private static JsonObject result(List<CheckedFile> files, CheckedFile f, Diagnostic d, Locale locale) {
        JsonObject r = new JsonObject();
        r.addProperty("ruleId", d.code().id());
        r.addProperty("ruleIndex", d.code().ordinal());
        r.addProperty("level", level(d.severity()));
        r.add("message", text(d.message(locale)));
        JsonArray locations = new JsonArray();
        locations.add(location(f.path(), d.range()));
        r.add("locations", locations);
        if (!d.related().isEmpty()) {
            JsonArray related = new JsonArray();
            for (Diagnostic.Related rel : d.related()) {
                JsonObject l = location(CheckedFile.pathOf(files, rel.uri()), rel.range());
                l.addProperty("id", related.size());
                l.add("message", text(rel.message(locale)));
                related.add(l);
            }
            r.add("relatedLocations", related);
        }
        if (d.falcoCode() != null) {
            JsonObject props = new JsonObject();
            props.addProperty("falcoCode", d.falcoCode().name());
            r.add("properties", props);
        }
        return r;
    }

    /**
     * The file as a URI: a relative reference for a relative path (what GitHub maps onto the
     * repository), a {@code file:} URI for an absolute one.
     */
    static String uri(String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path);
        if (p.isAbsolute()) {
            return p.toUri().toString();
        }
        String relative = p.normalize().toString(); // "./a.yaml" is "a.yaml"
        StringBuilder sb = new StringBuilder();
        // a backslash separates only on Windows: elsewhere it is part of a name
        String slashed = java.io.File.separatorChar == '\\' ? relative.replace('\\', '/') : relative;
        for (String segment : slashed.split("/", -1)) {
            if (sb.length() > 0 || path.startsWith("/")) {
                sb.append('/');
            }
            sb.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    private static JsonObject artifactLocation(String path) {
        JsonObject o = new JsonObject();
        o.addProperty("uri", uri(path));
        if (!java.nio.file.Path.of(path).isAbsolute()) {
            o.addProperty("uriBaseId", SOURCE_ROOT);
        }
        return o;
    }

    private static JsonObject text(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("text", s);
        return o;
    }
}

package dev.falconer.catalog;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the facts tables of {@code ../shared} into the catalog's JSON resources. Run {@link #main}
 * after the facts change; {@code BundledDataTest} fails while the committed resources differ from
 * what this produces.
 */
public final class FactsGenerator {

    static final String RESOURCE_ROOT = "dev/falconer/catalog/";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeNulls().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Pattern EVENT_PARAM = Pattern.compile("([A-Z][A-Z0-9_]*) \\*\\*([A-Za-z0-9_]+)\\*\\*");

    /** Plugin name in the facts table → data group (= description group). */
    static final Map<String, String> PLUGIN_GROUPS = Map.ofEntries(
            Map.entry("container", "container"), Map.entry("k8smeta", "k8smeta"), Map.entry("krsi", "krsi"),
            Map.entry("anomalydetection", "anomalydetection"), Map.entry("json", "json"),
            Map.entry("dummy", "dummy"), Map.entry("github", "github"), Map.entry("gcpaudit", "gcpaudit"),
            Map.entry("k8saudit", "k8saudit"), Map.entry("cloudtrail", "cloudtrail"), Map.entry("okta", "okta"));

    /**
     * Sources a plugin's fields also apply to: the dummy test plugin's C and Rust ports (rulesets
     * {@code dummy_c}, {@code dummy_rs} in the plugins repository) extract its fields for their own
     * source names.
     */
    static final Map<String, List<String>> PORT_SOURCES = Map.of("dummy", List.of("dummy_c", "dummy_rs"));

    private FactsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path out = Path.of(args.length > 1 ? args[1] : "field-catalog/src/main/resources");
        for (Map.Entry<String, String> e : generate(shared).entrySet()) {
            Path target = out.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Resource path (under the classpath root) → file content. */
    static Map<String, String> generate(Path shared) {
        Map<String, String> out = new TreeMap<>();
        Path facts = shared.resolve("catalog-facts");
        List<String[]> removedRows = rows(facts.resolve("libs-fields-removed.tsv"));
        List<String[]> pluginRows = rows(facts.resolve("plugin-fields-head.tsv"));
        out.put(RESOURCE_ROOT + "fields/builtin.json", json(builtin(rows(facts.resolve("libs-fields-head.tsv")))));
        Map<String, String> removedFirstSeen = new LinkedHashMap<>();
        for (String[] r : removedRows) {
            removedFirstSeen.put(r[0], r[3]);
        }
        Map<String, List<String[]>> byPlugin = new TreeMap<>();
        for (String[] r : pluginRows) {
            byPlugin.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        Set<String> containerNames = new TreeSet<>();
        for (String[] r : byPlugin.get("container")) {
            containerNames.add(r[3]);
        }
        for (Map.Entry<String, List<String[]>> e : byPlugin.entrySet()) {
            String group = PLUGIN_GROUPS.get(e.getKey());
            if (group == null) {
                throw new IllegalStateException("no data group for plugin " + e.getKey());
            }
            out.put(RESOURCE_ROOT + "fields/" + group + ".json", json(plugin(e.getKey(), e.getValue(), removedFirstSeen)));
        }
        out.put(RESOURCE_ROOT + "fields/removed.json", json(removed(removedRows, containerNames)));
        Path derived = shared.resolve("corpus/derived/libs-0.25.4_evt_type_values.txt");
        out.put(RESOURCE_ROOT + "events/evttypes.txt", read(derived).strip() + "\n");
        Path events = shared.resolve(
                "corpus/falcosecurity/falco-website/content/en/docs/reference/rules/supported-events/supported-events.md");
        out.put(RESOURCE_ROOT + "events/params.json", json(eventParams(read(events))));
        return out;
    }

    private static Map<String, Object> builtin(List<String[]> rows) {
        List<Object> fields = new ArrayList<>();
        for (String[] r : rows) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", r[0]);
            boolean generic = r[1].equals("evt (all sources)");
            f.put("class", r[1].startsWith("evt") ? "evt" : r[1]);
            f.put("sources", List.of(generic ? SourceScope.ALL_TOKEN : SourceScope.SYSCALL));
            f.put("type", r[2]);
            List<String> flags = new ArrayList<>();
            boolean list = false;
            for (String flag : r[3].split(",")) {
                switch (flag) {
                    case "-", "ARG_REQUIRED", "ARG_ALLOWED" -> { }
                    case "IS_LIST" -> list = true;
                    default -> flags.add(FieldFlag.valueOf(flag).name());
                }
            }
            f.put("list", list);
            putArgument(f, builtinArgument(r[0], r[5]));
            f.put("flags", flags);
            f.put("since", Releases.falcoForLibs(r[6]).orElseThrow().toString());
            f.put("libsSince", r[6]);
            fields.add(f);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("group", "builtin");
        root.put("fields", fields);
        return root;
    }

    /** The hand-coded argument syntax of built-in fields, read from the facts table's arg column. */
    static ArgumentSpec builtinArgument(String name, String arg) {
        if (arg.equals("-")) {
            return ArgumentSpec.NONE;
        }
        ArgumentSpec.Presence optional = ArgumentSpec.Presence.OPTIONAL;
        ArgumentSpec.Presence required = ArgumentSpec.Presence.REQUIRED;
        if (arg.contains(".EVENTNAME")) {
            return ArgumentSpec.of(required, ArgumentSpec.Form.EVENT_TYPE);
        } else if (arg.contains(".PARAMNAME or [N]")) {
            return ArgumentSpec.of(required, ArgumentSpec.Form.PARAM_NAME_OR_INDEX);
        } else if (arg.contains(".PARAMNAME only")) {
            return ArgumentSpec.of(required, ArgumentSpec.Form.PARAM_NAME);
        } else if (arg.contains("[TIMESTAMP_NS]")) {
            return ArgumentSpec.of(required, ArgumentSpec.Form.INDEX);
        } else if (arg.contains(".src or .dst")) {
            // The flag says required, but libs accepts the bare name.
            return ArgumentSpec.of(optional, ArgumentSpec.Form.PATH_SIDE);
        } else if (arg.contains(".SUBSYSTEM")) {
            return ArgumentSpec.of(required, ArgumentSpec.Form.CGROUP_SUBSYSTEM);
        } else if (arg.contains("VARNAME")) {
            return ArgumentSpec.of(optional, ArgumentSpec.Form.KEY);
        } else if (arg.startsWith("optional [")) {
            return ArgumentSpec.of(optional, ArgumentSpec.Form.INDEX);
        }
        throw new IllegalStateException("unrecognised argument syntax for " + name + ": " + arg);
    }

    private static Map<String, Object> plugin(String plugin, List<String[]> rows, Map<String, String> removedFirstSeen) {
        List<Object> fields = new ArrayList<>();
        String version = rows.get(0)[1];
        for (String[] r : rows) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", r[3]);
            f.put("class", plugin);
            String source = r[2];
            String scope;
            if (source.startsWith("any plugin source")) {
                scope = SourceScope.PLUGIN_SOURCES_TOKEN;
            } else {
                scope = source.split(" ")[0];
            }
            List<String> sources = new ArrayList<>(List.of(scope));
            sources.addAll(PORT_SOURCES.getOrDefault(plugin, List.of()));
            f.put("sources", sources);
            f.put("type", FieldType.fromPluginType(r[4]).orElseThrow().name());
            f.put("list", r[5].equals("yes"));
            putArgument(f, pluginArgument(r[6]));
            List<String> flags = new ArrayList<>();
            if (r[7].equals("yes")) {
                flags.add(FieldFlag.TABLE_ONLY.name());
            }
            if (r[8].equals("yes")) {
                flags.add(FieldFlag.DEPRECATED.name());
            }
            f.put("flags", flags);
            if (plugin.equals("container")) {
                // Built in before Falco 0.41 (when it had been); from the container plugin since.
                String first = removedFirstSeen.get(r[3]);
                f.put("since", (first == null ? Releases.CONTAINER_PLUGIN
                        : Releases.falcoForLibs(first).orElseThrow()).toString());
            } else {
                f.put("since", null);
            }
            fields.add(f);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("group", PLUGIN_GROUPS.get(plugin));
        root.put("plugin", plugin);
        root.put("pluginVersion", version.equals("?") ? null : version);
        root.put("fields", fields);
        return root;
    }

    static ArgumentSpec pluginArgument(String arg) {
        if (arg.equals("-")) {
            return ArgumentSpec.NONE;
        }
        Set<String> parts = Set.of(arg.split("\\+"));
        boolean index = parts.contains("Index");
        boolean key = parts.contains("Key");
        ArgumentSpec.Form form = index && key ? ArgumentSpec.Form.INDEX_OR_KEY
                : index ? ArgumentSpec.Form.INDEX : ArgumentSpec.Form.KEY;
        return ArgumentSpec.of(parts.contains("Required") ? ArgumentSpec.Presence.REQUIRED
                : ArgumentSpec.Presence.OPTIONAL, form);
    }

    private static void putArgument(Map<String, Object> f, ArgumentSpec spec) {
        f.put("argument", spec.presence().jsonName());
        if (spec.takesArgument()) {
            f.put("form", spec.form().name());
        }
    }

    private static Map<String, Object> removed(List<String[]> rows, Set<String> containerNames) {
        List<Object> fields = new ArrayList<>();
        for (String[] r : rows) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", r[0]);
            f.put("class", r[1]);
            f.put("type", r[2]);
            f.put("since", Releases.falcoForLibs(r[3]).orElseThrow().toString());
            f.put("removedIn", Releases.falcoForLibs(r[4]).orElseThrow().toString());
            f.put("libsSince", r[3]);
            f.put("libsRemovedIn", r[4]);
            f.put("movedTo", containerNames.contains(r[0]) ? "container" : null);
            fields.add(f);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("group", "removed");
        root.put("fields", fields);
        return root;
    }

    /** Event parameter name → the types it has across events (names and types only). */
    private static Map<String, Object> eventParams(String markdown) {
        Map<String, Set<String>> params = new TreeMap<>();
        for (String line : markdown.split("\n")) {
            if (!line.contains("|")) {
                continue;
            }
            Matcher m = EVENT_PARAM.matcher(line);
            while (m.find()) {
                params.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(m.group(1));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("params", params);
        return root;
    }

    private static List<String[]> rows(Path tsv) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : read(tsv).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON, except that each field of a {@code fields} array sits on one line (readable diffs). */
    private static String json(Object o) {
        if (o instanceof Map<?, ?> root && root.get("fields") instanceof List<?> fields) {
            StringBuilder sb = new StringBuilder("{\n");
            for (Map.Entry<?, ?> e : root.entrySet()) {
                if (e.getKey().equals("fields")) {
                    continue;
                }
                sb.append("  ").append(COMPACT.toJson(e.getKey())).append(": ").append(COMPACT.toJson(e.getValue()))
                        .append(",\n");
            }
            sb.append("  \"fields\": [\n");
            for (int i = 0; i < fields.size(); i++) {
                sb.append("    ").append(COMPACT.toJson(fields.get(i))).append(i + 1 < fields.size() ? ",\n" : "\n");
            }
            return sb.append("  ]\n}\n").toString();
        }
        return GSON.toJson(o) + "\n";
    }
}

package dev.falconer.catalog;

import dev.falconer.catalog.PositionedJson.Node;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a user's catalog file. Two shapes are accepted, told apart by their top-level key:
 * <ul>
 * <li>{@code {"fieldclasses": [...]}}: the output of {@code falco --list --format json}
 *     (Falco 0.44+, spec field-catalog.md §2.2). Plugin classes are named {@code "<plugin> (plugin)"}.</li>
 * <li>{@code {"plugin": "nomad", "sources": ["nomad"], "fields": [...]}}: a plugin's
 *     {@code get_fields} array (§2.4) wrapped with the plugin's name and the event sources it
 *     extracts from, which {@code get_fields} itself does not carry.</li>
 * </ul>
 * Never throws: a bad file yields {@link ImportResult.Failed} with a message key and position.
 */
public final class CatalogImporter {

    private static final String PLUGIN_CLASS_SUFFIX = " (plugin)";

    private CatalogImporter() {
    }

    public static ImportResult read(Path file) {
        String origin = file.toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, origin);
        } catch (IOException | RuntimeException e) {
            return fail(origin, "catalog.import.unreadable", 0, 0, String.valueOf(e.getMessage()));
        }
    }

    public static ImportResult read(Reader in, String origin) {
        Node root;
        try {
            root = PositionedJson.parse(in);
        } catch (PositionedJson.SyntaxException e) {
            return fail(origin, "catalog.import.syntax", e.line, e.column, e.detail);
        } catch (IOException | RuntimeException e) {
            return fail(origin, "catalog.import.unreadable", 0, 0, String.valueOf(e.getMessage()));
        }
        try {
            if (root.isObject() && root.object().containsKey("fieldclasses")) {
                return new ImportResult.Loaded(falcoList(root, origin));
            }
            if (root.isObject() && root.object().containsKey("plugin")) {
                return new ImportResult.Loaded(pluginFields(root, origin));
            }
            if (root.isObject() && root.object().containsKey("fieldnames")) {
                throw new Bad("catalog.import.namesOnly", root);
            }
            if (root.isArray()) {
                throw new Bad("catalog.import.bareFields", root);
            }
            throw new Bad("catalog.import.unknownShape", root);
        } catch (Bad b) {
            return fail(origin, b.key, b.at.line(), b.at.column(), b.args);
        }
    }

    private static ImportedCatalog falcoList(Node root, String origin) throws Bad {
        List<ImportedField> fields = new ArrayList<>();
        Set<String> plugins = new LinkedHashSet<>();
        for (Node cls : array(root, "fieldclasses")) {
            String className = string(cls, "name");
            String plugin = className.endsWith(PLUGIN_CLASS_SUFFIX)
                    ? className.substring(0, className.length() - PLUGIN_CLASS_SUFFIX.length()) : null;
            if (plugin != null) {
                plugins.add(plugin);
            }
            Set<String> sources = new LinkedHashSet<>();
            for (Node s : array(cls, "event_sources")) {
                sources.add(text(s, "event_sources"));
            }
            for (Node f : array(cls, "fields")) {
                String name = string(f, "name");
                Node typeNode = require(f, "type");
                FieldType type = FieldType.fromFalcoName(text(typeNode, "type"))
                        .orElseThrow(() -> new Bad("catalog.import.badType", typeNode, String.valueOf(typeNode.value())));
                boolean list = bool(f, "is_list", false);
                fields.add(new ImportedField(name, plugin != null ? plugin : className, plugin, sources, type, list,
                        falcoArgument(f.object().get("argument")), Set.of(), optionalString(f, "desc")));
            }
        }
        return new ImportedCatalog(origin, ImportedCatalog.Format.FALCO_LIST, fields, plugins);
    }

    private static ArgumentSpec falcoArgument(Node arg) throws Bad {
        if (arg == null || arg.value() == null) {
            return ArgumentSpec.NONE;
        }
        if (!arg.isObject()) {
            throw new Bad("catalog.import.notObject", arg, "argument");
        }
        boolean required = bool(arg, "required", false);
        boolean index = false;
        boolean key = false;
        Node types = arg.object().get("type");
        if (types != null && types.isArray()) {
            for (Node t : types.array()) {
                String v = text(t, "type");
                index |= v.equals("INDEX");
                key |= v.equals("KEY");
            }
        }
        return ArgumentSpec.of(required ? ArgumentSpec.Presence.REQUIRED : ArgumentSpec.Presence.OPTIONAL,
                form(index, key));
    }

    private static ImportedCatalog pluginFields(Node root, String origin) throws Bad {
        String plugin = string(root, "plugin");
        if (plugin.isBlank()) {
            throw new Bad("catalog.import.emptyValue", root.object().get("plugin"), "plugin");
        }
        Set<String> sources = new LinkedHashSet<>();
        for (Node s : array(root, "sources")) {
            sources.add(text(s, "sources"));
        }
        if (sources.isEmpty()) {
            throw new Bad("catalog.import.noSources", root.object().get("sources"));
        }
        List<Node> declared = array(root, "fields");
        if (declared.isEmpty()) {
            throw new Bad("catalog.import.noFields", root.object().get("fields"));
        }
        List<ImportedField> fields = new ArrayList<>();
        for (Node f : declared) {
            fields.add(pluginField(f, plugin, sources));
        }
        return new ImportedCatalog(origin, ImportedCatalog.Format.PLUGIN_FIELDS, fields, Set.of(plugin));
    }

    /** One {@code get_fields} entry, validated as libsinsp does. */
    private static ImportedField pluginField(Node f, String plugin, Set<String> sources) throws Bad {
        String name = string(f, "name");
        if (name.isEmpty()) {
            throw new Bad("catalog.import.emptyValue", f.object().get("name"), "name");
        }
        Node typeNode = require(f, "type");
        FieldType type = FieldType.fromPluginType(text(typeNode, "type"))
                .orElseThrow(() -> new Bad("catalog.import.badPluginType", typeNode, String.valueOf(typeNode.value())));
        String desc = string(f, "desc");
        boolean list = bool(f, "isList", false);
        ArgumentSpec argument = ArgumentSpec.NONE;
        Node arg = f.object().get("arg");
        if (arg != null) {
            if (!arg.isObject()) {
                throw new Bad("catalog.import.notObject", arg, "arg");
            }
            boolean required = bool(arg, "isRequired", false);
            boolean index = bool(arg, "isIndex", false);
            boolean key = bool(arg, "isKey", false);
            if (required && !index && !key) {
                throw new Bad("catalog.import.requiredWithoutKind", arg, name);
            }
            if (index || key) {
                argument = ArgumentSpec.of(required ? ArgumentSpec.Presence.REQUIRED : ArgumentSpec.Presence.OPTIONAL,
                        form(index, key));
            }
        }
        Set<FieldFlag> flags = EnumSet.noneOf(FieldFlag.class);
        if (bool(f, "addOutput", false)) {
            flags.add(FieldFlag.FORMAT_SUGGESTED);
        }
        Node props = f.object().get("properties");
        if (props != null) {
            if (!props.isArray()) {
                throw new Bad("catalog.import.notArray", props, "properties");
            }
            for (Node p : props.array()) {
                switch (text(p, "properties")) {
                    case "hidden" -> flags.add(FieldFlag.TABLE_ONLY);
                    case "info" -> flags.add(FieldFlag.INFO);
                    case "conversation" -> flags.add(FieldFlag.CONVERSATION);
                    default -> { } // libsinsp ignores other properties too
                }
            }
        }
        return new ImportedField(name, plugin, plugin, sources, type, list, argument, flags, desc);
    }

    private static ArgumentSpec.Form form(boolean index, boolean key) {
        if (index && key) {
            return ArgumentSpec.Form.INDEX_OR_KEY;
        }
        return index ? ArgumentSpec.Form.INDEX : ArgumentSpec.Form.KEY;
    }

    private static Node require(Node obj, String key) throws Bad {
        if (!obj.isObject()) {
            throw new Bad("catalog.import.notObject", obj, key);
        }
        Node v = obj.object().get(key);
        if (v == null) {
            throw new Bad("catalog.import.missingKey", obj, key);
        }
        return v;
    }

    private static List<Node> array(Node obj, String key) throws Bad {
        Node v = require(obj, key);
        if (!v.isArray()) {
            throw new Bad("catalog.import.notArray", v, key);
        }
        return v.array();
    }

    private static String string(Node obj, String key) throws Bad {
        return text(require(obj, key), key);
    }

    private static String optionalString(Node obj, String key) throws Bad {
        Node v = obj.object().get(key);
        return v == null || v.value() == null ? null : text(v, key);
    }

    private static String text(Node v, String key) throws Bad {
        if (!(v.value() instanceof String s)) {
            throw new Bad("catalog.import.notString", v, key);
        }
        return s;
    }

    private static boolean bool(Node obj, String key, boolean fallback) throws Bad {
        Node v = obj.object().get(key);
        if (v == null || v.value() == null) {
            return fallback;
        }
        if (!(v.value() instanceof Boolean b)) {
            throw new Bad("catalog.import.notBoolean", v, key);
        }
        return b;
    }

    private static ImportResult fail(String origin, String key, int line, int column, String... args) {
        return new ImportResult.Failed(origin, key, List.of(args), line, column);
    }

    /** A validation failure inside the tree walk (checked, so it never escapes the public API). */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String key;
        final transient Node at;
        final String[] args;

        Bad(String key, Node at, String... args) {
            super(key, null, false, false);
            this.key = key;
            this.at = at == null ? new Node(null, 0, 0) : at;
            this.args = args;
        }
    }

}

package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every field a corpus rules file uses in a condition resolves for that file's event source, with
 * the plugins its {@code required_plugin_versions} names loaded. Field names are taken from the
 * condition text with a conservative pattern (quoted text removed; only tokens whose first
 * segment begins a known field name). Rules shipped inside a plugin's folder run with that plugin
 * loaded. Sources we have no catalog for (the dummy_c / dummy_rs test plugins) are skipped.
 */
class CorpusFieldsTest {

    private static final Pattern FIELD = Pattern.compile(
            "(?<![\\w./\\-*:])([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z][a-zA-Z0-9_]*)+)(?:\\[([^\\]\\s]*)\\])?");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");

    @Test
    void everyFieldUsedByTheCorpusResolvesForItsSource() throws IOException {
        Path corpus = Shared.root().resolve("corpus/falcosecurity");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus.resolve("rules/rules"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(corpus.resolve("plugins/plugins"))) {
            s.filter(p -> p.toString().endsWith(".yaml") && p.toString().contains("rules")).forEach(files::add);
        }
        assumeTrue(!files.isEmpty(), "no corpus rules files");
        FieldCatalog defaults = FieldCatalog.defaults();
        Set<String> prefixes = new HashSet<>();
        for (FieldInfo f : defaults.allFields()) {
            prefixes.add(f.name().substring(0, f.name().indexOf('.')));
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            List<Map<String, Object>> items = items(file);
            Set<String> plugins = new LinkedHashSet<>(FieldCatalog.DEFAULT_PLUGINS);
            Path relative = corpus.resolve("plugins/plugins").relativize(file);
            if (!relative.startsWith("..")) {
                plugins.add(relative.getName(0).toString());
            }
            String source = "syscall";
            for (Map<String, Object> item : items) {
                if (item.get("required_plugin_versions") instanceof List<?> req) {
                    for (Object r : req) {
                        if (r instanceof Map<?, ?> m && m.get("name") != null) {
                            plugins.add(String.valueOf(m.get("name")));
                        }
                    }
                }
                if (item.containsKey("rule") && item.get("source") != null) {
                    source = String.valueOf(item.get("source"));
                }
            }
            FieldCatalog catalog = defaults.withPlugins(plugins);
            for (Map<String, Object> item : items) {
                Object condition = item.get("condition");
                if (!(condition instanceof String text)) {
                    continue;
                }
                String itemSource = item.get("source") != null ? String.valueOf(item.get("source")) : source;
                if (!catalog.isKnownSource(itemSource)) {
                    continue;
                }
                Matcher m = FIELD.matcher(QUOTED.matcher(text).replaceAll("\"\""));
                while (m.find()) {
                    String name = m.group(1);
                    if (!prefixes.contains(name.substring(0, name.indexOf('.')))) {
                        continue;
                    }
                    checked++;
                    Resolution r = catalog.resolve(itemSource, name, m.group(2));
                    if (!(r instanceof Resolution.Resolved)) {
                        failures.add(file.getFileName() + ": " + m.group() + " for " + itemSource + " -> " + r);
                    }
                }
            }
        }
        assertTrue(checked > 500, "only " + checked + " field uses found");
        assertEquals(List.of(), failures);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Path file) throws IOException {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(file, StandardCharsets.UTF_8));
        List<Map<String, Object>> out = new ArrayList<>();
        if (doc instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }
}

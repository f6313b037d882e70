package dev.falconer.condition;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code condition:} of every macro and rule in the shared corpus ({@code falconer.shared},
 * default {@code ../shared}), as Falco would parse it.
 *
 * <p>Append fragments (conditions starting with {@code and}/{@code or}) are joined with a space to
 * their base: the latest condition of the same macro/rule name earlier in the same file or in an
 * earlier file (files in path order). When no base exists, they are joined to the dummy base
 * {@value #DUMMY_BASE}. No list substitution happens here. Files that SnakeYAML cannot load (some
 * fixtures are broken on purpose) are skipped and counted.
 */
public final class CorpusConditions {
    public static final String DUMMY_BASE = "evt.num = 1";

    /** One condition: where it comes from and the text to parse. */
    public record Entry(Path file, String kind, String name, String text, boolean fragment, boolean baseFound) {
    }

    /** Everything read from the corpus. */
    public record Corpus(List<Entry> entries, int filesRead, List<Path> filesSkipped) {
    }

    private CorpusConditions() {
    }

    public static Path corpusDir() {
        return Paths.get(System.getProperty("falconer.shared", "../shared")).resolve("corpus");
    }

    public static Corpus load() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpusDir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
        Map<String, String> latest = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        int read = 0;
        for (Path file : files) {
            List<Object> docs = new ArrayList<>();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                new Yaml(new LoaderOptions()).loadAll(r).forEach(docs::add);
            } catch (RuntimeException | IOException e) {
                skipped.add(file);
                continue;
            }
            read++;
            for (Object doc : docs) {
                if (doc instanceof List<?> items) {
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> map) {
                            entry(file, map, latest, entries);
                        }
                    }
                }
            }
        }
        return new Corpus(entries, read, skipped);
    }

    private static void entry(Path file, Map<?, ?> item, Map<String, String> latest, List<Entry> out) {
        String kind = item.containsKey("macro") ? "macro" : item.containsKey("rule") ? "rule" : null;
        if (kind == null || !(item.get("condition") instanceof String condition) || !(item.get(kind) instanceof String)) {
            return;
        }
        String key = kind + ":" + item.get(kind);
        if (!ConditionJoiner.isAppendFragment(condition)) {
            latest.put(key, condition);
            out.add(new Entry(file, kind, (String) item.get(kind), condition, false, false));
            return;
        }
        String base = latest.get(key);
        String joined = ConditionJoiner.join(base == null ? DUMMY_BASE : base, condition);
        if (base != null) {
            latest.put(key, joined);
        }
        out.add(new Entry(file, kind, (String) item.get(kind), joined, true, base != null));
    }
}

package dev.falconer.explain;

import dev.falconer.condition.ConditionParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Rules files read for the explainer's tests: items in file order, later definitions replacing
 * earlier ones, comments directly above an item kept as its documentation. Appends and
 * overrides are the workspace's business and are not needed by these fixtures.
 */
public final class FixtureRules implements ExplainSymbols {

    public final Map<String, MacroDoc> macros = new LinkedHashMap<>();
    final Map<String, List<String>> lists = new LinkedHashMap<>();
    public final Map<String, RuleDoc> rules = new LinkedHashMap<>();
    /** 0-based line of each rule and macro, by kind and name. */
    final Map<String, Integer> lines = new LinkedHashMap<>();

    public static FixtureRules load(List<Path> files) throws IOException {
        FixtureRules r = new FixtureRules();
        for (Path f : files) {
            r.read(Files.readString(f, StandardCharsets.UTF_8));
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private void read(String text) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(doc instanceof List<?> items)) {
            return;
        }
        String[] textLines = text.split("\n", -1);
        for (Object o : items) {
            if (!(o instanceof Map<?, ?> raw)) {
                continue;
            }
            Map<String, Object> item = (Map<String, Object>) raw;
            if (item.containsKey("list")) {
                lists.put(str(item.get("list")), ((List<Object>) item.getOrDefault("items", List.of())).stream()
                        .map(FixtureRules::str).toList());
            } else if (item.containsKey("macro")) {
                String name = str(item.get("macro"));
                int line = lineOf(textLines, "- macro: " + name);
                lines.put("macro:" + name, line);
                macros.put(name, new MacroDoc(name, ConditionParser.parse(str(item.get("condition")).strip()),
                        comment(textLines, line)));
            } else if (item.containsKey("rule") && item.containsKey("condition")) {
                String name = str(item.get("rule"));
                int line = lineOf(textLines, "- rule: " + name);
                lines.put("rule:" + name, line);
                rules.put(name, new RuleDoc(name, ConditionParser.parse(str(item.get("condition")).strip()),
                        str(item.get("desc")), str(item.get("output")), str(item.get("priority")),
                        item.containsKey("source") ? str(item.get("source")) : "syscall",
                        exceptions((List<Object>) item.get("exceptions")), comment(textLines, line)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ExceptionDoc> exceptions(List<Object> raw) {
        List<ExceptionDoc> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (Object o : raw) {
            Map<String, Object> e = (Map<String, Object>) o;
            Object fields = e.get("fields");
            Object comps = e.get("comps");
            List<Object> values = (List<Object>) e.getOrDefault("values", List.of());
            if (fields instanceof List<?> fl) {
                List<String> f = fl.stream().map(FixtureRules::str).toList();
                List<String> c = comps instanceof List<?> cl ? cl.stream().map(FixtureRules::str).toList()
                        : f.stream().map(x -> "=").toList();
                List<List<ExceptionDoc.Element>> tuples = new ArrayList<>();
                for (Object t : values) {
                    tuples.add(((List<Object>) t).stream().map(v -> v instanceof List<?> l
                            ? ExceptionDoc.Element.list(l.stream().map(FixtureRules::str).toList())
                            : ExceptionDoc.Element.single(str(v))).toList());
                }
                out.add(new ExceptionDoc(str(e.get("name")), f, c, tuples));
            } else {
                List<List<ExceptionDoc.Element>> tuples = values.isEmpty() ? List.of()
                        : List.of(List.of(ExceptionDoc.Element.list(values.stream().map(FixtureRules::str).toList())));
                out.add(new ExceptionDoc(str(e.get("name")), List.of(str(fields)),
                        List.of(comps == null ? "in" : str(comps)), tuples));
            }
        }
        return out;
    }

    private static int lineOf(String[] lines, String start) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripTrailing().equals(start) || lines[i].startsWith(start + " ")) {
                return i;
            }
        }
        return 0;
    }

    private static String comment(String[] lines, int line) {
        List<String> block = new ArrayList<>();
        for (int i = line - 1; i >= 0 && lines[i].startsWith("#"); i--) {
            block.add(0, lines[i].replaceFirst("^#\\s?", ""));
        }
        return block.isEmpty() ? null : String.join("\n", block);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @Override
    public Optional<MacroDoc> macro(String name) {
        return Optional.ofNullable(macros.get(name));
    }

    @Override
    public Optional<List<String>> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }
}

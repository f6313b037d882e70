package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.SourceScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The other sources' fields for a word no syscall field starts: the plugin rulesets write
 * {@code source:} last, so a rule being typed is a syscall rule until then, and {@code ka.} in it
 * matched nothing (QA round 25). Each field says which {@code source:} it needs.
 */
final class OtherSourceFields {

    private OtherSourceFields() {
    }

    /** The fields starting with {@code word} that syscall lacks, each with the sources that have it (sorted). */
    static Map<FieldInfo, List<String>> of(FieldCatalog catalog, String word) {
        Map<String, FieldInfo> first = new LinkedHashMap<>();
        Map<String, List<String>> sources = new LinkedHashMap<>();
        if (word.indexOf('.') <= 0) {
            return Map.of();
        }
        for (String source : new TreeSet<>(catalog.sources())) {
            if (SourceScope.SYSCALL.equals(source)) {
                continue;
            }
            for (FieldInfo f : catalog.complete(source, word)) {
                if (f.name().startsWith(word) && catalog.field(SourceScope.SYSCALL, f.name()).isEmpty()) {
                    first.putIfAbsent(f.name(), f);
                    sources.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(source);
                }
            }
        }
        Map<FieldInfo, List<String>> out = new LinkedHashMap<>();
        first.forEach((name, f) -> out.put(f, List.copyOf(sources.get(name))));
        return out;
    }

    /** The detail of such a field: the {@code source:} to add. */
    static String detail(Texts texts, List<String> sources) {
        return sources.size() == 1 ? texts.get("field.otherSource", sources.get(0))
                : texts.get("field.otherSources", String.join(", ", sources));
    }
}

package dev.falconer.workspace;

import dev.falconer.rules.ItemKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every definition and every reference of every list, macro and rule across the workspace, each
 * with its exact place. Definitions are in load order; references in file, then text order.
 */
public final class SymbolTable {
    private final java.util.function.Supplier<List<Definition>> definitionList;
    private final java.util.function.Supplier<List<SymbolReference>> referenceList;
    private final java.util.function.Function<SymbolKey, List<Definition>> definitionsOf;
    private volatile Index index;
    private final Map<ItemKind, List<String>> namesByKind = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<ItemKind, List<String>> sortedNamesByKind = new java.util.concurrent.ConcurrentHashMap<>();

    /** The three indexes, built on first use: many snapshots (one per keystroke) are never asked. */
    private record Index(Map<SymbolKey, List<Definition>> definitions, Map<SymbolKey, List<SymbolReference>> references,
                         Map<String, List<SymbolReference>> referencesByUri) {
    }

    SymbolTable(List<Definition> definitions, List<SymbolReference> references) {
        this(() -> definitions, () -> references, null);
    }

    /**
     * A table whose definitions (load order) and references are computed when first needed;
     * {@code definitionsOf}, when given, answers {@link #definitions(SymbolKey)} without them.
     */
    SymbolTable(java.util.function.Supplier<List<Definition>> definitions,
                java.util.function.Supplier<List<SymbolReference>> references,
                java.util.function.Function<SymbolKey, List<Definition>> definitionsOf) {
        this.definitionsOf = definitionsOf;
        this.definitionList = definitions;
        this.referenceList = references;
    }

    /** Names per kind carried over from a table with exactly the same defined keys. */
    void sameNamesAs(SymbolTable other) {
        namesByKind.putAll(other.namesByKind);
        sortedNamesByKind.putAll(other.sortedNamesByKind);
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = build(definitionList.get(), referenceList.get());
                    index = i;
                }
            }
        }
        return i;
    }

    private static Index build(List<Definition> definitions, List<SymbolReference> references) {
        Map<SymbolKey, List<Definition>> defs = new LinkedHashMap<>();
        for (Definition d : definitions) {
            defs.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
        }
        Map<SymbolKey, List<SymbolReference>> refs = new LinkedHashMap<>();
        Map<String, List<SymbolReference>> byUri = new LinkedHashMap<>();
        for (SymbolReference r : references) {
            refs.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
            byUri.computeIfAbsent(r.location().uri(), k -> new ArrayList<>()).add(r);
        }
        byUri.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.location().span().start(), b.location().span().start())));
        return new Index(freeze(defs), freeze(refs), freeze(byUri));
    }

    private static <K, V> Map<K, List<V>> freeze(Map<K, List<V>> m) {
        Map<K, List<V>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** Every entry that defines, extends or toggles {@code key}, in load order (rejected ones included). */
    public List<Definition> definitions(SymbolKey key) {
        if (definitionsOf != null && index == null) {
            List<Definition> defs = definitionsOf.apply(key);
            return defs == null ? List.of() : defs;
        }
        return index().definitions().getOrDefault(key, List.of());
    }

    /** Every use of {@code key}. */
    public List<SymbolReference> references(SymbolKey key) {
        return index().references().getOrDefault(key, List.of());
    }

    /** Every reference written in one file, in text order. */
    public List<SymbolReference> referencesIn(String uri) {
        return index().referencesByUri().getOrDefault(uri, List.of());
    }

    /** The names known in one namespace, in order of first definition. */
    public List<String> names(ItemKind kind) {
        return namesByKind.computeIfAbsent(kind, k -> {
            List<String> out = new ArrayList<>();
            for (SymbolKey key : index().definitions().keySet()) {
                if (key.kind() == k) {
                    out.add(key.name());
                }
            }
            return List.copyOf(out);
        });
    }

    /** The names known in one namespace, sorted: completion proposes them on every keystroke. */
    public List<String> sortedNames(ItemKind kind) {
        return sortedNamesByKind.computeIfAbsent(kind, k -> names(k).stream().sorted().distinct().toList());
    }

    public boolean isDefined(SymbolKey key) {
        return definitions(key).stream().anyMatch(d -> d.role() != Definition.Role.REJECTED);
    }

    /** The reference under a cursor ({@code offset} inside or touching its range). */
    public Optional<SymbolReference> referenceAt(String uri, int offset) {
        for (SymbolReference r : referencesIn(uri)) {
            if (r.location().span().touches(offset)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The definition whose name is under a cursor. */
    public Optional<Definition> definitionAt(String uri, int offset) {
        for (List<Definition> defs : index().definitions().values()) {
            for (Definition d : defs) {
                if (d.uri().equals(uri) && d.nameSpan().touches(offset)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    public Map<SymbolKey, List<Definition>> allDefinitions() {
        return index().definitions();
    }

    public Map<SymbolKey, List<SymbolReference>> allReferences() {
        return index().references();
    }
}

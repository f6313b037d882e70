package dev.falconer.catalog;

import dev.falconer.condition.FieldRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every Falco filter field, per event source: the built-in fields, the official plugins' fields,
 * the removed built-ins (so a diagnostic can say where they went), and whatever a user imported
 * from their own Falco or plugins.
 *
 * <p>Which fields a source has: {@code syscall} has the built-in fields plus the fields of every
 * <em>loaded</em> plugin that extracts from syscall events; a plugin source ({@code k8s_audit},
 * {@code aws_cloudtrail} …) has the generic {@code evt.*} fields, its own plugin's fields, and the
 * fields of loaded extractor plugins for plugin sources ({@code json}). "Loaded" mirrors Falco's
 * default package: {@link #DEFAULT_PLUGINS} ({@code container}, {@code json}). The k8smeta, krsi
 * and anomalydetection fields stay known: without {@link #withPlugins} they resolve to
 * {@link Resolution.PluginNotLoaded}, never to unknown.
 *
 * <p>Immutable and thread-safe; per-source indexes are built on first use.
 */
public final class FieldCatalog {

    /** Extractor plugins considered loaded unless the caller says otherwise. */
    public static final Set<String> DEFAULT_PLUGINS = Set.of("container", "json");

    private static final int MAX_SUGGESTIONS = 5;
    private static final int MAX_DISTANCE = 2;

    private final Map<String, FieldInfo> fields;        // live fields by name
    private final Map<String, BundledData.RemovedField> removed;
    private final EventTables events;
    private final Set<String> loadedPlugins;
    private final Set<String> sources;
    private final Map<String, SourceIndex> indexes = new ConcurrentHashMap<>();

    private FieldCatalog(Map<String, FieldInfo> fields, Map<String, BundledData.RemovedField> removed,
            EventTables events, Set<String> loadedPlugins) {
        this.fields = Collections.unmodifiableMap(fields);
        this.removed = Collections.unmodifiableMap(removed);
        this.events = events;
        this.loadedPlugins = Set.copyOf(loadedPlugins);
        Set<String> s = new TreeSet<>();
        s.add(SourceScope.SYSCALL);
        for (FieldInfo f : fields.values()) {
            if (f.scope().kind() == SourceScope.Kind.NAMED) {
                s.addAll(f.scope().sources());
            }
        }
        this.sources = Collections.unmodifiableSet(s);
    }

    private static final class Holder {
        static final FieldCatalog DEFAULTS = bundled();
    }

    /** The shipped catalog with {@link #DEFAULT_PLUGINS} loaded. Loaded once, on first call. */
    public static FieldCatalog defaults() {
        return Holder.DEFAULTS;
    }

    private static FieldCatalog bundled() {
        BundledData.Loaded data = BundledData.load();
        Map<String, FieldInfo> byName = new TreeMap<>();
        for (FieldInfo f : data.fields()) {
            byName.put(f.name(), f);
        }
        Map<String, BundledData.RemovedField> removed = new TreeMap<>();
        for (BundledData.RemovedField r : data.removed()) {
            removed.put(r.field().name(), r);
        }
        return new FieldCatalog(byName, removed, data.events(), DEFAULT_PLUGINS);
    }

    /** This catalog with exactly these extractor plugins loaded (e.g. {@code container}, {@code k8smeta}). */
    public FieldCatalog withPlugins(Set<String> plugins) {
        return new FieldCatalog(new TreeMap<>(fields), new TreeMap<>(removed), events, plugins);
    }

    /**
     * This catalog with an imported catalog merged in. Imported fields add to or replace ours by
     * name; replaced fields keep our descriptions, flags and versions, take the imported type,
     * list-ness, argument and sources, and remember the imported text as fallback. Nothing is
     * removed: names a listing hides stay known. Plugins named by the import count as loaded.
     */
    public FieldCatalog withImported(ImportedCatalog imported) {
        Map<String, FieldInfo> merged = new TreeMap<>(fields);
        for (ImportedField f : imported.fields()) {
            merged.put(f.name(), CatalogMerge.merge(fields.get(f.name()), f));
        }
        Set<String> plugins = new LinkedHashSet<>(loadedPlugins);
        plugins.addAll(imported.plugins());
        return new FieldCatalog(merged, new TreeMap<>(removed), events, plugins);
    }

    /** What merging {@code imported} would add or change, by field name (for {@code falconer catalog import}). */
    public List<CatalogChange> changes(ImportedCatalog imported) {
        List<CatalogChange> out = new ArrayList<>();
        for (ImportedField f : imported.fields()) {
            out.add(CatalogMerge.change(fields.get(f.name()), f));
        }
        out.sort(Comparator.comparing(CatalogChange::name));
        return out;
    }

    public Set<String> loadedPlugins() {
        return loadedPlugins;
    }

    /** Every event source some field names, plus {@code syscall}; sorted. */
    public Set<String> sources() {
        return sources;
    }

    public boolean isKnownSource(String source) {
        return sources.contains(source);
    }

    public EventTables events() {
        return events;
    }

    /**
     * The plugin whose async event {@code name} is, when that plugin's fields apply to
     * {@code source} (the same scope that makes its fields {@link Resolution.PluginNotLoaded}
     * rather than unknown); empty when {@code name} is no plugin event valid there.
     */
    public Optional<String> pluginEvent(String source, String name) {
        return events.pluginOf(name).filter(plugin -> fields.values().stream()
                .anyMatch(f -> plugin.equals(f.plugin()) && f.scope().appliesTo(source)));
    }

    /** The fields valid for a source (hidden ones included), sorted by name; empty for an unknown source. */
    public List<FieldInfo> fields(String source) {
        return isKnownSource(source) ? List.copyOf(index(source).byName.values()) : List.of();
    }

    /** Every live field, whatever its source or plugin, sorted by name. */
    public List<FieldInfo> allFields() {
        return List.copyOf(fields.values());
    }

    /** A live field by exact name (no argument), whatever its source. */
    public Optional<FieldInfo> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A field by exact name (no argument) if it is valid for the source. */
    public Optional<FieldInfo> field(String source, String name) {
        return isKnownSource(source) ? Optional.ofNullable(index(source).byName.get(name)) : Optional.empty();
    }

    /** Removed built-in fields (they never resolve), sorted by name. */
    public List<FieldInfo> removedFields() {
        return removed.values().stream().map(BundledData.RemovedField::field).toList();
    }

    /** Fields valid for the source whose name starts with {@code prefix}, sorted by name. */
    public List<FieldInfo> complete(String source, String prefix) {
        if (!isKnownSource(source)) {
            return List.of();
        }
        NavigableMap<String, FieldInfo> byName = index(source).byName;
        List<FieldInfo> out = new ArrayList<>();
        for (Map.Entry<String, FieldInfo> e : byName.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    /** Resolves a field as the condition grammar gives it. */
    public Resolution resolve(String source, FieldRef ref) {
        return resolve(source, ref.name(), ref.argument() == null ? null : ref.argument().value());
    }

    /**
     * Resolves a field written as text, e.g. {@code proc.aname[2]} or {@code evt.arg.flags}
     * (output format fields, settings). The bracket argument is taken verbatim.
     */
    public Resolution resolveText(String source, String text) {
        int open = text.indexOf('[');
        if (open > 0 && text.endsWith("]")) {
            return resolve(source, text.substring(0, open), text.substring(open + 1, text.length() - 1));
        }
        return resolve(source, text, null);
    }

    /**
     * Resolves {@code name} (dotted argument forms included, e.g. {@code evt.arg.flags}) with an
     * optional bracket argument ({@code null} when there are no brackets) for one event source.
     */
    public Resolution resolve(String source, String name, String bracketArgument) {
        if (!isKnownSource(source)) {
            return new Resolution.UnknownSource(name, source, List.copyOf(sources));
        }
        SourceIndex index = index(source);
        FieldInfo exact = index.byName.get(name);
        if (exact != null) {
            return Arguments.check(name, exact, bracketArgument);
        }
        Optional<Resolution> dotted = dottedForm(name, bracketArgument, index.byName);
        if (dotted.isPresent()) {
            return dotted.get();
        }
        Optional<FieldInfo> elsewhere = findAnywhere(name);
        if (elsewhere.isPresent()) {
            FieldInfo f = elsewhere.get();
            if (f.scope().appliesTo(source) && f.plugin() != null) {
                // the plugin's own arguments are known even while it is not loaded: Falco checks them once it is
                Resolution args = f.name().equals(name) ? Arguments.check(name, f, bracketArgument)
                        : Arguments.checkDotted(name, f, name.substring(f.name().length() + 1), bracketArgument, events);
                return args instanceof Resolution.Resolved ? new Resolution.PluginNotLoaded(name, f, f.plugin()) : args;
            }
            return new Resolution.WrongSource(name, f, source, f.scope().expand(sources));
        }
        BundledData.RemovedField gone = removed.get(name);
        if (gone != null) {
            return new Resolution.Removed(name, gone.field(), gone.movedTo());
        }
        return new Resolution.Unknown(name, source, new LazySuggestions(() -> index.suggestions(name)));
    }

    /** {@code evt.arg.flags} → field {@code evt.arg} with dotted argument {@code flags}; longest base first. */
    private Optional<Resolution> dottedForm(String name, String bracketArgument, Map<String, FieldInfo> valid) {
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            FieldInfo base = valid.get(name.substring(0, dot));
            if (base != null && base.argument().takesArgument()) {
                return Optional.of(Arguments.checkDotted(name, base, name.substring(dot + 1), bracketArgument, events));
            }
        }
        return Optional.empty();
    }

    private Optional<FieldInfo> findAnywhere(String name) {
        FieldInfo f = fields.get(name);
        if (f != null) {
            return Optional.of(f);
        }
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            FieldInfo base = fields.get(name.substring(0, dot));
            if (base != null && base.argument().takesArgument()) {
                return Optional.of(base);
            }
        }
        return Optional.empty();
    }

    private SourceIndex index(String source) {
        return indexes.computeIfAbsent(source, this::buildIndex);
    }

    private SourceIndex buildIndex(String source) {
        NavigableMap<String, FieldInfo> byName = new TreeMap<>();
        for (FieldInfo f : fields.values()) {
            if (isAvailable(f, source)) {
                byName.put(f.name(), f);
            }
        }
        return new SourceIndex(Collections.unmodifiableNavigableMap(byName));
    }

    /** Built-ins by scope; plugin fields when the plugin is loaded or is the source's own plugin. */
    private boolean isAvailable(FieldInfo f, String source) {
        if (!f.scope().appliesTo(source)) {
            return false;
        }
        if (f.plugin() == null || loadedPlugins.contains(f.plugin())) {
            return true;
        }
        // A sourcing plugin's own fields come with its source: using the source means it is loaded.
        return f.scope().kind() == SourceScope.Kind.NAMED && !SourceScope.SYSCALL.equals(source);
    }

    /** The fields of one source, and the "did you mean" answers already computed for it. */
    private record SourceIndex(NavigableMap<String, FieldInfo> byName, Map<String, List<String>> suggested) {
        private static final int MAX_REMEMBERED = 4096;

        SourceIndex(NavigableMap<String, FieldInfo> byName) {
            this(byName, new ConcurrentHashMap<>());
        }

        List<String> suggestions(String name) {
            if (suggested.size() > MAX_REMEMBERED) {
                suggested.clear();
            }
            return suggested.computeIfAbsent(name,
                    n -> Suggestions.closest(n, byName.keySet(), MAX_DISTANCE, MAX_SUGGESTIONS));
        }
    }
}

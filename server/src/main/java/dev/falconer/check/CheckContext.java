package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Releases;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.SourcedText;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every validator of one run shares: the workspace snapshot, the field catalog, the sink
 * that collects diagnostics, and a condition parse cache.
 */
final class CheckContext {
    private final WorkspaceSnapshot snapshot;
    private final FieldCatalog catalog;
    private final DiagnosticSink sink;
    private final Function<String, ParsedCondition> parser;
    private final Map<String, Optional<FalcoVersion>> engines = new HashMap<>();
    private final NearLists nearLists;
    private Set<String> listItems;
    private final CheckSettings settings;
    private final Function<CheckContext, MacroSources> sharedMacroSources;
    private MacroSources macroSources;

    CheckContext(WorkspaceSnapshot snapshot, FieldCatalog catalog, DiagnosticSink sink,
                 Function<String, ParsedCondition> parser, NearLists nearLists) {
        this(snapshot, catalog, sink, parser, nearLists, CheckSettings.defaults());
    }

    CheckContext(WorkspaceSnapshot snapshot, FieldCatalog catalog, DiagnosticSink sink,
                 Function<String, ParsedCondition> parser, NearLists nearLists, CheckSettings settings) {
        this(snapshot, catalog, sink, parser, nearLists, settings, null);
    }

    /** With {@code sharedMacroSources} reused by the runs on one snapshot and settings (see {@link Diagnoser}). */
    CheckContext(WorkspaceSnapshot snapshot, FieldCatalog catalog, DiagnosticSink sink,
                 Function<String, ParsedCondition> parser, NearLists nearLists, CheckSettings settings,
                 Function<CheckContext, MacroSources> sharedMacroSources) {
        this.sharedMacroSources = sharedMacroSources;
        this.settings = settings;
        this.nearLists = nearLists;
        this.snapshot = snapshot;
        this.catalog = catalog;
        this.sink = sink;
        this.parser = parser;
    }

    WorkspaceSnapshot snapshot() {
        return snapshot;
    }

    FieldCatalog catalog() {
        return catalog;
    }

    DiagnosticSink sink() {
        return sink;
    }

    ParsedCondition parse(String text) {
        return parser.apply(text);
    }

    /** The defined list {@code word} nearly names, when it names none. */
    Optional<String> nearestList(String word) {
        return nearLists.nearest(word);
    }

    /**
     * True when rules of {@code source} get their fields checked: the catalog knows the source and
     * Falco is configured for it (a rule of another source is skipped by Falco, so by us).
     */
    boolean checksSource(String source) {
        return catalog.isKnownSource(source) && settings.isConfiguredSource(source);
    }

    /** For each macro, the sources of the rules using it (a workspace-wide fact, computed once per snapshot). */
    MacroSources macroSources() {
        if (macroSources == null) {
            macroSources = sharedMacroSources != null ? sharedMacroSources.apply(this)
                    : MacroSources.of(snapshot, this::checksSource);
        }
        return macroSources;
    }

    CheckSettings settings() {
        return settings;
    }

    /** True when {@code word} is an item of some defined list (after appends). */
    boolean isListItem(String word) {
        if (listItems == null) {
            Set<String> items = new HashSet<>();
            snapshot.merged().lists().values().forEach(l -> l.items().forEach(i -> items.add(i.text())));
            listItems = items;
        }
        return listItems.contains(word);
    }

    /** Documents of the load order the run reports on. */
    List<RulesDocument> wantedDocuments() {
        return snapshot.documents().stream().filter(d -> sink.wants(d.uri())).toList();
    }

    /** True when any character of {@code text} comes from a file the run reports on. */
    boolean touchesWanted(SourcedText text) {
        if (text == null) {
            return false;
        }
        return text.origins().stream().anyMatch(o -> sink.wants(o.uri()));
    }

    /** The document range behind {@code [start, end)} of an assembled text, or {@code null} if only added text. */
    static Location locate(SourcedText text, int start, int end) {
        return text.locateFirst(start, end);
    }

    /**
     * The highest {@code required_engine_version} a file declares (Falco keeps the maximum), or
     * empty when it declares none or none that parses.
     */
    Optional<FalcoVersion> engineOf(String uri) {
        return engines.computeIfAbsent(uri, u -> {
            RulesDocument doc = snapshot.document(u);
            FalcoVersion best = null;
            if (doc != null) {
                for (EngineVersionItem item : doc.itemsOf(EngineVersionItem.class)) {
                    Optional<FalcoVersion> v = EngineVersions.parse(item.version() == null ? null : item.version().text());
                    if (v.isPresent() && (best == null || v.get().compareTo(best) > 0)) {
                        best = v.get();
                    }
                }
            }
            return Optional.ofNullable(best);
        });
    }

    /** The oldest Falco a file's required_engine_version admits, or empty when it requires nothing. */
    Optional<FalcoVersion> oldestFalcoFor(String uri) {
        return engineOf(uri).flatMap(Releases::falcoForEngine);
    }
}

package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workspace-wide facts of one snapshot under one set of settings, shared by the runs for each of
 * its files (after an edit every affected file is checked against the same snapshot) and
 * computed on first use, item by item, so a run pays for what it asks, not for the workspace.
 */
final class SnapshotFacts {
    private final WorkspaceSnapshot snapshot;
    private final CheckSettings settings;
    private final Map<String, RulesDocument> documents = new HashMap<>();
    private volatile Set<String> listItems;
    private final NearNames nearLists;
    private final MacroSources macroSources;

    /** @param previous the facts of the previous snapshot, whose near-miss answers stay valid while the list names do */
    SnapshotFacts(WorkspaceSnapshot snapshot, CheckSettings settings, SnapshotFacts previous) {
        this.snapshot = snapshot;
        this.settings = settings;
        this.macroSources = new MacroSources(snapshot);
        for (RulesDocument d : snapshot.documents()) {
            documents.putIfAbsent(d.uri(), d);
        }
        Set<String> lists = snapshot.merged().lists().keySet();
        // steps of the lineage keep the list names: no need to compare them
        nearLists = previous != null && (snapshot.lineage().descendsFrom(previous.snapshot.lineage().id(), false)
                || previous.nearLists.isFor(lists)) ? previous.nearLists : new NearNames(lists);
        nearMacros = previous == null ? null : previous.nearMacros;
    }

    /** Answers already given for this snapshot: each question is computed once, whatever the number of units asking. */
    private final Map<WorkspaceRead, Object> answers = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    /** The answer of the snapshot to {@code q} (see {@link CheckContext#compute}). */
    Object answer(WorkspaceRead q, CheckContext ctx) {
        Object a = answers.get(q);
        if (a == null) {
            Object computed = ctx.compute(q);
            a = computed == null ? NONE : computed;
            answers.putIfAbsent(q, a);
        }
        return a == NONE ? null : a;
    }

    /** Chunks of this snapshot already found to read as a cached text: the chunk, and that text (see {@link CheckUnits}). */
    private final Map<Object, String> verifiedChunks = new ConcurrentHashMap<>();

    Map<Object, String> verifiedChunks() {
        return verifiedChunks;
    }

    NearNames nearLists() {
        return nearLists;
    }

    /** True when these are the facts of {@code s}, whatever the settings. */
    boolean isOf(WorkspaceSnapshot s) {
        return snapshot == s;
    }

    boolean isFor(WorkspaceSnapshot s, CheckSettings with) {
        return snapshot == s && settings.equals(with);
    }

    /** The document of {@code uri} in the snapshot (the first one, as {@link WorkspaceSnapshot#document}), or {@code null}. */
    RulesDocument document(String uri) {
        return uri == null ? null : documents.get(uri);
    }

    /**
     * The highest {@code required_engine_version} a file declares (Falco keeps the maximum), or
     * empty when it declares none or none that parses. Asked through {@link #answer}, which keeps it.
     */
    Optional<FalcoVersion> engineOf(String uri) {
        RulesDocument doc = document(uri);
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
    }

    /** "Did you mean" among the macros: the previous snapshot's until an unknown macro is first asked about here. */
    private volatile NearNames nearMacros;
    private volatile boolean nearMacrosChecked;

    /** "Did you mean" among the macros, kept from the previous snapshot while the macro names stay the same (runs racing here may each check, harmlessly). */
    NearNames nearMacros() {
        if (nearMacrosChecked) {
            return nearMacros; // written before the flag
        }
        NearNames near = nearMacros;
        Set<String> names = snapshot.merged().macros().keySet();
        if (near == null || !near.isFor(names)) {
            near = new NearNames(names);
        }
        nearMacros = near;
        nearMacrosChecked = true;
        return near;
    }

    private volatile Boolean skipsRules;

    /** True when some rule is of a source that is not checked (Falco skips it): worked out once per snapshot. */
    boolean skipsRules(CheckContext ctx) {
        Boolean skips = skipsRules;
        if (skips == null) {
            skips = snapshot.merged().rules().values().stream().anyMatch(r -> !ctx.checksSource(r.source()));
            skipsRules = skips;
        }
        return skips;
    }

    /** The sources of the rules using {@code macro} (see {@link MacroSources}); asked through {@link #answer}. */
    List<String> macroSources(String macro, CheckContext ctx) {
        return macroSources.of(macro, ctx::checksSource);
    }

    /** True when {@code word} is an item of some defined list (after appends). */
    boolean isListItem(String word) {
        Set<String> items = listItems;
        if (items == null) {
            Set<String> all = new HashSet<>();
            snapshot.merged().lists().values().forEach(l -> l.items().forEach(i -> all.add(i.text())));
            items = all;
            listItems = items;
        }
        return items.contains(word);
    }
}

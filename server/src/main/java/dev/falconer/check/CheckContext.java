package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Releases;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.FalcoConditions;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.ScalarOrigin;
import dev.falconer.workspace.SourcedText;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What every validator of one run shares: the workspace snapshot, the field catalog, the sink
 * that collects diagnostics, a condition parse cache, the facts of the snapshot, the macros and
 * rules whose checks can report into the files asked for, and the cache of per-item results.
 *
 * <p>Questions about the workspace beyond the item being checked go through {@link #read} so
 * that a cached unit knows what it depended on (see {@link CheckUnits}).
 */
final class CheckContext {
    private final WorkspaceSnapshot snapshot;
    private final FieldCatalog catalog;
    private final DiagnosticSink sink;
    private final Function<String, ParsedCondition> parser;
    private final NearNames nearLists;
    private final CheckSettings settings;
    private final SnapshotFacts facts;
    private final Candidates candidates;
    /** {@code null}: every unit is checked directly into the sink, nothing is cached. */
    private final CheckUnits units;
    /** While a unit is computed for the cache: the questions it asked, with their answers. */
    private final Map<WorkspaceRead, Object> reads;
    /** Event type sets of macros kept across runs; {@code null} when this run caches nothing. */
    private final EventTypeSets.Kept eventTypeSets;
    /** True once the run's result is not wanted any more (a newer edit): asked before each unit. */
    private final BooleanSupplier cancelled;

    /** The macros and rules whose checks a run performs, in the collection's order. */
    record Candidates(List<EffectiveMacro> macros, List<EffectiveRule> rules) {
    }

    CheckContext(WorkspaceSnapshot snapshot, FieldCatalog catalog, DiagnosticSink sink,
                 Function<String, ParsedCondition> parser, NearNames nearLists, CheckSettings settings,
                 SnapshotFacts facts, Candidates candidates, CheckUnits units, EventTypeSets.Kept eventTypeSets,
                 BooleanSupplier cancelled) {
        this(snapshot, catalog, sink, parser, nearLists, settings, facts, candidates, units, null, eventTypeSets,
                cancelled);
    }

    private CheckContext(WorkspaceSnapshot snapshot, FieldCatalog catalog, DiagnosticSink sink,
                         Function<String, ParsedCondition> parser, NearNames nearLists, CheckSettings settings,
                         SnapshotFacts facts, Candidates candidates, CheckUnits units,
                         Map<WorkspaceRead, Object> reads, EventTypeSets.Kept eventTypeSets,
                         BooleanSupplier cancelled) {
        this.snapshot = snapshot;
        this.catalog = catalog;
        this.sink = sink;
        this.parser = parser;
        this.nearLists = nearLists;
        this.settings = settings;
        this.facts = facts;
        this.candidates = candidates;
        this.units = units;
        this.reads = reads;
        this.eventTypeSets = eventTypeSets;
        this.cancelled = cancelled;
    }

    /** The same run, reporting into {@code found} and recording its questions into {@code asked}. */
    CheckContext capturing(List<DiagnosticSink.Raw> found, Map<WorkspaceRead, Object> asked) {
        return new CheckContext(snapshot, catalog, sink.capturing(found), parser, nearLists, settings, facts,
                candidates, units, asked, eventTypeSets, cancelled);
    }

    WorkspaceSnapshot snapshot() {
        return snapshot;
    }

    FieldCatalog catalog() {
        return catalog;
    }

    /** The long lists' checks kept across runs, or {@code null} when nothing is kept (a one-off check). */
    LongListChecks longLists() {
        return units == null ? null : units.longLists();
    }

    DiagnosticSink sink() {
        return sink;
    }

    SnapshotFacts facts() {
        return facts;
    }

    Candidates candidates() {
        return candidates;
    }

    /** Event type sets of macros kept across runs, {@code null} when the run caches nothing. */
    EventTypeSets.Kept eventTypeSets() {
        return eventTypeSets;
    }

    ParsedCondition parse(String text) {
        return parser.apply(text);
    }

    CheckSettings settings() {
        return settings;
    }

    /**
     * Reports one unit's diagnostics: from the cache when its inputs did not change, else by
     * running {@code check} (directly when this run caches nothing).
     */
    void unit(CheckUnits.Kind kind, String name, List<Object> inputs, List<dev.falconer.workspace.Definition> contributions,
              java.util.Set<String> lists, SourcedText reach, java.util.function.Consumer<CheckContext> check) {
        stopIfCancelled();
        if (units == null) {
            check.accept(this);
        } else {
            units.report(this, kind, name, inputs, contributions, lists, reach, check);
        }
    }

    /**
     * True when the unit of macro or rule {@code name} was valid at an earlier snapshot and no
     * lineage step since then touched it: it is then reported (or not, by the files its texts come
     * from, {@code reach} of {@link #unit}) without its texts being worked out. False when the
     * caller must go on with {@link #unit}.
     */
    boolean replayed(CheckUnits.Kind kind, String name, List<dev.falconer.workspace.Definition> contributions) {
        return units != null && units.replayFollowing(this, kind, name, contributions);
    }

    /**
     * The unit of macro or rule {@code name}, not {@link #replayed}, is not reported by this run
     * (its texts reach none of the files asked for); arguments as for {@link #unit}. Lets the
     * cache know whether what it kept for the unit still holds (see {@link CheckUnits#unreported}).
     */
    void unreported(CheckUnits.Kind kind, String name, List<Object> inputs, List<dev.falconer.workspace.Definition> contributions,
                    java.util.Set<String> lists, SourcedText reach) {
        if (units != null) {
            units.unreported(this, kind, name, inputs, contributions, lists, reach);
        }
    }

    /** Like {@link #unit}, for checks that read the entry {@code item} of {@code doc} and nothing else. */
    void itemUnit(CheckUnits.Kind kind, RulesDocument doc, dev.falconer.rules.RulesItem item,
                  java.util.function.Consumer<CheckContext> check) {
        stopIfCancelled();
        if (units == null) {
            check.accept(this);
        } else {
            units.reportItem(this, kind, doc, item, check);
        }
    }

    /**
     * Throws when the run is not wanted any more; asked before each validator and each unit, so
     * none is kept half done.
     */
    void stopIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /** Asks {@code question} of this snapshot, remembering it when a unit is being computed. */
    @SuppressWarnings("unchecked")
    <T> T read(WorkspaceRead question) {
        Object answer = facts.answer(question, this);
        if (reads != null) {
            reads.putIfAbsent(question, answer);
        }
        return (T) answer;
    }

    /** The answer of this snapshot to {@code q} (asked once per snapshot, see {@link SnapshotFacts#answer}). */
    Object answer(WorkspaceRead q) {
        return facts.answer(q, this);
    }

    private java.util.Map<String, Integer> loadOrder;
    private Integer loadOrderKey;

    /**
     * What the later-file check of a rule depends on beside its own reads: 0 when the order is a
     * guess (the check is off), else a digest of the documents' order.
     */
    Integer loadOrderKey() {
        if (loadOrderKey == null) {
            int key = 0;
            if (settings.loadOrderKnown()) {
                for (var d : snapshot.documents()) {
                    key = 31 * key + d.uri().hashCode();
                }
                key |= 1;
            }
            loadOrderKey = key;
        }
        return loadOrderKey;
    }

    /** The place of document {@code uri} in the load order (Falco compiles the rules after each file). */
    int loadOrder(String uri) {
        if (loadOrder == null) {
            java.util.Map<String, Integer> order = new java.util.HashMap<>();
            for (var d : snapshot.documents()) {
                order.putIfAbsent(d.uri(), order.size());
            }
            loadOrder = order;
        }
        return loadOrder.getOrDefault(uri, Integer.MAX_VALUE);
    }

    /** Computes the answer of this snapshot to {@code q}: plain values, comparable across snapshots. */
    Object compute(WorkspaceRead q) {
        return switch (q.kind()) {
            case ENGINE -> facts.engineOf(q.name());
            case MACRO_REF -> MacroRefs.answer(snapshot.merged().macros(), facts::nearMacros, q.name(), q.from());
            case LIST_ARITY -> snapshot.merged().lists().containsKey(q.name())
                    ? snapshot.falco().compiledItems(q.name()).size() : -1;
            // the same instance while the list names stay the same (see SnapshotFacts)
            case LIST_NAMES -> nearLists;
            case NEAR_MISS_LIST -> {
                // a word some list holds is a plausible literal (a process named like a list), not a typo
                Optional<String> near = nearLists.nearest(q.name());
                yield near.isPresent() && !facts.isListItem(q.name()) ? near : Optional.<String>empty();
            }
            case MACRO_SOURCES -> facts.macroSources(q.name(), this);
            case MACRO_TEXT -> {
                FalcoConditions.Substituted s = snapshot.falco().macroCondition(q.name());
                yield s == null ? null : s.text().text();
            }
        };
    }

    /** The defined list {@code word} nearly names while no list holds it as an item, if any. */
    Optional<String> nearMissList(String word) {
        if (nearLists.nearest(word).isEmpty()) {
            // most words are near no list: that holds while the list names do, one question for them all
            read(WorkspaceRead.of(WorkspaceRead.Kind.LIST_NAMES, null));
            return Optional.empty();
        }
        return read(WorkspaceRead.of(WorkspaceRead.Kind.NEAR_MISS_LIST, word));
    }

    /**
     * True when rules of {@code source} get their fields checked: the catalog knows the source and
     * Falco is configured for it (a rule of another source is skipped by Falco, so by us).
     */
    boolean checksSource(String source) {
        return catalog.isKnownSource(source) && settings.isConfiguredSource(source);
    }

    /** The sources of the rules using {@code macro}, directly or not, in rule order. */
    List<String> macroSourcesOf(String macro) {
        return read(WorkspaceRead.of(WorkspaceRead.Kind.MACRO_SOURCES, macro));
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
        for (var o : text.origins()) {
            if (sink.wants(o.uri())) {
                return true;
            }
        }
        return false;
    }

    /** The document range behind {@code [start, end)} of an assembled text, or {@code null} if only added text. */
    static Location locate(SourcedText text, int start, int end) {
        return text.locateFirst(start, end);
    }

    /** {@code [start, end)} of an assembled text, placed in its document when first asked (see {@link Place}). */
    static Place place(SourcedText text, int start, int end) {
        return new Place(text, start, end);
    }

    /**
     * A range of an assembled text whose place in its document ({@link #locate}) is found only
     * when a problem is reported there: placing builds the text's source map, which was most of a
     * file's first check where nothing is wrong. Which file it is in is known without placing it.
     */
    static final class Place {
        private final SourcedText text;
        private final int start;
        private final int end;
        private Location located;

        private Place(SourcedText text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        /** Whether {@link #location} is not {@code null}. */
        boolean exists() {
            return text.locatable();
        }

        /** The file of {@link #location}: that of the range's first character taken from a scalar. */
        String uri() {
            for (int i = Math.max(0, start); i < Math.min(end, text.length()); i++) {
                ScalarOrigin o = text.originAt(i);
                if (o != null) {
                    return o.uri();
                }
            }
            Location l = location(); // only added text in the range: the nearest character's file
            return l == null ? null : l.uri();
        }

        Location location() {
            if (located == null) {
                located = locate(text, start, end);
            }
            return located;
        }
    }

    /**
     * The highest {@code required_engine_version} a file declares (Falco keeps the maximum), or
     * empty when it declares none or none that parses.
     */
    Optional<FalcoVersion> engineOf(String uri) {
        return read(WorkspaceRead.of(WorkspaceRead.Kind.ENGINE, uri));
    }

    /** The oldest Falco a file's required_engine_version admits, or empty when it requires nothing. */
    Optional<FalcoVersion> oldestFalcoFor(String uri) {
        return engineOf(uri).flatMap(Releases::falcoForEngine);
    }
}

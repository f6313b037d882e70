package dev.falconer.check;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.SnapshotLineage;
import dev.falconer.workspace.SourcedText;
import dev.falconer.workspace.SymbolKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The diagnostics one check found for one macro or rule, kept across snapshots and reused while
 * none of the unit's inputs changed: its own texts ({@code inputs}), the text of every chunk its
 * characters come from (its entries, the lists substituted into it), and the answers to every
 * question it asked about the rest of the workspace ({@link WorkspaceRead}). Chunks parse on
 * their own, so a chunk with the same text yields the same items at the same relative offsets:
 * found positions are stored relative to their chunk and re-based to where the chunk is now
 * (ranges come from the current document's line index when the sink resolves them).
 *
 * <p>A unit known valid at an earlier snapshot of the same lineage ({@link SnapshotLineage}) is
 * valid now without comparing anything when no step since then changed one of its chunks or
 * the answer to one of its questions: that is what makes a keystroke cost the units it touches.
 */
final class CheckUnits {
    private static final int MAX_UNITS = 200_000;

    enum Kind {
        MACRO_CONDITION, RULE_CONDITION, RULE_OUTPUT, RULE_EVTTYPES,
        /** Checks of one entry on its own (keys, values, requirements): keyed by file and entry index. */
        ITEM_KEYS, ITEM_REQUIREMENTS
    }

    /** A macro or rule by name ({@code index} -1), or the entry {@code index} of file {@code name}. */
    private record Key(Kind kind, String name, int index) {
        /*
         * Written out: a record's generated equals and hashCode go through method handles, slow in
         * the server's C1-compiled code, and every keystroke looks up every unit of the file.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && k.index == index && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return (kind.hashCode() * 31 + Objects.hashCode(name)) * 31 + index;
        }
    }

    /** Where a unit's characters live: one chunk of one file (that of its entry {@code item}), with the text it had. */
    private record Anchor(String uri, int item, int start, String text) {
    }

    /** A position: {@code offset} into anchor {@code anchor}, or absolute when {@code anchor} is -1. */
    private record Pos(int anchor, int offset) {
    }

    private record FoundRelated(String uri, Pos start, Pos end, String key, List<String> args) {
    }

    private record Found(DiagnosticCode code, Severity severity, FalcoCode falcoCode, String uri, Pos start, Pos end,
                         String key, List<String> args, List<FoundRelated> related, List<String> suggestions) {
    }

    /**
     * One unit's result. {@code reusable} is false when some position lies outside the unit's
     * chunks (it cannot be re-based); {@code followsLineage} false when an answer it read holds a
     * position, which lineage steps do not describe (it is then compared on every snapshot).
     */
    private static final class Unit {
        final List<Object> inputs;
        final List<Anchor> anchors;
        /**
         * The questions the unit asked and their answers, in the order asked: two arrays, not the
         * map they were captured in, as a 60-file workspace keeps 25,000 units (the maps and their
         * entries were 7 MB of its live heap).
         */
        final WorkspaceRead[] readKeys;
        final Object[] readAnswers;
        final List<Found> found;
        final boolean reusable;
        final boolean followsLineage;
        /** Macro and rule units: the lists substituted into their texts, and the files their texts come from. */
        final Set<String> lists;
        final Set<String> reach;
        /**
         * What a lineage step can change of the answers it read (see {@link #touches}): the macros
         * whose text it read, and whether it asked who uses a macro. Worked out once here, as every
         * keystroke asks it of every unit of the file.
         */
        final Set<String> macroTexts;
        final boolean readsUsers;
        /** The anchors' files, each once, and the entries anchored in each (for {@link #touches}). */
        final String[] anchorUris;
        final int[][] anchorItems;
        /** The lineage id of the last snapshot the unit was found valid at. */
        volatile long validAt;

        Unit(List<Object> inputs, List<Anchor> anchors, WorkspaceRead[] readKeys, Object[] readAnswers, List<Found> found,
             boolean reusable, long validAt, Set<String> lists, Set<String> reach) {
            this.lists = lists;
            this.reach = reach;
            this.inputs = inputs;
            this.anchors = anchors;
            this.readKeys = readKeys;
            this.readAnswers = readAnswers;
            this.found = found;
            this.reusable = reusable;
            boolean follows = true;
            for (Object answer : readAnswers) {
                follows &= !(answer instanceof MacroRefs.Answer a && a.hiddenAt() != null);
            }
            this.followsLineage = follows;
            Set<String> texts = new java.util.HashSet<>();
            boolean users = false;
            for (WorkspaceRead r : readKeys) {
                switch (dependence(r.kind())) {
                    case MACRO_TEXT -> texts.add(r.name());
                    case USERS -> users = true;
                    case NONE -> { }
                }
            }
            this.macroTexts = texts.isEmpty() ? Set.of() : texts;
            this.readsUsers = users;
            Map<String, List<Integer>> byUri = new LinkedHashMap<>();
            for (Anchor a : anchors) {
                byUri.computeIfAbsent(a.uri(), u -> new ArrayList<>()).add(a.item());
            }
            this.anchorUris = byUri.keySet().toArray(new String[0]);
            this.anchorItems = new int[anchorUris.length][];
            for (int i = 0; i < anchorUris.length; i++) {
                // a loop, not a stream: a unit is made for every entry of a first check, and again
                // for every entry below a keystroke that moves them
                List<Integer> items = byUri.get(anchorUris[i]);
                anchorItems[i] = new int[items.size()];
                for (int j = 0; j < anchorItems[i].length; j++) {
                    anchorItems[i][j] = items.get(j);
                }
            }
            this.validAt = validAt;
        }

        /**
         * This unit found valid at snapshot {@code id} with its chunks at {@code places}: the
         * anchors follow their entries' indices, which the lineage names.
         */
        Unit at(List<Place> places, long id) {
            boolean moved = false;
            for (int i = 0; i < places.size(); i++) {
                moved |= places.get(i).item() != anchors.get(i).item();
            }
            if (!moved) {
                validAt = id;
                return this;
            }
            List<Anchor> now = new ArrayList<>(anchors.size());
            for (int i = 0; i < places.size(); i++) {
                Anchor a = anchors.get(i);
                now.add(new Anchor(a.uri(), places.get(i).item(), a.start(), a.text()));
            }
            return new Unit(inputs, List.copyOf(now), readKeys, readAnswers, found, reusable, id, lists, reach);
        }
    }

    /** What a lineage step can change of the answer to a question: a macro's text, who uses macros, or nothing. */
    private enum Dependence { MACRO_TEXT, USERS, NONE }

    /**
     * The other questions a unit asks (macro names and visibility, lists, engine versions) have the
     * same answers across steps (see {@link SnapshotLineage}).
     */
    private static Dependence dependence(WorkspaceRead.Kind kind) {
        return switch (kind) {
            case MACRO_SOURCES -> Dependence.USERS;
            case MACRO_TEXT -> Dependence.MACRO_TEXT;
            case ENGINE, MACRO_REF, LIST_ARITY, LIST_NAMES, NEAR_MISS_LIST -> Dependence.NONE;
        };
    }

    /** A chunk of the current snapshot, the chunk of entry {@code item} of document {@code uri}. */
    private record Place(String uri, int item, TextSpan chunk, String docText) {
        boolean holds(Anchor a) {
            return uri.equals(a.uri()) && chunk.length() == a.text().length()
                    && docText.regionMatches(chunk.start(), a.text(), 0, a.text().length());
        }

        /**
         * The document text by identity: a place is a key of the snapshot's verified chunks, and
         * hashing or comparing a whole new document text per keystroke cost more than the chunks.
         * Two texts equal but not the same only miss the memo (the chunk is compared again).
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Place p && p.item == item && p.docText == docText && p.chunk.equals(chunk)
                    && p.uri.equals(uri);
        }

        @Override
        public int hashCode() {
            return (uri.hashCode() * 31 + item) * 31 + chunk.hashCode() + System.identityHashCode(docText);
        }
    }

    /**
     * Units of macros and rules by kind then name: every keystroke looks up every candidate of
     * the file, without a key to build or compare. Units of entries by key.
     */
    private final Map<Kind, Map<String, Unit>> named = new java.util.EnumMap<>(Kind.class);
    private final Map<Key, Unit> items = new ConcurrentHashMap<>();
    /** Sized for the official rules' ~1,000 chunks, which a first check adds one by one. */
    private final Map<String, String> chunkTexts = new ConcurrentHashMap<>(2048);
    private volatile CheckSettings settings;
    private final java.util.concurrent.atomic.AtomicLong reused = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong computed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong followed = new java.util.concurrent.atomic.AtomicLong();
    /** Tests: every unit taken as valid through the lineage is compared as well, and must be valid. */
    private final boolean verifyLineage;
    private final LongListChecks longLists = new LongListChecks();

    CheckUnits() {
        this(false);
    }

    CheckUnits(boolean verifyLineage) {
        this.verifyLineage = verifyLineage;
        for (Kind k : Kind.values()) {
            named.put(k, new ConcurrentHashMap<>());
        }
    }

    /** What the value checks found in the long lists checked last, kept across runs as the units are. */
    LongListChecks longLists() {
        return longLists;
    }

    private Unit unit(Key key) {
        if (key.index() >= 0) {
            return items.get(key);
        }
        return key.name() == null ? null : named.get(key.kind()).get(key.name());
    }

    /**
     * Keeps a unit that {@code ctx}'s run found, when that run has the settings of the cache: two
     * runs go side by side (a large document's and a small one's), and one that began before the
     * settings changed must not put its findings back after {@link #useSettings} cleared them
     * (QA: a large file kept the warnings of a source setting already undone). Synchronized with
     * {@link #useSettings}, so no unit slips in between the comparison and the clearing.
     */
    private synchronized void keep(CheckContext ctx, Key key, Unit unit) {
        if (!ctx.settings().equals(settings)) {
            return;
        }
        if (key.index() >= 0) {
            items.put(key, unit);
        } else if (key.name() != null) {
            named.get(key.kind()).put(key.name(), unit);
        }
    }

    /** Forgets the unit of {@code key} when it is {@code unit} ({@code null}: whatever it is). */
    private void forget(Key key, Unit unit) {
        Map<?, Unit> map = key.index() >= 0 ? items : named.get(key.kind());
        Object k = key.index() >= 0 ? key : key.name();
        if (k == null) {
            return;
        }
        if (unit == null) {
            map.remove(k);
        } else {
            map.remove(k, unit);
        }
    }

    private int size() {
        int n = items.size();
        for (Map<String, Unit> m : named.values()) {
            n += m.size();
        }
        return n;
    }

    private void clear() {
        items.clear();
        named.values().forEach(Map::clear);
    }

    /**
     * How many unit results were reused, how many computed, and how many of the reused ones were
     * known valid through the lineage without comparing, so far (tests check that reuse happens).
     */
    long[] counts() {
        return new long[] {reused.get(), computed.get(), followed.get()};
    }

    /** Forgets everything when the settings change (they decide which sources are checked). */
    synchronized void useSettings(CheckSettings with) {
        if (!with.equals(settings)) {
            clear();
            chunkTexts.clear();
            settings = with;
        }
        if (size() > MAX_UNITS) {
            clear();
        }
    }

    /**
     * Reports the diagnostics of one unit into {@code ctx}'s sink: the cached ones re-based when
     * still valid, otherwise those {@code check} finds now (then cached).
     *
     * @param inputs        the unit's own texts and values (compared with {@code equals}), among
     *                      them every assembled text the check reads
     * @param contributions the entries that define the item
     * @param lists         the lists substituted into those texts: their entries, and those of the
     *                      lists their items name, are where the other characters come from
     */
    void report(CheckContext ctx, Kind kind, String name, List<Object> inputs, List<Definition> contributions,
                Set<String> lists, SourcedText reach, Consumer<CheckContext> check) {
        report(ctx, new Key(kind, name, -1), inputs, () -> places(ctx, contributions, lists), check, lists,
                uris(reach));
    }

    /**
     * Reports the unit of macro or rule {@code name} when it is valid through the lineage, before
     * its caller works out its texts: their characters come from the same files as when the unit
     * was last found valid, so whether it reports into the run's files is known without them.
     * False when the caller must report it with {@link #report}.
     */
    boolean replayFollowing(CheckContext ctx, Kind kind, String name, List<Definition> contributions) {
        Unit unit = name == null ? null : named.get(kind).get(name);
        SnapshotLineage lineage = ctx.snapshot().lineage();
        if (verifyLineage || unit == null || !unit.reusable || unit.reach == null || !followsFrom(unit, lineage)) {
            return false;
        }
        if (!unit.found.isEmpty() && wantsAny(ctx, unit.reach)) {
            List<Place> places = places(ctx, contributions, unit.lists);
            if (places == null || places.size() != unit.anchors.size()) {
                return false;
            }
            replay(ctx, unit, places);
        }
        unit.validAt = lineage.id();
        reused.incrementAndGet();
        followed.incrementAndGet();
        return true;
    }

    private static boolean wantsAny(CheckContext ctx, Set<String> uris) {
        for (String uri : uris) {
            if (ctx.sink().wants(uri)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the unit of {@code key} found nothing and is valid through the lineage: nothing
     * to report, and nothing to work out for it (its inputs and chunks are those it had).
     */
    private boolean followingEmpty(CheckContext ctx, Key key) {
        Unit unit = unit(key);
        SnapshotLineage lineage = ctx.snapshot().lineage();
        if (verifyLineage || unit == null || !unit.reusable || !unit.found.isEmpty() || !followsFrom(unit, lineage)) {
            return false;
        }
        unit.validAt = lineage.id();
        reused.incrementAndGet();
        followed.incrementAndGet();
        return true;
    }

    /** The files the characters of {@code text} come from. */
    private static Set<String> uris(SourcedText text) {
        Set<String> out = new java.util.HashSet<>(2);
        String last = null;
        for (var o : text.origins()) {
            if (o.uri() != last) { // the items of a long list share their file's URI
                last = o.uri();
                out.add(last);
            }
        }
        return Set.copyOf(out);
    }

    /**
     * Reports the diagnostics of checks that read one entry and nothing else of the workspace
     * (its chunk parses the same wherever it moves).
     */
    void reportItem(CheckContext ctx, Kind kind, RulesDocument doc, RulesItem item, Consumer<CheckContext> check) {
        Key key = new Key(kind, doc.uri(), item.index());
        if (followingEmpty(ctx, key)) {
            return;
        }
        TextSpan chunk = item.frame().chunk();
        report(ctx, key,
                List.of(item.span().start() - chunk.start(), item.getClass()), () -> {
                    List<Place> places = new ArrayList<>(1);
                    return add(places, doc, item.index(), chunk) ? places : null;
                }, check, null, null);
    }

    private void report(CheckContext ctx, Key key, List<Object> inputs, Supplier<List<Place>> placesNow,
                        Consumer<CheckContext> check, Set<String> lists, Set<String> reach) {
        Unit unit = unit(key);
        SnapshotLineage lineage = ctx.snapshot().lineage();
        if (unit != null && unit.reusable && followsFrom(unit, lineage)) {
            // the chunks are those of its last validation, unchanged: they are needed only to place what it found
            List<Place> places = unit.found.isEmpty() ? List.of() : placesNow.get();
            if (places != null && (unit.found.isEmpty() || places.size() == unit.anchors.size())) {
                if (verifyLineage && !stillValid(ctx, unit, inputs, placesNow.get())) {
                    throw new IllegalStateException("unit " + key + " taken as valid through the lineage is not: "
                            + why(ctx, unit, inputs, placesNow.get()));
                }
                unit.validAt = lineage.id();
                reused.incrementAndGet();
                followed.incrementAndGet();
                replay(ctx, unit, places);
                return;
            }
        }
        List<Place> places = placesNow.get();
        if (places == null || unit == null || !unit.reusable || !stillValid(ctx, unit, inputs, places)) {
            computed.incrementAndGet();
            unit = compute(ctx, inputs, places, check, lineage.id(), lists, reach);
            if (unit.reusable) {
                keep(ctx, key, unit);
            } else {
                forget(key, null);
            }
        } else {
            unit = revalidated(ctx, key, unit, places, lineage.id(), lists, reach);
            reused.incrementAndGet();
        }
        replay(ctx, unit, places);
    }

    /** The unit, found valid by comparison at snapshot {@code id} with its chunks at {@code places}, kept as such. */
    private Unit revalidated(CheckContext ctx, Key key, Unit unit, List<Place> places, long id, Set<String> lists,
                             Set<String> reach) {
        Unit now = unit.at(places, id);
        if (!Objects.equals(now.reach, reach)) {
            now = new Unit(now.inputs, now.anchors, now.readKeys, now.readAnswers, now.found, now.reusable, id, lists,
                    reach);
        }
        keep(ctx, key, now);
        return now;
    }

    /**
     * A macro or rule unit that the lineage could not vouch for ({@link #replayFollowing} said
     * false) and that this run does not report, its texts reaching none of the run's files. It is
     * compared once now: when it holds, later runs follow the lineage from here, instead of
     * walking back on every keystroke to the snapshot it last held at (as far as the lineage's
     * start, after which its texts were worked out again each time); when it does not, it is
     * dropped (a run for its own files computes it anew).
     */
    void unreported(CheckContext ctx, Kind kind, String name, List<Object> inputs, List<Definition> contributions,
                    Set<String> lists, SourcedText reach) {
        Key key = new Key(kind, name, -1);
        Unit unit = unit(key);
        long id = ctx.snapshot().lineage().id();
        if (unit == null || unit.validAt == id) {
            return;
        }
        List<Place> places = places(ctx, contributions, lists);
        if (places == null || !unit.reusable || !stillValid(ctx, unit, inputs, places)) {
            forget(key, unit);
            return;
        }
        revalidated(ctx, key, unit, places, id, lists, uris(reach));
    }

    /**
     * True when the unit, valid at an earlier snapshot of {@code now}'s lineage, is valid at
     * {@code now}: no step since then changed the chunk of one of its anchors, the text of a macro
     * it read, or (when it asked for them) the users of macros. The other questions a unit asks
     * (macro names and visibility, lists, engine versions) have the same answers across steps.
     */
    private boolean followsFrom(Unit unit, SnapshotLineage now) {
        if (!unit.followsLineage) {
            return false;
        }
        long since = unit.validAt;
        for (SnapshotLineage step = now; step.id() != since; step = step.parent()) {
            if (step.parent() == null || step.id() < since || touches(step, unit)) {
                return false;
            }
        }
        return true;
    }

    private boolean touches(SnapshotLineage step, Unit unit) {
        String uri = step.uri();
        if (uri != null) {
            for (int u = 0; u < unit.anchorUris.length; u++) {
                if (uri.equals(unit.anchorUris[u])) {
                    int[] changed = changedItems(step);
                    for (int item : unit.anchorItems[u]) {
                        for (int c : changed) {
                            if (c == item) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        if (unit.readsUsers && step.usersChanged()) {
            return true;
        }
        if (!unit.macroTexts.isEmpty()) {
            for (SymbolKey k : step.changedNames()) {
                if (k.kind() == ItemKind.MACRO && unit.macroTexts.contains(k.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A step's changed entries as ints, kept for the last step asked (every unit of the edited file asks). */
    private record StepItems(SnapshotLineage step, int[] items) {
    }

    private volatile StepItems stepItems;

    private int[] changedItems(SnapshotLineage step) {
        StepItems known = stepItems;
        if (known == null || known.step() != step) {
            int[] items = step.changedItems().stream().mapToInt(Integer::intValue).toArray();
            known = new StepItems(step, items);
            stepItems = known;
        }
        return known.items();
    }

    /** What differs for a unit taken as valid through the lineage (for the verifying mode of tests). */
    private static String why(CheckContext ctx, Unit unit, List<Object> inputs, List<Place> places) {
        if (places == null || places.size() != unit.anchors.size()) {
            return "its chunks are others";
        }
        if (!unit.inputs.equals(inputs)) {
            return "inputs " + unit.inputs + " are now " + inputs;
        }
        for (int i = 0; i < places.size(); i++) {
            if (!places.get(i).holds(unit.anchors.get(i))) {
                return "chunk of entry " + places.get(i).item() + " of " + places.get(i).uri() + " differs";
            }
        }
        WorkspaceRead changed = changedRead(ctx, unit);
        return changed != null ? "the answer to " + changed + " differs" : "nothing";
    }

    private static boolean stillValid(CheckContext ctx, Unit unit, List<Object> inputs, List<Place> places) {
        if (places == null || !unit.inputs.equals(inputs) || unit.anchors.size() != places.size()) {
            return false;
        }
        for (int i = 0; i < places.size(); i++) {
            if (!holds(ctx, places.get(i), unit.anchors.get(i))) {
                return false;
            }
        }
        return changedRead(ctx, unit) == null;
    }

    /** The first question the unit asked whose answer is now another, or {@code null}. */
    private static WorkspaceRead changedRead(CheckContext ctx, Unit unit) {
        for (int i = 0; i < unit.readKeys.length; i++) {
            if (!Objects.equals(ctx.answer(unit.readKeys[i]), unit.readAnswers[i])) {
                return unit.readKeys[i];
            }
        }
        return null;
    }

    /**
     * True when the chunk now reads as the anchor's text. Anchor texts are shared by every unit of
     * the chunk (see {@link #intern}), so a chunk is compared once per snapshot, not once per unit.
     */
    private static boolean holds(CheckContext ctx, Place place, Anchor anchor) {
        Map<Object, String> verified = ctx.facts().verifiedChunks();
        if (verified.get(place) == anchor.text()) {
            return true;
        }
        if (!place.holds(anchor)) {
            return false;
        }
        verified.put(place, anchor.text());
        return true;
    }

    /** One string per chunk text, so that units of the same chunk share it. */
    private String intern(String text) {
        if (chunkTexts.size() > MAX_UNITS) {
            chunkTexts.clear();
        }
        String known = chunkTexts.putIfAbsent(text, text);
        return known != null ? known : text;
    }

    private Unit compute(CheckContext ctx, List<Object> inputs, List<Place> places, Consumer<CheckContext> check,
                         long validAt, Set<String> lists, Set<String> reach) {
        List<DiagnosticSink.Raw> raws = new ArrayList<>();
        Map<WorkspaceRead, Object> reads = new LinkedHashMap<>();
        check.accept(ctx.capturing(raws, reads));
        List<Anchor> anchors = new ArrayList<>();
        if (places != null) {
            for (Place p : places) {
                anchors.add(new Anchor(p.uri(), p.item(), p.chunk().start(), intern(p.chunk().textOf(p.docText()))));
            }
        }
        boolean[] reusable = {places != null};
        List<Found> found = new ArrayList<>(raws.size());
        for (DiagnosticSink.Raw r : raws) {
            List<FoundRelated> related = new ArrayList<>(r.related().size());
            for (Diagnostic.Related rel : r.related()) {
                related.add(new FoundRelated(rel.uri(), pos(anchors, rel.uri(), rel.span().start(), reusable),
                        pos(anchors, rel.uri(), rel.span().end(), reusable), rel.key(), rel.args()));
            }
            found.add(new Found(r.code(), r.severity(), r.falcoCode(), r.uri(),
                    pos(anchors, r.uri(), r.span().start(), reusable), pos(anchors, r.uri(), r.span().end(), reusable),
                    r.key(), r.args(), related, r.suggestions()));
        }
        return new Unit(java.util.Collections.unmodifiableList(new ArrayList<>(inputs)), List.copyOf(anchors),
                reads.keySet().toArray(new WorkspaceRead[0]), reads.values().toArray(), List.copyOf(found), reusable[0],
                validAt, lists == null ? null : Set.copyOf(lists), reach);
    }

    private static Pos pos(List<Anchor> anchors, String uri, int offset, boolean[] reusable) {
        for (int i = 0; i < anchors.size(); i++) {
            Anchor a = anchors.get(i);
            if (a.uri().equals(uri) && offset >= a.start() && offset <= a.start() + a.text().length()) {
                return new Pos(i, offset - a.start());
            }
        }
        reusable[0] = false;
        return new Pos(-1, offset);
    }

    private static void replay(CheckContext ctx, Unit unit, List<Place> places) {
        if (unit.found.isEmpty()) {
            return;
        }
        DiagnosticSink sink = ctx.sink();
        for (Found f : unit.found) {
            if (!sink.wants(f.uri())) {
                continue;
            }
            List<Diagnostic.Related> related = new ArrayList<>(f.related().size());
            for (FoundRelated r : f.related()) {
                Diagnostic.Related resolved = sink.related(new Location(r.uri(), span(places, r.start(), r.end())),
                        r.key(), r.args().toArray());
                if (resolved != null) {
                    related.add(resolved);
                }
            }
            sink.add(f.code(), f.severity(), f.falcoCode(), f.uri(), span(places, f.start(), f.end()), f.key(),
                    f.args(), related, f.suggestions());
        }
    }

    private static TextSpan span(List<Place> places, Pos start, Pos end) {
        return TextSpan.of(at(places, start), at(places, end));
    }

    private static int at(List<Place> places, Pos p) {
        return p.anchor() < 0 ? p.offset() : places.get(p.anchor()).chunk().start() + p.offset();
    }

    /**
     * The chunks of the unit's entries and of the entries of the lists substituted into its texts
     * (and of the lists their items name), in a fixed order; {@code null} when one cannot be
     * found (the unit is then not cached). With the texts themselves among the inputs, these
     * chunks decide where every character of the texts comes from.
     */
    private static List<Place> places(CheckContext ctx, List<Definition> contributions, Set<String> lists) {
        List<Place> out = new ArrayList<>();
        if (!addAll(ctx, out, contributions)) {
            return null;
        }
        if (lists.isEmpty()) {
            return out;
        }
        var merged = ctx.snapshot().merged().lists();
        for (String name : new TreeSet<>(lists)) {
            var list = merged.get(name);
            if (list == null || !addAll(ctx, out, list.contributions())) {
                return null;
            }
            Set<String> nested = new TreeSet<>();
            for (SymbolKey k : ctx.snapshot().dependencies().uses(SymbolKey.list(name))) {
                if (k.kind() == ItemKind.LIST) {
                    nested.add(k.name());
                }
            }
            for (String n : nested) {
                var inner = merged.get(n);
                if (inner != null && !addAll(ctx, out, inner.contributions())) {
                    return null;
                }
            }
        }
        return out;
    }

    private static boolean addAll(CheckContext ctx, List<Place> out, List<Definition> contributions) {
        for (Definition d : contributions) {
            RulesDocument doc = ctx.facts().document(d.uri());
            if (doc == null || !add(out, doc, d.item().index(), d.item().frame().chunk())) {
                return false;
            }
        }
        return true;
    }

    private static boolean add(List<Place> out, RulesDocument doc, int item, TextSpan chunk) {
        if (chunk == null || chunk.end() > doc.text().length()) {
            return false;
        }
        for (Place p : out) {
            if (p.uri().equals(doc.uri()) && p.chunk().equals(chunk)) {
                return true;
            }
        }
        out.add(new Place(doc.uri(), item, chunk, doc.text()));
        return true;
    }
}

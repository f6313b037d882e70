package dev.falconer.check;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checks of Falconer: given a workspace snapshot (files in Falco's load order, merged), the
 * diagnostics of one file or of all of them. Pure and thread-safe: the same snapshot and settings
 * always give the same diagnostics; bad input yields diagnostics, never an exception. The results
 * of each macro, rule and entry are kept across runs ({@link CheckUnits}), so re-checking after an
 * edit only checks, and parses, what changed.
 */
public final class Diagnoser {
    private static final List<Validator> VALIDATORS = List.of(
            new DocumentShapeValidator(),
            new KeyValidator(),
            new RequirementsValidator(),
            new MergeProblemValidator(),
            new ExceptionValidator(),
            new ConditionValidator(),
            new OutputValidator(),
            new EventTypeValidator());

    private final FieldCatalog catalog;
    /** Per-item results kept across snapshots; {@code null} for a diagnoser that recomputes everything. */
    private final CheckUnits units;
    /** The candidates of the files asked for, kept across snapshots (with {@code units}). */
    private final Candidates candidateNames = new Candidates();
    /** Macros' event type sets kept across snapshots (with {@code units}). */
    private final EventTypeSets.Kept eventTypeSets = new EventTypeSets.Kept();
    private volatile SnapshotFacts facts;

    public Diagnoser(FieldCatalog catalog) {
        this(catalog, new CheckUnits());
    }

    private Diagnoser(FieldCatalog catalog, CheckUnits units) {
        this.catalog = catalog;
        this.units = units;
    }

    /**
     * A diagnoser that keeps no per-item results and visits every macro and rule of the
     * workspace: the reference the caching one must agree with (tests).
     */
    static Diagnoser uncached(FieldCatalog catalog) {
        return new Diagnoser(catalog, (CheckUnits) null);
    }

    /**
     * A caching diagnoser that also compares every unit it takes as valid through the snapshots'
     * lineage, and throws when one is not (tests).
     */
    static Diagnoser verifyingLineage(FieldCatalog catalog) {
        return new Diagnoser(catalog, new CheckUnits(true));
    }

    /** Long lists whose value checks were taken from an earlier run (tests). */
    long longListHits() {
        return units == null ? 0 : units.longLists().hits();
    }

    /**
     * Unit results reused, computed, and reused through the lineage without comparing so far,
     * for tests; zeros when uncached.
     */
    long[] unitCounts() {
        return units == null ? new long[3] : units.counts();
    }

    public FieldCatalog catalog() {
        return catalog;
    }

    /** The diagnostics located in the file {@code uri}, in position order. */
    public List<Diagnostic> diagnose(WorkspaceSnapshot snapshot, String uri, CheckSettings settings) {
        return run(snapshot, Set.of(uri), settings, NEVER);
    }

    /**
     * As {@link #diagnose(WorkspaceSnapshot, String, CheckSettings)}, stopping with a
     * {@link CancellationException} between two units once {@code cancelled} is true: a run over
     * a 10 MB file took seconds, and a newer edit had to wait for it to end.
     */
    public List<Diagnostic> diagnose(WorkspaceSnapshot snapshot, String uri, CheckSettings settings,
                                     BooleanSupplier cancelled) {
        return run(snapshot, Set.of(uri), settings, cancelled);
    }

    private static final BooleanSupplier NEVER = () -> false;

    /** The diagnostics located in any of {@code uris} (e.g. the files an edit can affect). */
    public List<Diagnostic> diagnose(WorkspaceSnapshot snapshot, Set<String> uris, CheckSettings settings) {
        return run(snapshot, Set.copyOf(uris), settings, NEVER);
    }

    /**
     * Every file of the snapshot, in load order, with its diagnostics (empty lists included). The
     * files are checked side by side, as {@link #diagnose(WorkspaceSnapshot, String, CheckSettings)}
     * would one by one: what several share (a macro, a list) is checked by the first run that
     * needs it and reused by the others, so only the per-file work is spread over the cores.
     */
    public Map<String, List<Diagnostic>> diagnoseAll(WorkspaceSnapshot snapshot, CheckSettings settings) {
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        snapshot.documents().forEach(d -> out.put(d.uri(), new ArrayList<>()));
        if (units == null || out.size() < 2) {
            // without kept units a run per file would check every item again: one run visits all
            for (Diagnostic d : run(snapshot, null, settings, NEVER)) {
                out.computeIfAbsent(d.uri(), k -> new ArrayList<>()).add(d);
            }
            return out;
        }
        factsFor(snapshot, settings); // once, before the runs share them
        List<String> uris = List.copyOf(out.keySet());
        List<List<Diagnostic>> found = uris.parallelStream().map(u -> run(snapshot, Set.of(u), settings, NEVER)).toList();
        for (int i = 0; i < uris.size(); i++) {
            out.get(uris.get(i)).addAll(found.get(i));
        }
        return out;
    }

    /**
     * The parses of one run: several checks read the same texts. Kept for the run only, with
     * nothing added to the snapshot's cache: the texts a check assembles (one or more per macro and
     * rule) are checked again only when an edit changes them, which makes new texts; kept across
     * runs they held 4 MB of the 60-file workspace's live heap after its first check (84 → 80 MB).
     */
    private static Function<String, ParsedCondition> parsedFor(WorkspaceSnapshot snapshot) {
        Map<String, ParsedCondition> run = new HashMap<>();
        return text -> {
            ParsedCondition p = run.get(text);
            if (p == null) {
                p = snapshot.parseOnce(text);
                run.put(text, p);
            }
            return p;
        };
    }

    /** @param uris the files to report on, {@code null} for all */
    private List<Diagnostic> run(WorkspaceSnapshot snapshot, Set<String> uris, CheckSettings settings,
                                 BooleanSupplier cancelled) {
        SnapshotFacts f = factsFor(snapshot, settings);
        Predicate<String> wanted = uris == null ? u -> true : wanted(uris, f);
        DiagnosticSink sink = new DiagnosticSink(f::document, wanted, null);
        if (units != null) {
            units.useSettings(settings);
        }
        CheckContext.Candidates candidates = units == null || uris == null ? everything(snapshot)
                : candidateNames.reportingInto(snapshot, f, uris);
        CheckContext ctx = new CheckContext(snapshot, catalog, sink,
                parsedFor(snapshot), f.nearLists(), settings, f, candidates, units,
                units == null ? null : eventTypeSets, cancelled);
        for (Validator v : VALIDATORS) {
            ctx.stopIfCancelled();
            try {
                v.validate(ctx);
            } catch (CancellationException e) {
                throw e; // not a failing check: the run is not wanted any more
            } catch (RuntimeException e) {
                // one failing check must not hide the others; this is a bug of ours, logged for the record
                System.err.println("falconer: check " + v.getClass().getSimpleName() + " failed: " + e);
            }
        }
        sink.dropShadowed(DiagnosticCode.UNKNOWN_FIELD, DiagnosticCode.EXCEPTION_FIELD);
        // a bad comp also breaks the condition Falco builds from the exception: one defect, one diagnostic
        sink.dropShadowed(DiagnosticCode.CONDITION_SYNTAX, DiagnosticCode.EXCEPTION_OPERATOR);
        sink.dropInBrokenExceptions(DiagnosticCode.CONDITION_SYNTAX, java.util.EnumSet.of(DiagnosticCode.EXCEPTION_OPERATOR,
                DiagnosticCode.EXCEPTION_LENGTH, DiagnosticCode.EXCEPTION_SHAPE));
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : sink.result()) {
            Optional<Severity> s = settings.severityFor(d);
            s.ifPresent(severity -> out.add(severity == d.severity() ? d : d.withSeverity(severity)));
        }
        return out;
    }

    /**
     * Lets go of the facts kept for a snapshot other than {@code latest}: they hold that whole
     * snapshot, a closed 10 MB document with it, until the next run (QA: ~200 MB after closing
     * such a file, until another was edited). The next run makes its facts afresh.
     */
    public void release(WorkspaceSnapshot latest) {
        SnapshotFacts f = facts;
        if (f != null && !f.isOf(latest) && facts == f) {
            facts = null; // a race with a run on a newer snapshot only costs that run its head start
        }
    }

    /** The facts of {@code snapshot}, made from those kept for an earlier one when it is not theirs. */
    private SnapshotFacts factsFor(WorkspaceSnapshot snapshot, CheckSettings settings) {
        SnapshotFacts f = facts;
        if (f == null || !f.isFor(snapshot, settings)) {
            f = new SnapshotFacts(snapshot, settings, f);
            facts = f;
        }
        return f;
    }

    /**
     * Membership in {@code uris}; one file is compared with the snapshot's own string for it, which
     * the texts' origins share, so most comparisons are by reference.
     */
    private static Predicate<String> wanted(Set<String> uris, SnapshotFacts facts) {
        if (uris.size() != 1) {
            return uris::contains;
        }
        String uri = uris.iterator().next();
        var doc = facts.document(uri);
        String same = doc == null ? uri : doc.uri();
        return same::equals;
    }

    private static CheckContext.Candidates everything(WorkspaceSnapshot snapshot) {
        return new CheckContext.Candidates(List.copyOf(snapshot.merged().macros().values()),
                List.copyOf(snapshot.merged().rules().values()));
    }
}

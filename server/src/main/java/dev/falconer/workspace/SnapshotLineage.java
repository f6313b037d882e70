package dev.falconer.workspace;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a snapshot comes from, so that results kept from an earlier snapshot can be known to
 * hold without comparing them again. Every snapshot has an id (unique in the process). A
 * snapshot made from the previous one of the same workspace by a <em>step</em> also has a
 * parent and says what the step touched; a step is one document's change that kept every name,
 * role and list of the merge and the number of entries of the document, and changed only the
 * chunk texts of macro and rule entries. Entries keep their indices across such steps, so an
 * entry whose index is not among {@link #changedItems} has the same chunk text (and items) as
 * before. Anything else starts a new lineage (no parent). Chains are cut after
 * {@value #MAX_DEPTH} steps so that they stay small.
 */
public final class SnapshotLineage {
    private static final AtomicLong IDS = new AtomicLong();
    private static final int MAX_DEPTH = 64;

    private final long id;
    private final SnapshotLineage parent;
    private final int depth;
    private final String uri;
    private final Set<Integer> changedItems;
    private final Set<SymbolKey> changedNames;
    private final boolean usersChanged;

    private SnapshotLineage(SnapshotLineage parent, String uri, Set<Integer> changedItems, Set<SymbolKey> changedNames,
                            boolean usersChanged) {
        this.id = IDS.incrementAndGet();
        this.parent = parent != null && parent.depth < MAX_DEPTH ? parent : null;
        this.depth = this.parent == null ? 0 : this.parent.depth + 1;
        this.uri = uri;
        this.changedItems = changedItems;
        this.changedNames = changedNames;
        this.usersChanged = usersChanged;
    }

    /** A snapshot analysed from scratch, or after a change that is not a step. */
    static SnapshotLineage fresh() {
        return new SnapshotLineage(null, null, Set.of(), Set.of(), true);
    }

    /** A step from {@code parent} (see the class comment). */
    static SnapshotLineage step(SnapshotLineage parent, String uri, Set<Integer> changedItems,
                                Set<SymbolKey> changedNames, boolean usersChanged) {
        return new SnapshotLineage(parent, uri, Set.copyOf(changedItems), Set.copyOf(changedNames), usersChanged);
    }

    public long id() {
        return id;
    }

    /** The snapshot this one was made from by a step, or {@code null}. */
    public SnapshotLineage parent() {
        return parent;
    }

    /**
     * True when this snapshot was made by steps from the snapshot {@code id} (or is it): the names,
     * roles and lists are then the same. With {@code sameUsers}, also no step changed who uses what.
     */
    public boolean descendsFrom(long id, boolean sameUsers) {
        for (SnapshotLineage s = this; s.id != id; s = s.parent) {
            if (s.parent == null || s.id < id || (sameUsers && s.usersChanged)) {
                return false;
            }
        }
        return true;
    }

    /** The document the step changed. */
    public String uri() {
        return uri;
    }

    /** Indices (in {@link #uri}) of the entries whose chunk text the step changed. */
    public Set<Integer> changedItems() {
        return changedItems;
    }

    /** The macros and rules those entries define. */
    public Set<SymbolKey> changedNames() {
        return changedNames;
    }

    /**
     * True when one of {@link #changedNames} now uses other names than before or (a rule) has
     * another source: who uses a macro, and with which sources, may then differ.
     */
    public boolean usersChanged() {
        return usersChanged;
    }
}

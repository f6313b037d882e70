package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Resolution;
import dev.falconer.condition.AstWalker;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which macros a rule of one event source can use: those whose fields, through the macros they
 * use in turn, all belong to that source. A {@code k8s_audit} macro in a {@code syscall} rule is a
 * {@code unknown-field} error there (the field is of another source), so completion in a rule
 * leaves such macros out. A macro that is unknown, does not parse, or takes part in a loop is
 * not left out on that account: those are reported where they are.
 */
final class MacroSourceFit {
    /** Past this many condition texts the shared reading of them starts again (a long session's edits). */
    static final int MAX_KEPT_TEXTS = 20_000;

    private final FieldCatalog catalog;
    private final String source;
    private final Map<String, Own> ownByText;
    private final Map<String, Boolean> fits;
    /** The condition text (the very object) each answer of {@link #fits} was read from; {@code null}: unknown macro. */
    private final Map<String, String> readFrom;

    /** What one condition text says by itself: whether its own fields fit, and the macros it uses. */
    record Own(boolean fits, List<String> uses) {
    }

    /**
     * {@code ownByText}: the readings of condition texts for {@code catalog} and {@code source},
     * shared by the snapshots that follow each other (a keystroke changes one macro's text at
     * most; reading all 315 official macros afresh took 1.5-2.5 ms per snapshot).
     */
    MacroSourceFit(FieldCatalog catalog, String source, Map<String, Own> ownByText) {
        this(catalog, source, ownByText, new HashMap<>(), new HashMap<>());
    }

    private MacroSourceFit(FieldCatalog catalog, String source, Map<String, Own> ownByText,
                           Map<String, Boolean> fits, Map<String, String> readFrom) {
        this.catalog = catalog;
        this.source = source;
        this.ownByText = ownByText;
        this.fits = fits;
        this.readFrom = readFrom;
    }

    /**
     * The fits for {@code next}, a later snapshot: these answers carried over when every macro
     * they were read from still has the same condition text object (what a keystroke outside a
     * macro's condition leaves), else worked out again as asked.
     */
    synchronized MacroSourceFit next(WorkspaceSnapshot next) {
        Map<String, EffectiveMacro> macros = next.merged().macros();
        for (Map.Entry<String, String> e : readFrom.entrySet()) {
            EffectiveMacro m = macros.get(e.getKey());
            if ((m == null ? null : m.condition().text()) != e.getValue()) {
                return new MacroSourceFit(catalog, source, ownByText);
            }
        }
        return new MacroSourceFit(catalog, source, ownByText, new HashMap<>(fits), new HashMap<>(readFrom));
    }

    /**
     * {@code macros} less those that do not fit, in their order, in {@code snapshot}: always the
     * same snapshot for one of these (a later one gets {@link #next}). Not kept here: the caller
     * holds it weakly, so a closed 10 MB buffer does not stay in memory for a completion's sake.
     */
    synchronized List<String> filter(WorkspaceSnapshot snapshot, List<String> macros) {
        List<String> out = new ArrayList<>(macros.size());
        for (String m : macros) {
            if (fits(snapshot, m)) {
                out.add(m);
            }
        }
        return out.size() == macros.size() ? macros : List.copyOf(out);
    }

    /**
     * Depth first without recursion: a chain of thousands of macros is a chain of loop rounds.
     * A loop of macros (an error Falco reports) makes the answers of this walk depend on the
     * order of the walk: they are dropped, and {@code macro} is answered from everything it
     * reaches instead.
     */
    private boolean fits(WorkspaceSnapshot snapshot, String macro) {
        Map<String, List<String>> uses = new HashMap<>();
        List<String> settled = new ArrayList<>();
        boolean loop = false;
        Deque<String> stack = new ArrayDeque<>();
        stack.push(macro);
        while (!stack.isEmpty()) {
            String m = stack.peek();
            if (fits.containsKey(m)) {
                stack.pop();
                continue;
            }
            List<String> used = uses.get(m);
            if (used == null) {
                Own own = own(snapshot, m);
                if (!own.fits()) {
                    fits.put(m, false);
                    stack.pop();
                    continue;
                }
                used = own.uses();
                uses.put(m, used);
                for (String u : used) {
                    if (!fits.containsKey(u) && !uses.containsKey(u)) {
                        stack.push(u);
                    }
                }
                continue;
            }
            // the macros it uses are settled now, except those of a loop it is in
            boolean ok = true;
            for (String u : used) {
                Boolean f = fits.get(u);
                loop |= f == null;
                ok &= !Boolean.FALSE.equals(f);
            }
            fits.put(m, ok);
            settled.add(m);
            stack.pop();
        }
        if (loop) {
            settled.forEach(fits::remove);
            fits.put(macro, reachedAllFit(snapshot, macro));
        }
        return fits.get(macro);
    }

    /** Whether every macro {@code macro} reaches (itself included) reads only fields that fit. */
    private boolean reachedAllFit(WorkspaceSnapshot snapshot, String macro) {
        Set<String> seen = new java.util.HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(macro);
        seen.add(macro);
        while (!todo.isEmpty()) {
            Own own = own(snapshot, todo.pop());
            if (!own.fits()) {
                return false;
            }
            for (String u : own.uses()) {
                if (seen.add(u)) {
                    todo.push(u);
                }
            }
        }
        return true;
    }

    /**
     * {@code macro}'s own reading (an unknown macro fits and uses nothing), from its condition as
     * written: substituting lists adds values, never fields or macros, and the written texts stay
     * the same objects from one snapshot to the next (the substituted ones are made afresh).
     */
    private Own own(WorkspaceSnapshot snapshot, String macro) {
        EffectiveMacro m = snapshot.merged().macros().get(macro);
        String condition = m == null ? null : m.condition().text();
        readFrom.put(macro, condition);
        if (condition == null) {
            return new Own(true, List.of());
        }
        Own own = ownByText.get(condition);
        if (own == null) {
            if (ownByText.size() >= MAX_KEPT_TEXTS) {
                ownByText.clear();
            }
            own = read(snapshot, condition);
            ownByText.put(condition, own);
        }
        return own;
    }

    private Own read(WorkspaceSnapshot snapshot, String condition) {
        ParsedCondition parsed = snapshot.parse(condition);
        boolean[] ok = {true};
        Set<String> used = new LinkedHashSet<>();
        AstWalker.walk(parsed.root(), node -> {
            if (node instanceof FieldRef f && catalog.resolve(source, f) instanceof Resolution.WrongSource) {
                ok[0] = false;
            } else if (node instanceof MacroRef r) {
                used.add(r.name());
            }
        });
        return new Own(ok[0], List.copyOf(used));
    }
}

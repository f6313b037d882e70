package dev.falconer.service;

import dev.falconer.condition.And;
import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.ConditionPrinter;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Not;
import dev.falconer.condition.Or;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.workspace.FalcoConditions;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A macro's condition with the macros it uses replaced by their own (expanded) conditions. A macro
 * used twice is copied twice, so nested reuse grows the text exponentially (twenty levels of
 * {@code m(n) = m(n-1) and m(n-1)} give megabytes): past {@link #MAX_NODES} nodes the expansion
 * stops and says how far it got, rather than hold the request thread for seconds.
 */
final class MacroExpansion {
    /** The largest official macro expands to a few hundred nodes. */
    static final int MAX_NODES = 5_000;

    private MacroExpansion() {
    }

    /** The expanded text, or {@link #tooLarge()} set when it would pass {@link #MAX_NODES} nodes. */
    record Expanded(String text, boolean tooLarge) {
    }

    static Optional<Expanded> expand(WorkspaceSnapshot snapshot, String macro) {
        BoolExpr root = parse(snapshot, macro);
        if (root == null) {
            return Optional.empty();
        }
        Set<String> visiting = new HashSet<>();
        visiting.add(macro);
        try {
            return Optional.of(new Expanded(ConditionPrinter.canonical(expand(root, snapshot, visiting, new int[] {MAX_NODES})),
                    false));
        } catch (TooLarge e) {
            return Optional.of(new Expanded(null, true));
        }
    }

    /** Thrown through the recursion once the budget is spent; no stack trace to fill. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static BoolExpr parse(WorkspaceSnapshot snapshot, String macro) {
        FalcoConditions.Substituted s = snapshot.falco().macroCondition(macro);
        if (s == null) {
            return null;
        }
        ParsedCondition p = snapshot.parse(s.text().text());
        return p.ok() ? p.root() : null;
    }

    /** Replaces macro references depth-first; a loop leaves the reference as written. */
    private static BoolExpr expand(BoolExpr e, WorkspaceSnapshot snapshot, Set<String> visiting, int[] budget) {
        if (--budget[0] < 0) {
            throw new TooLarge();
        }
        if (e instanceof MacroRef m) {
            if (visiting.contains(m.name())) {
                return m;
            }
            BoolExpr body = parse(snapshot, m.name());
            if (body == null) {
                return m;
            }
            visiting.add(m.name());
            BoolExpr out = expand(body, snapshot, visiting, budget);
            visiting.remove(m.name());
            return out;
        }
        if (e instanceof And a) {
            return new And(expandAll(a.children(), snapshot, visiting, budget), a.span());
        }
        if (e instanceof Or o) {
            return new Or(expandAll(o.children(), snapshot, visiting, budget), o.span());
        }
        if (e instanceof Not n) {
            return new Not(expand(n.child(), snapshot, visiting, budget), n.keyword(), n.span());
        }
        return e;
    }

    private static List<BoolExpr> expandAll(List<BoolExpr> children, WorkspaceSnapshot snapshot, Set<String> visiting,
                                            int[] budget) {
        List<BoolExpr> out = new ArrayList<>(children.size());
        for (BoolExpr c : children) {
            out.add(expand(c, snapshot, visiting, budget));
        }
        return out;
    }
}

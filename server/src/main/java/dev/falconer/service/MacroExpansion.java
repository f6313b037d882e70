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

/** A macro's condition with the macros it uses replaced by their own (expanded) conditions. */
final class MacroExpansion {
    private MacroExpansion() {
    }

    static Optional<String> expand(WorkspaceSnapshot snapshot, String macro) {
        BoolExpr root = parse(snapshot, macro);
        if (root == null) {
            return Optional.empty();
        }
        Set<String> visiting = new HashSet<>();
        visiting.add(macro);
        return Optional.of(ConditionPrinter.canonical(expand(root, snapshot, visiting)));
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
    private static BoolExpr expand(BoolExpr e, WorkspaceSnapshot snapshot, Set<String> visiting) {
        if (e instanceof MacroRef m) {
            if (visiting.contains(m.name())) {
                return m;
            }
            BoolExpr body = parse(snapshot, m.name());
            if (body == null) {
                return m;
            }
            visiting.add(m.name());
            BoolExpr out = expand(body, snapshot, visiting);
            visiting.remove(m.name());
            return out;
        }
        if (e instanceof And a) {
            return new And(expandAll(a.children(), snapshot, visiting), a.span());
        }
        if (e instanceof Or o) {
            return new Or(expandAll(o.children(), snapshot, visiting), o.span());
        }
        if (e instanceof Not n) {
            return new Not(expand(n.child(), snapshot, visiting), n.keyword(), n.span());
        }
        return e;
    }

    private static List<BoolExpr> expandAll(List<BoolExpr> children, WorkspaceSnapshot snapshot, Set<String> visiting) {
        List<BoolExpr> out = new ArrayList<>(children.size());
        for (BoolExpr c : children) {
            out.add(expand(c, snapshot, visiting));
        }
        return out;
    }
}

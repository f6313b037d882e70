package dev.falconer.lsp;

import dev.falconer.workspace.Dependencies;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The files whose diagnostics may change when the definitions of some names change. */
final class DependentFiles {
    private DependentFiles() {
    }

    /**
     * The files of the items that use a changed name, in {@code now} and in {@code was} (a list
     * that is gone has no users in {@code now}: its name there is a plain value), and the files
     * defining a name that a changed item starts or stops using (its unused warning may come or
     * go). {@code was}: a snapshot from before the changes, or {@code null} when the document had
     * no entries then (every name its items use now is one they start using).
     */
    static Set<String> of(Set<SymbolKey> changed, WorkspaceSnapshot was, WorkspaceSnapshot now) {
        Set<String> files = new LinkedHashSet<>();
        if (changed.isEmpty()) {
            return files;
        }
        Dependencies after = now.dependencies();
        files.addAll(after.filesAffectedBy(changed));
        Dependencies before = was == null ? null : was.dependencies();
        if (before != null) {
            files.addAll(before.filesAffectedBy(changed));
        }
        Set<SymbolKey> usesChanged = new HashSet<>();
        for (SymbolKey item : changed) {
            Set<SymbolKey> used = before == null ? Set.of() : before.uses(item);
            Set<SymbolKey> uses = after.uses(item);
            if (!used.equals(uses)) {
                used.stream().filter(k -> !uses.contains(k)).forEach(usesChanged::add);
                uses.stream().filter(k -> !used.contains(k)).forEach(usesChanged::add);
            }
        }
        if (before != null) {
            files.addAll(before.filesDefining(usesChanged));
        }
        files.addAll(after.filesDefining(usesChanged));
        return files;
    }

    /**
     * True when a changed name came or went (defined in only one of {@code was} and {@code now};
     * {@code was} {@code null}: nothing was defined): the closest names that unknown-name
     * diagnostics suggest may then be others.
     */
    static boolean namesCameOrWent(Set<SymbolKey> changed, WorkspaceSnapshot was, WorkspaceSnapshot now) {
        for (SymbolKey k : changed) {
            if (defined(was, k) != defined(now, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean defined(WorkspaceSnapshot snapshot, SymbolKey k) {
        if (snapshot == null) {
            return false;
        }
        return switch (k.kind()) {
            case MACRO -> snapshot.merged().macros().containsKey(k.name());
            case LIST -> snapshot.merged().lists().containsKey(k.name());
            case RULE -> snapshot.merged().rules().containsKey(k.name());
        };
    }
}

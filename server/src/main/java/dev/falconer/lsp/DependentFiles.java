package dev.falconer.lsp;

import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.Dependencies;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.EnumSet;
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
     * go), and the files defining whatever a changed item relies on, transitively (its checks
     * report there too: a list's items are checked against the field the item tests them with, a
     * macro's text against the rule's source). {@code was}: a snapshot from before the changes, or
     * {@code null}. {@code opened}: the
     * document had no version before them (opened, or closed and opened again), so every name its
     * items use now is one they start using, whatever {@code was} holds.
     */
    static Set<String> of(Set<SymbolKey> changed, WorkspaceSnapshot was, WorkspaceSnapshot now, boolean opened) {
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
            if (opened) {
                usesChanged.addAll(uses);
            }
            if (!used.equals(uses)) {
                used.stream().filter(k -> !uses.contains(k)).forEach(usesChanged::add);
                uses.stream().filter(k -> !used.contains(k)).forEach(usesChanged::add);
            }
        }
        if (before != null) {
            files.addAll(before.filesDefining(usesChanged));
        }
        files.addAll(after.filesDefining(usesChanged));
        // a rule testing fd.sip against a list found its bad addresses in the list's file: with
        // the field changed to proc.name, that file kept them until it was edited (QA round 16)
        Set<SymbolKey> reached = new HashSet<>();
        for (SymbolKey item : changed) {
            reached.addAll(after.usesTransitively(item));
            if (before != null) {
                reached.addAll(before.usesTransitively(item));
            }
        }
        files.addAll(after.filesDefining(reached));
        if (before != null) {
            files.addAll(before.filesDefining(reached));
        }
        return files;
    }

    /**
     * The kinds of the changed names that came or went (defined in only one of {@code was} and
     * {@code now}; {@code was} {@code null}: nothing was defined): the names that diagnostics
     * suggest for an unknown macro or list ("did you mean") may then be others.
     */
    static Set<ItemKind> kindsCameOrWent(Set<SymbolKey> changed, WorkspaceSnapshot was, WorkspaceSnapshot now) {
        Set<ItemKind> out = EnumSet.noneOf(ItemKind.class);
        for (SymbolKey k : changed) {
            if (defined(was, k) != defined(now, k)) {
                out.add(k.kind());
            }
        }
        return out;
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

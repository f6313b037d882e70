package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Location;

/** Workspace locations (offsets) as LSP locations (positions). */
final class Locations {
    private Locations() {
    }

    /** {@code null} when the file is not part of the snapshot. */
    static Location of(WorkspaceSnapshot snapshot, dev.falconer.workspace.Location at) {
        RulesDocument doc = snapshot.document(at.uri());
        return doc == null ? null : new Location(at.uri(), Ranges.range(doc.lineIndex(), at.span()));
    }
}

package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Location;

import java.util.ArrayList;
import java.util.List;

/** Go to definition: every entry that defines, appends to, overrides or enables the name under the cursor. */
public final class Definitions {
    private Definitions() {
    }

    /** In load order across files; empty when the cursor is on no list, macro or rule name. */
    public static List<Location> definition(WorkspaceSnapshot snapshot, String uri, TextPosition position) {
        RulesDocument doc = snapshot.document(uri);
        if (doc == null) {
            return List.of();
        }
        int offset = doc.lineIndex().offset(position);
        return SymbolTarget.at(snapshot, uri, offset).map(t -> {
            List<Location> out = new ArrayList<>();
            for (Definition d : snapshot.symbols().definitions(t.key())) {
                out.add(Locations.of(snapshot, d.nameLocation()));
            }
            out.removeIf(java.util.Objects::isNull);
            return out;
        }).orElse(List.of());
    }
}

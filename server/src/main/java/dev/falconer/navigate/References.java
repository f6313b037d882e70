package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.SymbolReference;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Location;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Find references of a list, macro or rule across the workspace: uses in conditions (macros,
 * lists substituted into conditions), in other lists' items, in exception values. The entries
 * that define the item again, append to it or override it are declarations of it, as its first
 * definition is: with {@code includeDeclaration} they come too (the editors' "find references"
 * asks so), and the reference lenses do not count them.
 */
public final class References {
    private References() {
    }

    public static List<Location> references(WorkspaceSnapshot snapshot, String uri, TextPosition position,
                                            boolean includeDeclaration) {
        RulesDocument doc = snapshot.document(uri);
        if (doc == null) {
            return List.of();
        }
        return SymbolTarget.at(snapshot, uri, doc.lineIndex().offset(position))
                .map(t -> of(snapshot, t.key(), includeDeclaration))
                .orElse(List.of());
    }

    /** Every place naming {@code key}; each place once. */
    public static List<Location> of(WorkspaceSnapshot snapshot, SymbolKey key, boolean includeDeclaration) {
        Set<dev.falconer.workspace.Location> places = new LinkedHashSet<>();
        if (includeDeclaration) {
            for (Definition d : snapshot.symbols().definitions(key)) {
                places.add(d.nameLocation());
            }
        }
        for (SymbolReference r : snapshot.symbols().references(key)) {
            if (includeDeclaration || r.site() != SymbolReference.Site.REDEFINITION) {
                places.add(r.location());
            }
        }
        List<Location> out = new ArrayList<>();
        for (dev.falconer.workspace.Location at : places) {
            Location l = Locations.of(snapshot, at);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    /** How many times {@code key} is used (append and override entries do not count as uses). */
    public static int count(WorkspaceSnapshot snapshot, SymbolKey key) {
        int n = 0;
        for (SymbolReference r : snapshot.symbols().references(key)) {
            if (r.site() != SymbolReference.Site.REDEFINITION) {
                n++;
            }
        }
        return n;
    }
}

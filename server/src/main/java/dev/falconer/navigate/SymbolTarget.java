package dev.falconer.navigate;

import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.SymbolReference;
import dev.falconer.workspace.WorkspaceSnapshot;

import java.util.Optional;

/**
 * The list, macro or rule name under a cursor, from the workspace's symbol table: a use of it
 * (in a condition, a list's items, an exception value, the name of an append or override entry)
 * or the name of an entry that defines it. {@code span} is where the name is written.
 */
public record SymbolTarget(SymbolKey key, TextSpan span, boolean definition) {

    public static Optional<SymbolTarget> at(WorkspaceSnapshot snapshot, String uri, int offset) {
        SymbolReference touching = null;
        for (SymbolReference r : snapshot.symbols().referencesIn(uri)) {
            TextSpan s = r.location().span();
            if (s.contains(offset)) {
                return Optional.of(new SymbolTarget(r.target(), s, r.site() == SymbolReference.Site.REDEFINITION));
            }
            if (touching == null && s.touches(offset)) {
                touching = r;
            }
        }
        if (touching != null) {
            return Optional.of(new SymbolTarget(touching.target(), touching.location().span(),
                    touching.site() == SymbolReference.Site.REDEFINITION));
        }
        Optional<Definition> d = snapshot.symbols().definitionAt(uri, offset);
        return d.map(def -> new SymbolTarget(def.key(), def.nameSpan(), true));
    }
}

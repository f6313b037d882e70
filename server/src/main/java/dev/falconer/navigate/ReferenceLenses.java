package dev.falconer.navigate;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.text.LineIndex;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;

import java.util.List;
import java.util.ArrayList;

/**
 * "N references" above each macro and list entry of a file. The lens carries the command
 * {@value #SHOW_REFERENCES} with the file, the name's position and the reference locations, which
 * a client turns into its own "show references" view.
 */
public final class ReferenceLenses {
    /**
     * Arguments: the URI, an LSP position and the LSP locations, as {@code editor.action.showReferences}
     * takes them. The server also runs it and answers the current locations.
     */
    public static final String SHOW_REFERENCES = "falconer.showReferences";

    private ReferenceLenses() {
    }

    /** Empty when {@code enabled} is false (setting {@code falconer.references.codeLens}). */
    public static List<CodeLens> lenses(WorkspaceSnapshot snapshot, String uri, boolean enabled, NavTexts texts) {
        RulesDocument doc = snapshot.document(uri);
        if (!enabled || doc == null) {
            return List.of();
        }
        LineIndex index = doc.lineIndex();
        List<CodeLens> out = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            if (item instanceof NamedItem n && n.name() != null && n.kind() != ItemKind.RULE) {
                SymbolKey key = new SymbolKey(n.kind(), n.name());
                List<Location> refs = References.of(snapshot, key, false);
                var range = Ranges.range(index, n.nameSpan());
                Command command = new Command(texts.get("lens.references", refs.size()), SHOW_REFERENCES,
                        List.of(uri, range.getStart(), refs));
                out.add(new CodeLens(range, command, null));
            }
        }
        return out;
    }
}

package dev.falconer.navigate;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.text.LineIndex;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;

import java.util.List;
import java.util.ArrayList;

/**
 * "N references" above each macro and list entry of a file. Listed without their command: a lens
 * carries {@code {lens: "references", uri, kind, name}} as its data, and {@code codeLens/resolve}
 * counts the references then (editors resolve the lenses they show; counting them all for a large
 * file, and sending every location, made listing them the slow part). The resolved lens carries the
 * command {@value #SHOW_REFERENCES} with the file, the name's position and the reference
 * locations, which a client turns into its own "show references" view.
 */
public final class ReferenceLenses {
    /**
     * Arguments: the URI, an LSP position and the LSP locations, as {@code editor.action.showReferences}
     * takes them. The server also runs it and answers the current locations.
     */
    public static final String SHOW_REFERENCES = "falconer.showReferences";
    private static final String TAG = "references";

    private ReferenceLenses() {
    }

    /** Empty when {@code enabled} is false (setting {@code falconer.references.codeLens}). */
    public static List<CodeLens> lenses(WorkspaceSnapshot snapshot, String uri, boolean enabled) {
        RulesDocument doc = snapshot.document(uri);
        if (!enabled || doc == null) {
            return List.of();
        }
        LineIndex index = doc.lineIndex();
        List<CodeLens> out = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            if (item instanceof NamedItem n && n.name() != null && n.kind() != ItemKind.RULE) {
                JsonObject data = new JsonObject();
                data.addProperty("lens", TAG);
                data.addProperty("uri", uri);
                data.addProperty("kind", n.kind().name());
                data.addProperty("name", n.name());
                CodeLens lens = new CodeLens(Ranges.range(index, n.nameSpan()));
                lens.setData(data);
                out.add(lens);
            }
        }
        return out;
    }

    /** The lens with its count and command, or {@code null} when it is not a references lens. */
    public static CodeLens resolve(CodeLens lens, WorkspaceSnapshot snapshot, NavTexts texts) {
        if (!(lens.getData() instanceof JsonObject data) || !data.has("lens") || !data.get("lens").isJsonPrimitive()
                || !TAG.equals(data.get("lens").getAsString())) {
            return null;
        }
        SymbolKey key = key(data);
        if (key == null || !data.has("uri") || !data.get("uri").isJsonPrimitive()) {
            return lens;
        }
        List<Location> refs = References.of(snapshot, key, false);
        CodeLens out = new CodeLens(lens.getRange(), new Command(texts.get("lens.references", refs.size()),
                SHOW_REFERENCES, List.of(data.get("uri").getAsString(), lens.getRange().getStart(), refs)), data);
        return out;
    }

    private static SymbolKey key(JsonObject data) {
        try {
            ItemKind kind = ItemKind.valueOf(data.get("kind").getAsString());
            String name = data.get("name").getAsString();
            return kind == ItemKind.RULE ? null : new SymbolKey(kind, name);
        } catch (RuntimeException e) {
            return null; // not data of ours: the lens stays as it is
        }
    }
}

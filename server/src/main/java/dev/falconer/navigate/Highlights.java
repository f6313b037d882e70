package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.SymbolReference;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Document highlight: in one file, the entries naming the symbol under the cursor (write) and its uses (read). */
public final class Highlights {
    private Highlights() {
    }

    public static List<DocumentHighlight> highlights(WorkspaceSnapshot snapshot, String uri, TextPosition position) {
        RulesDocument doc = snapshot.document(uri);
        if (doc == null) {
            return List.of();
        }
        return SymbolTarget.at(snapshot, uri, doc.lineIndex().offset(position)).map(t -> {
            Map<TextSpan, DocumentHighlightKind> spans = new LinkedHashMap<>();
            for (Definition d : snapshot.symbols().definitions(t.key())) {
                if (d.uri().equals(uri)) {
                    spans.put(d.nameSpan(), DocumentHighlightKind.Write);
                }
            }
            for (SymbolReference r : snapshot.symbols().references(t.key())) {
                if (r.location().uri().equals(uri)) {
                    spans.putIfAbsent(r.location().span(), DocumentHighlightKind.Read);
                }
            }
            List<DocumentHighlight> out = new ArrayList<>();
            spans.entrySet().stream().sorted(Map.Entry.comparingByKey(
                    java.util.Comparator.comparingInt(TextSpan::start)))
                    .forEach(e -> out.add(new DocumentHighlight(Ranges.range(doc.lineIndex(), e.getKey()), e.getValue())));
            return out;
        }).orElse(List.of());
    }
}

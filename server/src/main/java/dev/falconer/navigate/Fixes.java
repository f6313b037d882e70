package dev.falconer.navigate;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.util.List;
import java.util.Map;

/** Building code actions: one file's edits, a title, the diagnostic answered. */
final class Fixes {
    private Fixes() {
    }

    static CodeAction quickFix(String title, String uri, List<TextEdit> edits, Diagnostic answered, boolean preferred) {
        return action(title, CodeActionKind.QuickFix, uri, edits, answered, preferred);
    }

    static CodeAction action(String title, String kind, String uri, List<TextEdit> edits, Diagnostic answered,
                             boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setEdit(new WorkspaceEdit(Map.of(uri, List.copyOf(edits))));
        if (answered != null) {
            a.setDiagnostics(List.of(answered));
        }
        if (preferred) {
            a.setIsPreferred(true);
        }
        return a;
    }
}

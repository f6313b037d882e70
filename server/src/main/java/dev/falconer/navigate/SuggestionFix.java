package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;

import java.util.ArrayList;
import java.util.List;

/**
 * "Did you mean" quick fixes: replace what the diagnostic points at with each suggested name
 * (field, macro, list, key, priority, source). A whole scalar gets a scalar in its style, a word
 * inside a condition gets escaped for the scalar holding it, so the file stays valid YAML.
 */
final class SuggestionFix {
    private SuggestionFix() {
    }

    static List<CodeAction> actions(RulesDocument doc, DiagnosticFix fix, NavTexts texts) {
        List<CodeAction> out = new ArrayList<>();
        if (fix.suggestions().isEmpty()) {
            return out;
        }
        TextSpan span = doc.lineIndex().span(fix.range());
        RulesItem item = doc.itemAt(span.start());
        YamlScalar scalar = item == null ? null : YamlPath.at(item, span.start()).scalar();
        boolean first = true;
        for (String s : fix.suggestions()) {
            String text;
            if (scalar == null || !scalar.span().contains(span)) {
                text = s;
            } else if (scalar.span().equals(span)) {
                text = YamlText.scalar(s, scalar.style());
            } else {
                text = YamlText.inside(s, scalar.style());
            }
            TextEdit edit = new TextEdit(Ranges.range(doc.lineIndex(), span), text);
            out.add(Fixes.quickFix(texts.get("action.replace", s), doc.uri(), List.of(edit), fix.lsp(), first));
            first = false;
        }
        return out;
    }
}

package dev.falconer.navigate;

import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlEntry;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a deprecated {@code append: true} entry as the equivalent {@code override}
 * (spec §2.10): {@code items: append} for a list, {@code condition: append} for a macro, and for a
 * rule {@code condition}/{@code exceptions: append} for the keys it has. A legacy rule append
 * ignores every other key, while an override would reject them, so those keys are removed: the
 * result behaves exactly as before.
 */
final class AppendToOverrideFix {
    /** Keys a legacy rule append takes. */
    private static final Set<String> RULE_APPENDED = Set.of("condition", "exceptions");
    /** Keys that an override entry must list if present (spec §2.10 table), other than the appended ones. */
    private static final Set<String> RULE_OVERRIDABLE = Set.of("output", "desc", "priority", "tags", "enabled",
            "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration");

    private AppendToOverrideFix() {
    }

    static CodeAction action(RulesDocument doc, NamedItem item, Diagnostic answered, NavTexts texts) {
        if (!item.isLegacyAppend() || item.override() != null) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        List<TextEdit> edits = new ArrayList<>();
        if (item instanceof ListItem) {
            keys.add("items");
        } else if (item instanceof MacroItem) {
            keys.add("condition");
        } else if (item instanceof RuleItem r) {
            for (YamlEntry e : r.mapping().entries()) {
                String k = e.keyText();
                if (RULE_APPENDED.contains(k)) {
                    keys.add(k);
                } else if (RULE_OVERRIDABLE.contains(k)) {
                    TextEdit remove = MappingEdits.remove(doc, r.mapping(), e);
                    if (remove == null) {
                        return null;
                    }
                    edits.add(remove);
                }
            }
            if (keys.isEmpty()) {
                return null; // Falco rejects such an append; nothing equivalent to write
            }
        }
        StringBuilder override = new StringBuilder("override: {");
        for (int i = 0; i < keys.size(); i++) {
            override.append(i == 0 ? "" : ", ").append(keys.get(i)).append(": append");
        }
        override.append('}');
        YamlEntry append = item.append();
        edits.add(new TextEdit(Ranges.range(doc.lineIndex(), append.span()), override.toString()));
        return Fixes.quickFix(texts.get("action.convertAppend"), doc.uri(), edits, answered, true);
    }
}

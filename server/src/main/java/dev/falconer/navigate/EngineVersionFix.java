package dev.falconer.navigate;

import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Releases;
import dev.falconer.check.FeatureVersions;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adds {@code - required_engine_version: x.y.z} above the first item when the file has none, or
 * raises the highest one it has, to the engine version of the oldest Falco that has every feature
 * the file uses. Nothing when the file already asks for enough.
 */
final class EngineVersionFix {
    private EngineVersionFix() {
    }

    static CodeAction action(RulesDocument doc, FieldCatalog catalog, Function<String, ParsedCondition> parser,
                             Diagnostic answered, NavTexts texts) {
        Optional<FalcoVersion> needed = FeatureVersions.minimumEngine(doc, catalog, parser);
        if (needed.isEmpty() || doc.items().isEmpty()) {
            return null;
        }
        String version = needed.get().toString();
        // offered anywhere in the file as a source action; preferred only as the fix of a diagnostic
        String kind = answered == null ? CodeActionKind.Source : CodeActionKind.QuickFix;
        EngineVersionItem highest = null;
        FalcoVersion current = null;
        for (EngineVersionItem e : doc.itemsOf(EngineVersionItem.class)) {
            Optional<FalcoVersion> v = Releases.parseEngineVersion(e.version().text());
            if (v.isPresent() && (current == null || v.get().compareTo(current) > 0)) {
                current = v.get();
                highest = e;
            } else if (v.isEmpty() && highest == null) {
                highest = e;
            }
        }
        LineIndex index = doc.lineIndex();
        if (highest == null) {
            RulesItem first = doc.items().get(0);
            int start = first.frame().comment() != null ? first.frame().comment().span().start() : first.span().start();
            int lineStart = index.lineStart(index.lineOf(start));
            String indent = " ".repeat(start - lineStart);
            // in the file's line break; in a flow sequence ([{rule: …}]) as one more of its entries (QA round 19)
            String text = doc.text().charAt(start) == '{' ? "{required_engine_version: " + version + "}, "
                    : "- required_engine_version: " + version + MappingEdits.lineBreak(doc.text()) + indent;
            return Fixes.action(texts.get("action.engineVersion.add", version), kind, doc.uri(),
                    List.of(new TextEdit(Ranges.range(index, TextSpan.empty(start)), text)), answered, answered != null);
        }
        if (current != null && current.compareTo(needed.get()) >= 0) {
            return null;
        }
        YamlScalar value = highest.version().scalar();
        TextSpan at = value != null && !value.isNull() ? value.span() : highest.version().valueSpan();
        String text = value != null && !value.isNull() ? YamlText.scalar(version, value.style()) : version;
        if (value == null || value.isNull()) {
            at = TextSpan.empty(highest.version().keySpan().end() + 1);
            text = " " + version;
        }
        return Fixes.action(texts.get("action.engineVersion.raise", version), kind, doc.uri(),
                List.of(new TextEdit(Ranges.range(index, at), text)), answered, answered != null);
    }
}

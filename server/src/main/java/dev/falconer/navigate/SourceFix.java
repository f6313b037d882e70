package dev.falconer.navigate;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextSpan;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;

/**
 * Adds the {@code source:} a rule without one needs, for a field of one plugin's source that
 * the syscall default lacks ({@code ct.name}: {@code source: aws_cloudtrail}). The official
 * plugin rulesets write {@code source:} last, so a rule being typed has none yet (QA round 25).
 */
final class SourceFix {
    static final Set<String> FIELD_CODES = Set.of("unknown-field", "output-field");

    private SourceFix() {
    }

    static CodeAction action(RulesDocument doc, RuleItem rule, TextSpan field, FieldCatalog catalog, Diagnostic answered,
                             NavTexts texts) {
        if (!rule.definesWithoutSource() || rule.mapping() == null) {
            return null; // an override or append keeps the earlier rule's source: Falco refuses another
        }
        // the catalog's own answer, as the diagnostic's "it belongs to": one source to add, or none
        if (!(catalog.resolveText(SourceScope.SYSCALL, doc.text().substring(field.start(), field.end()))
                instanceof Resolution.WrongSource wrong) || wrong.validSources().size() != 1) {
            return null; // no other source, or several to choose from: the message names them
        }
        String source = wrong.validSources().iterator().next();
        return Fixes.quickFix(texts.get("action.addSource", source), doc.uri(),
                List.of(MappingEdits.append(doc, rule.mapping(), "source", source)), answered, true);
    }
}

package dev.falconer.navigate;

import dev.falconer.condition.AstWalker;
import dev.falconer.condition.Check;
import dev.falconer.condition.Operator;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Value;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.SourceMap;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code proc.name in my_list} → {@code proc.name in (my_list)}. Falco replaces a list name by
 * its items joined with commas, so without parentheses a list of two or more items breaks the
 * condition. Offered for every such check of the condition under the range.
 */
final class ListParenthesesFix {
    private ListParenthesesFix() {
    }

    static List<CodeAction> actions(RulesDocument doc, TextSpan range, Predicate<String> isList,
                                    Function<String, ParsedCondition> parser, Diagnostic answered, NavTexts texts) {
        List<CodeAction> out = new ArrayList<>();
        ConditionSite site = ConditionSite.at(doc, range.start());
        if (site == null) {
            return out;
        }
        ParsedCondition parsed = site.parse(parser);
        SourceMap map = site.map();
        if (parsed.root() != null) {
            parenthesize(doc, range, isList, parsed, 0, map, answered, texts, out);
        }
        // past a syntax error (a bracketed list before it) the check still reports the list: so is its fix (QA round 19)
        for (ConditionRemainders.Remainder rest : ConditionRemainders.after(parsed)) {
            parenthesize(doc, range, isList, rest.parsed(), rest.offset(), map, answered, texts, out);
        }
        return out;
    }

    private static void parenthesize(RulesDocument doc, TextSpan range, Predicate<String> isList, ParsedCondition parsed,
                                     int shift, SourceMap map, Diagnostic answered, NavTexts texts, List<CodeAction> out) {
        AstWalker.walk(parsed.root(), node -> {
            if (node instanceof Check c && c.right() instanceof Value v && takesList(c)
                    && (v.kind() == Value.Kind.IDENTIFIER || v.kind() == Value.Kind.BARE) && isList.test(v.text())) {
                TextSpan at = map.documentSpan(v.span().start() + shift, v.span().end() + shift);
                if (at.end() >= range.start() && at.start() <= range.end()) {
                    List<TextEdit> edits = List.of(
                            new TextEdit(Ranges.range(doc.lineIndex(), TextSpan.empty(at.start())), "("),
                            new TextEdit(Ranges.range(doc.lineIndex(), TextSpan.empty(at.end())), ")"));
                    out.add(Fixes.quickFix(texts.get("action.parenthesize", v.text()), doc.uri(), edits, answered,
                            true));
                }
            }
        });
    }

    private static boolean takesList(Check c) {
        return c.modifier() != null || (c.operator() != null && c.operator().kind() == Operator.Kind.LIST);
    }
}

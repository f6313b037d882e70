package dev.falconer.navigate;

import dev.falconer.condition.AstWalker;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Node;
import dev.falconer.condition.Not;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.Value;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.SourceMap;

import java.util.function.Function;

/**
 * A cursor inside a condition: the condition, its parse, the cursor's index in the condition
 * text, and the word it stands on (what rename refuses and selection grows from).
 */
record ConditionCursor(ConditionSite site, ParsedCondition parsed, SourceMap map, int index, Word word, Span wordSpan) {

    enum Word { FIELD, KEYWORD, MACRO, VALUE, NONE }

    static ConditionCursor at(RulesDocument doc, int offset, Function<String, ParsedCondition> parser) {
        ConditionSite site = ConditionSite.at(doc, offset);
        if (site == null) {
            return null;
        }
        SourceMap map = site.map();
        int index = map.valueIndex(offset);
        if (index < 0) {
            return null;
        }
        ParsedCondition parsed = site.parse(parser);
        Node node = parsed.root() == null ? null : AstWalker.deepestAt(parsed.root(), index);
        Word word = Word.NONE;
        Span span = null;
        if (node instanceof FieldRef f && f.nameSpan().touches(index)) {
            word = Word.FIELD;
            span = f.nameSpan();
        } else if (node instanceof Transformer t && t.nameSpan().touches(index)) {
            word = Word.KEYWORD;
            span = t.nameSpan();
        } else if (node instanceof Check c && c.operatorSpan() != null && c.operatorSpan().touches(index)) {
            word = Word.KEYWORD;
            span = c.operatorSpan();
        } else if (node instanceof Check c && c.modifierSpan() != null && c.modifierSpan().touches(index)) {
            word = Word.KEYWORD;
            span = c.modifierSpan();
        } else if (node instanceof Exists e && e.operator().touches(index)) {
            word = Word.KEYWORD;
            span = e.operator();
        } else if (node instanceof Not n && n.keyword().touches(index)) {
            word = Word.KEYWORD;
            span = n.keyword();
        } else if (node instanceof MacroRef m) {
            word = Word.MACRO;
            span = m.span();
        } else if (node instanceof Value v) {
            word = Word.VALUE;
            span = v.span();
        }
        return new ConditionCursor(site, parsed, map, index, word, span);
    }

    /** The word under the cursor as written in the condition, or {@code null}. */
    String text() {
        return wordSpan == null ? null : wordSpan.textOf(parsed.text());
    }
}

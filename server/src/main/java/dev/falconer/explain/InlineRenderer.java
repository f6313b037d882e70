package dev.falconer.explain;

import dev.falconer.explain.Clause.AllOf;
import dev.falconer.explain.Clause.AnyOf;
import dev.falconer.explain.Clause.Fact;
import dev.falconer.explain.Clause.MacroClause;
import dev.falconer.explain.Clause.Negation;
import dev.falconer.explain.PhraseRenderer.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * Words a clause tree as one run of text: the code-lens summary, an exception's tuple, the short
 * reading of a macro. In an "and" chain every clause but the last takes the continuative form;
 * in an "or" chain they keep their final form (Japanese: 「…で、…」 and 「…か、…」).
 */
final class InlineRenderer {

    private final PhraseRenderer phrases;

    InlineRenderer(PhraseRenderer phrases) {
        this.phrases = phrases;
    }

    String render(Clause c) {
        return clause(c, Form.FINAL, false);
    }

    String clause(Clause c, Form form, boolean nested) {
        if (c instanceof Fact f) {
            return phrases.render(f.phrase(), form);
        }
        if (c instanceof MacroClause m) {
            return m.inline() ? clause(Negations.inlineBody(m), form, nested)
                    : phrases.render(macroPhrase(m), form);
        }
        if (c instanceof Negation n) {
            return clause(Negations.negate(n.child()), form, nested);
        }
        if (c instanceof AllOf all) {
            return join(all.children(), true, form, nested);
        }
        if (c instanceof AnyOf any) {
            return join(any.children(), false, form, nested);
        }
        return phrases.render(Phrase.of("unparsed"), form);
    }

    /** How a macro that is not read inline is referred to. */
    static Phrase macroPhrase(MacroClause m) {
        String key = m.state() == MacroClause.State.UNDEFINED ? "macro.undefined" : "macro.ref";
        return Phrase.of(m.negated() ? key + ".not" : key, new PhraseArg.Code(m.name()));
    }

    private String join(List<Clause> children, boolean and, Form form, boolean nested) {
        String kind = and ? "sum.and" : "sum.or";
        Form headForm = and ? Form.CONT : Form.FINAL;
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < children.size() - 1; i++) {
            heads.add(clause(children.get(i), headForm, true));
        }
        String last = clause(children.get(children.size() - 1), form, true);
        Phrasebook book = phrases.book();
        String text = heads.size() == 1 ? book.format(kind + ".2", heads.get(0), last)
                : book.format(kind + ".n", String.join(book.format(kind + ".sep"), heads), last);
        return nested ? book.format(kind + ".nested", text) : text;
    }
}

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
            return join(flatten(all.children(), true), true, form, nested);
        }
        if (c instanceof AnyOf any) {
            return join(flatten(any.children(), false), false, form, nested);
        }
        return phrases.render(Phrase.of("unparsed"), form);
    }

    /** "a and not (b or c)" reads as "a, not b and not c": a negated group joins its parent's chain. */
    private static List<Clause> flatten(List<Clause> children, boolean and) {
        List<Clause> out = new ArrayList<>();
        for (Clause c : children) {
            Clause plain = c instanceof Negation n ? Negations.negate(n.child())
                    : c instanceof MacroClause m && m.inline() ? Negations.inlineBody(m) : c; // read as what it says
            if (and && plain instanceof AllOf all) {
                out.addAll(flatten(all.children(), true));
            } else if (!and && plain instanceof AnyOf any) {
                out.addAll(flatten(any.children(), false));
            } else {
                out.add(plain);
            }
        }
        return out;
    }

    /** How a macro that is not read inline is referred to. */
    static Phrase macroPhrase(MacroClause m) {
        Boolean holds = placeholderValue(m);
        if (holds != null) { // its name is what a reader overrides, so it is named, with what it stands for
            return Phrase.of(m.negated() ? "macro.placeholder.not" : "macro.placeholder", new PhraseArg.Code(m.name()),
                    new PhraseArg.Sub(Phrase.of(holds ? "idiom.always.short" : "idiom.never.short")));
        }
        String key = switch (m.state()) {
            case UNDEFINED -> "macro.undefined";
            case HIDDEN, CYCLE -> "macro.rejected"; // a one-line summary says so too
            default -> "macro.ref";
        };
        return Phrase.of(m.negated() ? key + ".not" : key, new PhraseArg.Code(m.name()));
    }

    /**
     * Whether a macro that is only a placeholder ({@code never_true}, or a macro that is only a
     * reference to one) always holds; {@code null} for any other macro.
     */
    private static Boolean placeholderValue(MacroClause m) {
        Clause body = m.body();
        while (body instanceof MacroClause inner && inner.state() == MacroClause.State.RESOLVED) {
            body = inner.body();
        }
        boolean placeholder = m.state() == MacroClause.State.RESOLVED && body instanceof Fact f
                && f.kind() == Fact.Kind.CONSTANT;
        return placeholder ? Constants.value(m.body()).orElse(null) : null;
    }

    private String join(List<Clause> children, boolean and, Form form, boolean nested) {
        Phrasebook book = phrases.book();
        // a language that marks groups off may close a top-level choice between groups as it closes a
        // nested one (「A」か「B」のいずれかである), where a bare "か、" after the last group ends nowhere
        boolean groups = !and && "true".equals(book.raw("sum.anyof.groupsAtTop").orElse("false"))
                && children.stream().anyMatch(c -> c instanceof AllOf);
        if (!and && (nested || groups)) {
            return anyOf(children, form);
        }
        String kind = and ? "sum.and" : "sum.or";
        Form headForm = and ? Form.CONT : Form.FINAL;
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < children.size() - 1; i++) {
            heads.add(clause(children.get(i), headForm, true));
        }
        String last = clause(children.get(children.size() - 1), form, true);
        // "either a or b and c" reads both ways: a language may mark where the alternatives end
        String two = and && children.get(0) instanceof AnyOf && book.has("sum.and.2.afterAnyOf")
                ? "sum.and.2.afterAnyOf" : kind + ".2";
        String text = heads.size() == 1 ? book.format(two, heads.get(0), last)
                : book.format(kind + ".n", String.join(book.format(kind + ".sep"), heads), last);
        return and && nested ? book.format("sum.and.nested", text) : text;
    }

    /** An "and" group as one of several alternatives, marked off once (by {@code sum.anyof.group}). */
    private String groupItem(AllOf all) {
        return phrases.book().format("sum.anyof.group", join(flatten(all.children(), true), true, Form.FINAL, false));
    }

    /**
     * Alternatives inside a larger clause: each one is whole (final form), marked off as the
     * language does it ("either A or B" / 「A」か「B」のいずれかで), and the group as a whole
     * takes the form the surrounding chain asks for.
     */
    private String anyOf(List<Clause> children, Form form) {
        Phrasebook book = phrases.book();
        List<String> items = new ArrayList<>();
        for (Clause c : children) {
            items.add(c instanceof AllOf all ? groupItem(all) : book.format("sum.anyof.item", clause(c, Form.FINAL, true)));
        }
        String last = items.remove(items.size() - 1);
        String text = items.size() == 1 ? book.format("sum.anyof.2", items.get(0), last)
                : book.format("sum.anyof.n", String.join(book.format("sum.anyof.sep"), items), last);
        String key = form == Form.CONT && book.has("sum.anyof.cont") ? "sum.anyof.cont" : "sum.anyof";
        return book.format(key, text);
    }
}

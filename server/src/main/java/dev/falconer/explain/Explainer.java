package dev.falconer.explain;

import java.util.List;
import java.util.Locale;

/**
 * Explains rules and macros: builds the {@link Explanation} tree of an item in one language.
 * A pure function of its inputs; never throws on bad input (a condition that does not parse
 * yields an {@link Clause.Unparsed} clause).
 */
public final class Explainer {

    private Explainer() {
    }

    public static Explanation explain(ExplainItem item, ExplainContext context, Locale locale) {
        Locale lang = Phrasebook.supported(locale);
        ClauseBuilder builder = new ClauseBuilder(context, lang, true);
        Clause condition = item instanceof MacroDoc m ? builder.buildMacro(m.name(), m.condition())
                : builder.build(item.condition());
        if (item instanceof MacroDoc macro) {
            return new Explanation(lang, Explanation.Kind.MACRO, macro.name(), condition, List.of(), null,
                    blankToNull(macro.comment()), null, null, null, true, List.of());
        }
        RuleDoc rule = (RuleDoc) item;
        List<ExceptionClause> exceptions = new ExceptionExplainer(builder).explain(rule.exceptions());
        OutputSummary output = new OutputExplainer(builder.operands()).explain(rule.output());
        return new Explanation(lang, Explanation.Kind.RULE, rule.name(), condition, exceptions,
                blankToNull(rule.desc()), blankToNull(rule.comment()), output, blankToNull(rule.priority()),
                blankToNull(rule.source()), rule.enabled(), rule.tags());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

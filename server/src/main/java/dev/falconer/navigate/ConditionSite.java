package dev.falconer.navigate;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.SourceMap;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@code condition:} scalar of a macro or rule entry: the text the condition grammar reads. */
record ConditionSite(NamedItem item, YamlEntry entry, YamlScalar scalar) {

    ParsedCondition parse(Function<String, ParsedCondition> parser) {
        return parser.apply(text());
    }

    /** The condition as the grammar reads it: an appended fragment without its joining {@code and}/{@code or}. */
    String text() {
        return item.readableCondition(scalar.value());
    }

    SourceMap map() {
        return scalar.sourceMap();
    }

    /** Every condition of the document, in file order. */
    static List<ConditionSite> of(RulesDocument doc) {
        List<ConditionSite> out = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            ConditionSite site = of(item);
            if (site != null) {
                out.add(site);
            }
        }
        return out;
    }

    /** The condition of one item, or {@code null} when it has none (or it is not a scalar). */
    static ConditionSite of(RulesItem item) {
        YamlEntry cond = item instanceof MacroItem m ? m.condition() : item instanceof RuleItem r ? r.condition() : null;
        if (cond == null || cond.scalar() == null || cond.scalar().isNull()) {
            return null;
        }
        return new ConditionSite((NamedItem) item, cond, cond.scalar());
    }

    /** The condition whose scalar holds {@code offset}, or {@code null}. */
    static ConditionSite at(RulesDocument doc, int offset) {
        RulesItem item = doc.itemAt(offset);
        ConditionSite site = item == null ? null : of(item);
        return site != null && site.scalar.span().touches(offset) ? site : null;
    }
}

package dev.falconer.check;

import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.RuleItem;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.FalcoConditions;

/**
 * Falco's LOAD_NO_EVTTYPE (spec §6): a syscall rule whose condition can match more than 100
 * event codes, unless {@code warn_evttypes: false}. Like Falco master, an empty set (a
 * contradiction) is not reported.
 */
final class EventTypeValidator implements Validator {
    @Override
    public void validate(CheckContext ctx) {
        FalcoConditions falco = ctx.snapshot().falco();
        EventTypeSets sets = new EventTypeSets(ctx.catalog().events().eventTypes(), name -> {
            FalcoConditions.Substituted s = falco.macroCondition(name);
            ParsedCondition p = s == null ? null : ctx.parse(s.text().text());
            return p == null || !p.ok() ? null : p.root();
        });
        for (EffectiveRule r : ctx.snapshot().merged().rules().values()) {
            if (r.condition() == null || !"syscall".equals(r.source())
                    || !ConditionValidator.flag(r, "warn_evttypes", true)) {
                continue;
            }
            FalcoConditions.Substituted s = falco.ruleCondition(r.name());
            if (!ctx.touchesWanted(s.text())) {
                continue;
            }
            ParsedCondition p = ctx.parse(s.text().text());
            BoolExpr root = p.ok() ? p.root() : null;
            if (root == null) {
                continue;
            }
            int codes = sets.codes(root);
            if (codes > EventTypeSets.MAX_CODES) {
                Definition d = conditionOwner(r);
                if (d != null && d.item() instanceof RuleItem item && item.condition() != null) {
                    ctx.sink().add(DiagnosticCode.EVTTYPE_RESTRICTION, d.uri(), item.condition().keySpan(),
                            "evttype.tooMany", r.name(), String.valueOf(codes / 2));
                }
            }
        }
    }

    /** The last entry that set or extended the rule's condition. */
    private static Definition conditionOwner(EffectiveRule r) {
        Definition found = null;
        for (Definition d : r.contributions()) {
            if (d.item() instanceof RuleItem item && item.condition() != null) {
                found = d;
            }
        }
        return found;
    }
}

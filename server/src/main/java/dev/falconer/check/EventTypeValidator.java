package dev.falconer.check;

import dev.falconer.condition.BoolExpr;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.RuleItem;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.FalcoConditions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Falco's LOAD_NO_EVTTYPE (spec §6): a syscall rule whose condition can match more than 100
 * event codes, unless {@code warn_evttypes: false}. Like Falco master, an empty set (a
 * contradiction) is not reported.
 */
final class EventTypeValidator implements Validator {
    @Override
    public void validate(CheckContext ctx) {
        FalcoConditions falco = ctx.snapshot().falco();
        EventTypeSets[] sets = {null};
        for (EffectiveRule r : ctx.candidates().rules()) {
            if (r.condition() == null || !"syscall".equals(r.source()) || !ctx.checksSource(r.source())
                    || ctx.replayed(CheckUnits.Kind.RULE_EVTTYPES, r.name(), r.contributions())) {
                continue;
            }
            FalcoConditions.Substituted s = falco.ruleCondition(r.name());
            List<Object> inputs = List.of(s.text().text());
            if (!ctx.touchesWanted(s.text())) {
                ctx.unreported(CheckUnits.Kind.RULE_EVTTYPES, r.name(), inputs, r.contributions(), Set.of(), s.text());
                continue;
            }
            ctx.unit(CheckUnits.Kind.RULE_EVTTYPES, r.name(), inputs, r.contributions(), Set.of(),
                    s.text(), u -> {
                        if (sets[0] == null) {
                            sets[0] = sets(ctx);
                        }
                        rule(u, r, s, sets[0]);
                    });
        }
    }

    /** Event type sets of the run's snapshot; macro bodies are read through the unit that asks. */
    private static EventTypeSets sets(CheckContext ctx) {
        FalcoConditions falco = ctx.snapshot().falco();
        return new EventTypeSets(ctx.catalog().events().eventTypes(), name -> {
            FalcoConditions.Substituted s = falco.macroCondition(name);
            return s == null ? null : s.text().text();
        }, text -> {
            ParsedCondition p = ctx.parse(text);
            return p.ok() ? p.root() : null;
        }, ctx.eventTypeSets());
    }

    private static void rule(CheckContext ctx, EffectiveRule r, FalcoConditions.Substituted s, EventTypeSets sets) {
        if (!ConditionValidator.flag(r, "warn_evttypes", true)) {
            return;
        }
        ParsedCondition p = ctx.parse(s.text().text());
        BoolExpr root = p.ok() ? p.root() : null;
        if (root == null || namesOtherSourcesField(ctx, root)) {
            return;
        }
        Set<String> macros = new LinkedHashSet<>();
        int codes = sets.codes(root, macros);
        // the count depends on the text of every macro the condition reaches
        boolean undefined = false;
        for (String m : macros) {
            undefined |= ctx.read(WorkspaceRead.of(WorkspaceRead.Kind.MACRO_TEXT, m)) == null;
        }
        // an undefined macro fails the rule first (unknown-macro): a half-typed name is no event type question
        if (codes > EventTypeSets.MAX_CODES && !undefined) {
            Definition d = conditionOwner(r);
            if (d != null && d.item() instanceof RuleItem item && item.condition() != null) {
                ctx.sink().add(DiagnosticCode.EVTTYPE_RESTRICTION, d.uri(), item.condition().keySpan(),
                        "evttype.tooMany", r.name(), String.valueOf(codes / 2));
            }
        }
    }

    /**
     * A field the syscall source lacks ({@code ct.name} in a rule without {@code source:}) fails
     * the rule before Falco counts its event types: advice to restrict {@code evt.type} would
     * point a CloudTrail rule's author the wrong way (QA round 25).
     */
    private static boolean namesOtherSourcesField(CheckContext ctx, BoolExpr root) {
        boolean[] found = {false};
        dev.falconer.condition.AstWalker.walkOutsideLists(root, n -> {
            if (!found[0] && n instanceof dev.falconer.condition.FieldRef f && ctx.catalog()
                    .resolve(dev.falconer.catalog.SourceScope.SYSCALL, f) instanceof dev.falconer.catalog.Resolution.WrongSource) {
                found[0] = true;
            }
        });
        return found[0];
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

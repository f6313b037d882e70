package dev.falconer.check;

import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.EffectiveList;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.MergeProblem;
import dev.falconer.workspace.MergedRules;
import dev.falconer.workspace.SymbolKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the workspace's merge problems (append/override of missing items, override misuse,
 * exception appends, source changes, macro loops, unused macros and lists) into coded diagnostics.
 * Macro references are checked by {@link ConditionValidator} on the text Falco parses, so the
 * workspace's own undefined-macro findings are not repeated here.
 */
final class MergeProblemValidator implements Validator {
    @Override
    public void validate(CheckContext ctx) {
        for (MergeProblem p : ctx.snapshot().problems()) {
            DiagnosticCode code = codeOf(p.kind());
            if (code != null) {
                ctx.sink().add(code, null, falcoCode(p.kind()), p.uri(), narrow(p), messageKey(p),
                        args(p), java.util.List.of());
            }
        }
        usedOnlyBySkippedRules(ctx);
    }

    /**
     * Falco skips a rule of a source it has not loaded, and such a rule marks nothing used (spec
     * §2.12): a macro or list that only skipped rules name is unused to Falco. (Macros are all
     * compiled, so anything a macro or list names stays used.)
     */
    private static void usedOnlyBySkippedRules(CheckContext ctx) {
        if (!ctx.facts().skipsRules(ctx)) {
            return; // the usual workspace: every rule is checked, nothing to look at per macro
        }
        MergedRules merged = ctx.snapshot().merged();
        for (RulesDocument doc : ctx.wantedDocuments()) {
            for (NamedItem item : doc.itemsOf(NamedItem.class)) {
                boolean macro = item.kind() == ItemKind.MACRO;
                if (!macro && item.kind() != ItemKind.LIST || item.name() == null) {
                    continue;
                }
                List<Definition> contributions = macro
                        ? Optional.ofNullable(merged.macros().get(item.name())).map(EffectiveMacro::contributions).orElse(null)
                        : Optional.ofNullable(merged.lists().get(item.name())).map(EffectiveList::contributions).orElse(null);
                Definition owner = contributions == null ? null : Definition.defining(contributions);
                if (owner == null || owner.item() != item) {
                    continue; // reported once, at the entry a reader looks at
                }
                Set<SymbolKey> users = ctx.snapshot().dependencies().usersOf(macro ? SymbolKey.macro(item.name())
                        : SymbolKey.list(item.name()));
                boolean skippedOnly = !users.isEmpty() && users.stream().allMatch(u -> {
                    EffectiveRule rule = u.kind() == ItemKind.RULE ? merged.rules().get(u.name()) : null;
                    return rule != null && !ctx.checksSource(rule.source());
                });
                if (skippedOnly) {
                    ctx.sink().add(macro ? DiagnosticCode.UNUSED_MACRO : DiagnosticCode.UNUSED_LIST, owner.nameLocation(),
                            macro ? "unused.macroSkippedRules" : "unused.listSkippedRules", item.name());
                }
            }
        }
    }

    /** An override key with nothing after it is missing its operation, not giving one named "null" (QA round 18). */
    private static String messageKey(MergeProblem p) {
        boolean empty = p.kind() == MergeProblem.Kind.INVALID_OVERRIDE_OPERATION && p.args().size() > 1
                && p.args().get(1).isEmpty();
        return "merge." + p.kind().name() + (empty ? ".empty" : "");
    }

    /** A loop's cycle (a variable number of names) becomes one argument: {@code a → b → a}. */
    private static java.util.List<String> args(MergeProblem p) {
        if (p.kind() == MergeProblem.Kind.MACRO_REFERENCE_LOOP && !p.args().isEmpty()) {
            return java.util.List.of(p.args().get(0), String.join(" \u2192 ", p.args().subList(1, p.args().size())));
        }
        return p.args();
    }

    /** An exception entry as a whole is not a culprit a reader can spot: point at its name. */
    private static TextSpan narrow(MergeProblem p) {
        if (p.item() instanceof RuleItem r) {
            for (ExceptionSpec spec : r.exceptionSpecs()) {
                if (spec.node().span().equals(p.span()) && spec.name() != null) {
                    return spec.name().span();
                }
            }
        }
        return p.span();
    }

    static DiagnosticCode codeOf(MergeProblem.Kind kind) {
        return switch (kind) {
            case LIST_APPEND_WITHOUT_LIST, MACRO_APPEND_WITHOUT_MACRO, RULE_APPEND_WITHOUT_RULE,
                    RULE_REPLACE_WITHOUT_RULE -> DiagnosticCode.APPEND_MISSING;
            case ENABLE_WITHOUT_RULE -> DiagnosticCode.ENABLED_MISSING;
            case SOURCE_MISMATCH -> DiagnosticCode.SOURCE_MISMATCH;
            case OVERRIDE_WITH_LEGACY_APPEND, OVERRIDE_NOT_A_MAPPING, INVALID_OVERRIDE_OPERATION, KEY_NOT_APPENDABLE,
                    KEY_NOT_REPLACEABLE, OVERRIDE_KEY_NOT_DEFINED, KEY_WITHOUT_OVERRIDE -> DiagnosticCode.OVERRIDE;
            case APPEND_WITHOUT_CONDITION_OR_EXCEPTIONS -> DiagnosticCode.MISSING_KEY;
            case EXCEPTION_APPEND_REDEFINES, EXCEPTION_APPEND_WITHOUT_FIELDS, EXCEPTION_APPEND_WITHOUT_VALUES ->
                    DiagnosticCode.EXCEPTION_APPEND;
            case EXCEPTION_APPEND_NO_VALUES -> DiagnosticCode.EXCEPTION_NO_VALUES;
            case MACRO_REFERENCE_LOOP -> DiagnosticCode.MACRO_LOOP;
            case UNUSED_MACRO -> DiagnosticCode.UNUSED_MACRO;
            case UNUSED_LIST -> DiagnosticCode.UNUSED_LIST;
            case UNDEFINED_MACRO, MACRO_NOT_VISIBLE -> null;
        };
    }

    private static FalcoCode falcoCode(MergeProblem.Kind kind) {
        return kind == MergeProblem.Kind.APPEND_WITHOUT_CONDITION_OR_EXCEPTIONS ? FalcoCode.LOAD_ERR_VALIDATE : null;
    }
}

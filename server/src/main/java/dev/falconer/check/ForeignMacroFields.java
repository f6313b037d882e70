package dev.falconer.check;

import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.condition.AstWalker;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A macro, or a macro it uses, whose fields a plugin rule's source lacks ({@code spawned_process}
 * in a {@code k8s_audit} rule): Falco compiles the expanded condition against the rule's source
 * and refuses the rule. The macro's own lines say which fields fail; the reference in the rule
 * says that this rule is the one refused, where its author is typing (QA round 25: the rule's
 * file showed nothing). Syscall rules are left to the macros' own lines: rules copied from a
 * plugin ruleset are rare, and the official syscall rules reach thousands of macros.
 */
final class ForeignMacroFields {
    /** Fields named in one message; the macro's own lines list every one. */
    private static final int SHOWN = 3;

    private ForeignMacroFields() {
    }

    /** @param skip the rule has {@code skip-if-unknown-filter: true}: Falco warns and skips it (LOAD_UNKNOWN_FILTER) */
    static void check(CheckContext ctx, ConditionValidator.Checked c, EffectiveRule r, boolean skip) {
        if (c.root() == null || !c.text().locatable() || SourceScope.SYSCALL.equals(r.source())
                || !ctx.catalog().isKnownSource(r.source())) {
            return;
        }
        AstWalker.walkOutsideLists(c.root(), node -> {
            if (node instanceof MacroRef ref && ref.span().end() <= c.validBefore()) {
                List<String> foreign = foreignFields(ctx, ref.name(), r.source());
                Location at = foreign.isEmpty() ? null : CheckContext.locate(c.text(), ref.span().start(), ref.span().end());
                if (at != null) {
                    boolean more = foreign.size() > SHOWN;
                    ctx.sink().add(DiagnosticCode.UNKNOWN_FIELD, skip ? Severity.WARNING : Severity.ERROR,
                            skip ? FalcoCode.LOAD_UNKNOWN_FILTER : null, at.uri(), at.span(),
                            "macro.foreignFields" + (more ? ".more" : "") + (skip ? ".skip" : ""),
                            List.of(ref.name(), String.join(", ", foreign.subList(0, Math.min(SHOWN, foreign.size()))),
                                    r.source()), List.of(), List.of());
                }
            }
        });
    }

    /** The fields of other sources that {@code macro} and the macros it uses name, up to one past {@link #SHOWN}. */
    private static List<String> foreignFields(CheckContext ctx, String macro, String source) {
        List<String> foreign = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(macro));
        while (!todo.isEmpty() && foreign.size() <= SHOWN) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            String text = ctx.read(WorkspaceRead.of(WorkspaceRead.Kind.MACRO_TEXT, name)); // a change re-checks
            ParsedCondition p = text == null ? null : ctx.parse(text);
            if (p == null || !p.ok()) {
                continue; // undefined or broken: reported where it is
            }
            AstWalker.walkOutsideLists(p.root(), n -> {
                if (n instanceof FieldRef f && !foreign.contains(f.name()) && foreign.size() <= SHOWN
                        && ctx.catalog().resolve(source, f) instanceof Resolution.WrongSource) {
                    foreign.add(f.name());
                } else if (n instanceof MacroRef inner) {
                    todo.push(inner.name());
                }
            });
        }
        return foreign;
    }
}

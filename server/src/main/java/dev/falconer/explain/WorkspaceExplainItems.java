package dev.falconer.explain;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.DocComment;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.EffectiveException;
import dev.falconer.workspace.EffectiveList;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.MergedRules;
import dev.falconer.workspace.SourcedText;
import dev.falconer.workspace.SourcedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspace's merged rules as the explainer sees them: rules and macros after every append
 * and override, with the comment above their defining entry, and the macros and lists a
 * condition can name. One instance per merged state; parsed conditions are kept for its life.
 */
public final class WorkspaceExplainItems implements ExplainSymbols {

    private final MergedRules merged;
    private final Map<String, MacroDoc> macros = new ConcurrentHashMap<>();
    private final Function<String, ParsedCondition> parser;

    public WorkspaceExplainItems(MergedRules merged) {
        this(merged, ConditionParser::parse);
    }

    /** {@code parser}: the workspace's parse cache, which has most conditions parsed already. */
    public WorkspaceExplainItems(MergedRules merged, Function<String, ParsedCondition> parser) {
        this.merged = merged;
        this.parser = parser;
    }

    /** The effective rule of this name, ready to explain. */
    public Optional<RuleDoc> rule(String name) {
        EffectiveRule r = merged.rules().get(name);
        if (r == null || r.condition() == null) {
            return Optional.empty();
        }
        return Optional.of(new RuleDoc(r.name(), parse(r.condition()), text(r.desc()), text(r.output()),
                r.priority() == null ? null : r.priority().scalar().value(), r.source(),
                r.exceptions().stream().map(WorkspaceExplainItems::exception).toList(), comment(r.contributions()),
                r.enabled(), r.tags().stream().sorted().toList()));
    }

    @Override
    public Optional<MacroDoc> macro(String name) {
        MacroDoc cached = macros.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        EffectiveMacro m = merged.macros().get(name);
        if (m == null || m.condition() == null) {
            return Optional.empty();
        }
        MacroDoc doc = new MacroDoc(m.name(), parse(m.condition()), comment(m.contributions()));
        macros.put(name, doc);
        return Optional.of(doc);
    }

    @Override
    public boolean macroVisibleFrom(String name, String referrer) {
        EffectiveMacro target = merged.macros().get(name);
        EffectiveMacro from = merged.macros().get(referrer);
        return target == null || from == null || target.index() < from.visibility(); // as the check's MacroRefs
    }

    @Override
    public Optional<List<String>> list(String name) {
        EffectiveList l = merged.lists().get(name);
        return l == null ? Optional.empty()
                : Optional.of(l.items().stream().map(SourcedValue::text).filter(Objects::nonNull).toList());
    }

    private ParsedCondition parse(SourcedText condition) {
        return parser.apply(condition.text().strip());
    }

    private static String text(SourcedText t) {
        return t == null ? null : t.text();
    }

    /** The comment above the entry that defined the item (its author's documentation). */
    private static String comment(List<Definition> contributions) {
        for (Definition d : contributions) {
            if (d.role() == Definition.Role.DEFINE || d.role() == Definition.Role.OVERRIDE) {
                DocComment c = d.item().frame().comment();
                return c == null ? null : c.text();
            }
        }
        return null;
    }

    /** Falco's two forms, normalised: the scalar form is one tuple holding the whole value list. */
    private static ExceptionDoc exception(EffectiveException e) {
        SourcedValue fields = e.fields();
        SourcedValue comps = e.comps();
        if (fields == null) {
            return new ExceptionDoc(e.name(), List.of(), List.of(), List.of());
        }
        if (!fields.isList()) {
            List<String> values = new ArrayList<>();
            for (SourcedValue v : e.values()) {
                if (v.isList()) {
                    v.items().forEach(i -> values.add(i.text()));
                } else {
                    values.add(v.text());
                }
            }
            return new ExceptionDoc(e.name(), List.of(fields.text()), List.of(comps == null ? "in" : comps.text()),
                    values.isEmpty() ? List.of() : List.of(List.of(ExceptionDoc.Element.list(values))));
        }
        List<String> names = fields.items().stream().map(SourcedValue::text).toList();
        List<String> ops = comps != null && comps.isList() ? comps.items().stream().map(SourcedValue::text).toList()
                : names.stream().map(n -> "=").toList();
        List<List<ExceptionDoc.Element>> tuples = new ArrayList<>();
        for (SourcedValue tuple : e.values()) {
            List<SourcedValue> elements = tuple.isList() ? tuple.items() : List.of(tuple);
            tuples.add(elements.stream().map(v -> v.isList()
                    ? ExceptionDoc.Element.list(v.items().stream().map(SourcedValue::text).toList())
                    : ExceptionDoc.Element.single(v.text())).toList());
        }
        return new ExceptionDoc(e.name(), names, ops, tuples);
    }
}

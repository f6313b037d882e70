package dev.falconer.workspace;

import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import dev.falconer.workspace.MergeProblem.Kind;
import dev.falconer.workspace.SymbolReference.Site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one name (a list, macro or rule with all its entries) contributes to a snapshot besides
 * the merge: the references written in its entries, what it uses, and the name problems of its
 * condition. It reads only its own entries and the set of defined names (with macro indexes), so
 * after an edit that keeps every entry's role, only the names of edited entries are recomputed.
 * Per-definition lists are aligned with {@code definitions} (the name's entries in load order).
 */
record NameUnit(SymbolKey key, List<Definition> definitions, Supplier<References> references,
                Set<SymbolKey> uses, Set<String> files, List<MergeProblem> nameProblems, Set<String> usedMacros,
                Set<String> macroEdges, Set<String> usedLists) {

    /** The references written in the name's entries, in the order of the four passes over the workspace. */
    record References(List<SymbolReference> conditionRefs, List<List<SymbolReference>> supersededRefs,
                      List<List<SymbolReference>> valueRefs, List<SymbolReference> redefinitionRefs) {
    }

    /**
     * The unit of a name whose entries only moved (same texts, same roles) since {@code before}:
     * what it uses and its problems are the same (it has none, or the caller would not ask); its
     * references are computed again, with the new places, when first needed.
     */
    static NameUnit moved(NameUnit before, List<Definition> definitions, MergedRules merged, FalcoConditions falco,
                          Function<SourcedText, List<ConditionNames.Name>> written) {
        Function<SourcedText, List<ConditionNames.Name>> names = asFalcoReads(written, merged);
        // captures nothing of the earlier snapshot (not even {@code before}), which must not be kept alive by this one
        SymbolKey key = before.key();
        Supplier<References> refs = lazily(() -> {
            SourcedText condition = conditionOf(key, merged);
            return unplaced(key, definitions, merged, names, new HashSet<>(),
                    condition == null ? NamesIn.NONE : NamesIn.of(condition, merged, names)).place();
        });
        return new NameUnit(key, List.copyOf(definitions), refs, before.uses(), before.files(),
                before.nameProblems(), before.usedMacros(), before.macroEdges(), before.usedLists());
    }

    /**
     * The unit of a name. Its references are located (through the conditions' source maps) when
     * first asked for: the diagnostics need only what it uses and its problems, and most snapshots
     * (one per keystroke, and the first reading of the workspace) are never asked.
     */
    static NameUnit of(SymbolKey key, List<Definition> definitions, MergedRules merged, FalcoConditions falco,
                       Function<SourcedText, List<ConditionNames.Name>> written) {
        Function<SourcedText, List<ConditionNames.Name>> names = asFalcoReads(written, merged);
        Set<SymbolKey> uses = new LinkedHashSet<>();
        List<MergeProblem> problems = new ArrayList<>();
        Set<String> usedMacros = new LinkedHashSet<>();
        Set<String> edges = new LinkedHashSet<>();
        Set<String> usedLists = Set.of();
        // the names of defined macros and lists, which the references are placed from later
        List<ConditionNames.Name> referenced = new ArrayList<>();
        EffectiveMacro m = key.kind() == ItemKind.MACRO ? merged.macros().get(key.name()) : null;
        EffectiveRule r = key.kind() == ItemKind.RULE ? merged.rules().get(key.name()) : null;
        if (m != null) {
            for (ConditionNames.Name n : names.apply(m.condition())) {
                if (n.kind() == ItemKind.MACRO) {
                    uses.add(SymbolKey.macro(n.name()));
                    EffectiveMacro target = merged.macros().get(n.name());
                    if (target == null) {
                        problem(problems, Kind.UNDEFINED_MACRO, m.contributions(), locate(m.condition(), n), n.name());
                        continue;
                    }
                    referenced.add(n); // even when not visible from this macro (a problem, located there)
                    if (target.index() >= m.visibility()) {
                        problem(problems, Kind.MACRO_NOT_VISIBLE, m.contributions(), locate(m.condition(), n), n.name(),
                                target.contributions().get(0).uri());
                    } else {
                        usedMacros.add(n.name());
                        edges.add(n.name());
                    }
                } else if (merged.lists().containsKey(n.name())) {
                    uses.add(SymbolKey.list(n.name()));
                    referenced.add(n);
                }
            }
            usedLists = falco.macroCondition(key.name()).usedLists();
        } else if (r != null && r.condition() != null) {
            for (ConditionNames.Name n : names.apply(r.condition())) {
                if (n.kind() == ItemKind.MACRO) {
                    uses.add(SymbolKey.macro(n.name()));
                    if (merged.macros().containsKey(n.name())) {
                        usedMacros.add(n.name());
                        referenced.add(n);
                    } else {
                        problem(problems, Kind.UNDEFINED_MACRO, r.contributions(), locate(r.condition(), n), n.name());
                    }
                } else if (merged.lists().containsKey(n.name())) {
                    uses.add(SymbolKey.list(n.name()));
                    referenced.add(n);
                }
            }
            usedLists = falco.ruleCondition(key.name()).usedLists();
        }
        Set<String> files = new LinkedHashSet<>();
        for (Definition d : definitions) {
            files.add(d.uri());
        }
        List<Definition> defs = List.copyOf(definitions);
        // the condition's names as found above, not walked again
        Unplaced refs = unplaced(key, defs, merged, names, uses, referenced.isEmpty() ? NamesIn.NONE
                : new NamesIn(m != null ? m.condition() : r.condition(), List.copyOf(referenced)));
        for (String l : usedLists) {
            uses.add(SymbolKey.list(l));
        }
        return new NameUnit(key, defs, lazily(refs::place), Set.copyOf(uses), Set.copyOf(files),
                List.copyOf(problems), Set.copyOf(usedMacros), java.util.Collections.unmodifiableSet(edges),
                Set.copyOf(usedLists));
    }

    /**
     * The references written in a name's entries, found but not yet placed in their files. It holds
     * only texts of this name's entries: a unit kept by later snapshots must not keep the merged
     * collection of the one that made it.
     */
    private record Unplaced(SymbolKey key, NamesIn condition, List<NamesIn> superseded,
                            List<List<SymbolReference>> values, List<SymbolReference> redefinitions) {
        References place() {
            List<List<SymbolReference>> placed = new ArrayList<>();
            for (NamesIn s : superseded) {
                placed.add(s.place(key));
            }
            return new References(condition.place(key), List.copyOf(placed), values, redefinitions);
        }
    }

    /** The names {@code written} finds in a text, as Falco resolves them (see {@link #listsFirst}). */
    private static Function<SourcedText, List<ConditionNames.Name>> asFalcoReads(
            Function<SourcedText, List<ConditionNames.Name>> written, MergedRules merged) {
        return text -> listsFirst(written.apply(text), merged);
    }

    /**
     * {@code names} with a macro reference that a defined list also has the name of read as that
     * list: Falco pastes lists into the text before it looks for macros (QA: with a macro and a list
     * both named {@code dual}, a rule's {@code dual} was the macro's reference, and renaming the
     * macro changed the rule).
     */
    private static List<ConditionNames.Name> listsFirst(List<ConditionNames.Name> names, MergedRules merged) {
        List<ConditionNames.Name> out = null;
        for (int i = 0; i < names.size(); i++) {
            ConditionNames.Name n = names.get(i);
            if (n.kind() == ItemKind.MACRO && merged.lists().containsKey(n.name())) {
                out = out != null ? out : new ArrayList<>(names);
                out.set(i, new ConditionNames.Name(ItemKind.LIST, n.name(), n.span()));
            }
        }
        return out == null ? names : out;
    }

    /** The names of defined lists and macros written in one text. */
    private record NamesIn(SourcedText text, List<ConditionNames.Name> names) {
        static final NamesIn NONE = new NamesIn(null, List.of());

        static NamesIn of(SourcedText text, MergedRules merged, Function<SourcedText, List<ConditionNames.Name>> names) {
            List<ConditionNames.Name> defined = new ArrayList<>();
            for (ConditionNames.Name n : names.apply(text)) {
                if (n.kind() == ItemKind.MACRO ? merged.macros().containsKey(n.name()) : merged.lists().containsKey(n.name())) {
                    defined.add(n);
                }
            }
            return defined.isEmpty() ? NONE : new NamesIn(text, List.copyOf(defined));
        }

        List<SymbolReference> place(SymbolKey from) {
            List<SymbolReference> refs = new ArrayList<>();
            for (ConditionNames.Name n : names) {
                addRef(refs, new SymbolKey(n.kind(), n.name()), locate(text, n), from);
            }
            return List.copyOf(refs);
        }
    }

    /** Also adds the lists named among list items and exception values to {@code uses}. */
    private static Unplaced unplaced(SymbolKey key, List<Definition> definitions, MergedRules merged,
                                     Function<SourcedText, List<ConditionNames.Name>> names, Set<SymbolKey> uses,
                                     NamesIn inCondition) {
        SourcedText condition = conditionOf(key, merged);
        Set<ScalarOrigin> effective = condition == null ? Set.of() : new HashSet<>(condition.origins());
        List<NamesIn> superseded = new ArrayList<>();
        List<List<SymbolReference>> values = new ArrayList<>();
        List<SymbolReference> redefinitions = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            Definition d = definitions.get(i);
            superseded.add(superseded(d, effective, merged, names));
            values.add(valueRefs(d, merged, uses));
            if (i > 0) {
                redefinitions.add(new SymbolReference(d.key(), d.nameLocation(), Site.REDEFINITION, null));
            }
        }
        return new Unplaced(key, inCondition, List.copyOf(superseded), List.copyOf(values),
                List.copyOf(redefinitions));
    }

    /** The effective condition of a macro or rule, {@code null} for a list or a rule without one. */
    private static SourcedText conditionOf(SymbolKey key, MergedRules merged) {
        EffectiveMacro m = key.kind() == ItemKind.MACRO ? merged.macros().get(key.name()) : null;
        EffectiveRule r = key.kind() == ItemKind.RULE ? merged.rules().get(key.name()) : null;
        return m != null ? m.condition() : r != null ? r.condition() : null;
    }

    private static Location locate(SourcedText text, ConditionNames.Name n) {
        return text.locateFirst(n.span().start(), n.span().end());
    }

    /** {@code compute} run once, when first asked for (by any thread); it is not kept afterwards. */
    private static <T> Supplier<T> lazily(Supplier<T> compute) {
        return new Supplier<>() {
            private Supplier<T> pending = compute;
            private T done;

            @Override
            public synchronized T get() {
                if (pending != null) {
                    done = pending.get();
                    pending = null;
                }
                return done;
            }
        };
    }

    private static void addRef(List<SymbolReference> refs, SymbolKey target, Location loc, SymbolKey from) {
        if (loc != null) {
            refs.add(new SymbolReference(target, loc, Site.CONDITION, from));
        }
    }

    /** A condition no longer part of the effective text (replaced later) still shows its references. */
    private static NamesIn superseded(Definition d, Set<ScalarOrigin> effective, MergedRules merged,
                                      Function<SourcedText, List<ConditionNames.Name>> names) {
        YamlScalar cond = d.item() instanceof MacroItem m && m.condition() != null ? m.condition().scalar()
                : d.item() instanceof RuleItem r && r.condition() != null ? r.condition().scalar() : null;
        if (cond == null) {
            return NamesIn.NONE;
        }
        ScalarOrigin origin = new ScalarOrigin(d.uri(), cond);
        return effective.contains(origin) ? NamesIn.NONE : NamesIn.of(SourcedText.of(origin), merged, names);
    }

    /** List names among a list's items or a rule's exception values. */
    private static List<SymbolReference> valueRefs(Definition d, MergedRules merged, Set<SymbolKey> uses) {
        List<SymbolReference> refs = new ArrayList<>();
        if (d.item() instanceof ListItem l) {
            for (YamlScalar s : l.itemScalars()) {
                if (merged.lists().containsKey(s.value()) && !s.value().equals(l.name())) {
                    refs.add(new SymbolReference(SymbolKey.list(s.value()), new Location(d.uri(), s.span()),
                            Site.LIST_ITEM, d.key()));
                    uses.add(SymbolKey.list(s.value()));
                }
            }
        } else if (d.item() instanceof RuleItem r) {
            for (ExceptionSpec spec : r.exceptionSpecs()) {
                if (spec.values() == null) {
                    continue;
                }
                List<YamlScalar> scalars = new ArrayList<>();
                flatten(spec.values().value(), scalars);
                for (YamlScalar s : scalars) {
                    if (merged.lists().containsKey(s.value())) {
                        refs.add(new SymbolReference(SymbolKey.list(s.value()), new Location(d.uri(), s.span()),
                                Site.EXCEPTION_VALUE, d.key()));
                        uses.add(SymbolKey.list(s.value()));
                    } else {
                        namesInQuotedValue(d, s, merged, refs, uses);
                    }
                }
            }
        }
        return refs.isEmpty() ? List.of() : List.copyOf(refs);
    }

    /**
     * The lists named inside an exception value that Falco writes into the condition as a quoted
     * string (one with a blank): it substitutes them there too (QA: references and rename left out
     * {@code shells} in {@code [a shells b]}, which the check reports as {@code list-in-string}).
     */
    private static void namesInQuotedValue(Definition d, YamlScalar s, MergedRules merged, List<SymbolReference> refs,
                                           Set<SymbolKey> uses) {
        String content = s.value() == null ? null : ListSubstitution.quotedContent(s.value());
        if (content == null) {
            return;
        }
        int base = content.length() == s.value().length() ? 0 : 1; // inside the value's own quotes
        SourcedText text = null;
        for (int[] word : ListSubstitution.setOffWords(content)) {
            String name = content.substring(word[0], word[1]);
            if (!merged.lists().containsKey(name)) {
                continue;
            }
            text = text != null ? text : SourcedText.of(new ScalarOrigin(d.uri(), s));
            Location at = text.locateFirst(base + word[0], base + word[1]);
            if (at != null) {
                refs.add(new SymbolReference(SymbolKey.list(name), at, Site.EXCEPTION_VALUE, d.key()));
                uses.add(SymbolKey.list(name));
            }
        }
    }

    private static void flatten(YamlValue v, List<YamlScalar> out) {
        if (v instanceof YamlScalar s) {
            out.add(s);
        } else if (v instanceof YamlSequence seq) {
            seq.items().forEach(i -> flatten(i, out));
        }
    }

    /** A name problem located at {@code loc}, or at the name of the item's defining entry. */
    static void problem(List<MergeProblem> problems, Kind kind, List<Definition> contributions, Location loc,
                        String... args) {
        Definition owner = Definition.defining(contributions);
        if (owner == null) {
            return;
        }
        if (loc != null) {
            // the entry whose text holds the problem, e.g. an append in another file
            for (Definition d : contributions) {
                if (d.uri().equals(loc.uri()) && d.item().span().contains(loc.span().start())) {
                    owner = d;
                }
            }
        }
        Location at = loc != null ? loc : owner.nameLocation();
        NamedItem item = owner.item();
        problems.add(new MergeProblem(kind, at.uri(), item, at.span(), List.of(args)));
    }

}

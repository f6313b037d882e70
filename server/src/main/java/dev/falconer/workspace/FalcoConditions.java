package dev.falconer.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The condition texts Falco actually parses (spec §1.1, §2.12): lists compiled with one level of
 * list-in-list expansion, exceptions expanded into rule conditions, then every list substituted
 * as text in collection order. Diagnostics use these to reproduce Falco exactly; each result
 * keeps provenance. Results are computed on first use and cached.
 */
public final class FalcoConditions {
    private final MergedRules merged;
    private final Map<String, List<SourcedText>> compiledLists = new java.util.LinkedHashMap<>();
    private final Set<String> usedByLists = new LinkedHashSet<>();
    private final Map<String, Substituted> macroTexts = new ConcurrentHashMap<>();
    private final Map<String, Substituted> ruleTexts = new ConcurrentHashMap<>();
    private final SubstitutionMemo memo;
    private final SubstitutionMemo.Rebaser rebaser;

    /** A condition after substitution, and the lists that were substituted into it. */
    public record Substituted(SourcedText text, Set<String> usedLists) {
        public Substituted {
            usedLists = Set.copyOf(usedLists);
        }
    }

    public FalcoConditions(MergedRules merged) {
        this(merged, null);
    }

    /** With {@code memo}, substitutions made for earlier snapshots are reused when the lists read the same. */
    FalcoConditions(MergedRules merged, SubstitutionMemo memo) {
        this.merged = merged;
        this.memo = memo;
        for (EffectiveList list : merged.lists().values()) {
            List<SourcedText> items = new ArrayList<>();
            for (SourcedValue item : list.items()) {
                EffectiveList ref = item.text() == null ? null : merged.lists().get(item.text());
                if (ref != null && ref.index() < list.visibility()) {
                    usedByLists.add(ref.name());
                    for (SourcedValue v : ref.items()) {
                        items.add(quoted(v));
                    }
                } else {
                    items.add(quoted(item));
                }
            }
            compiledLists.put(list.name(), List.copyOf(items));
        }
        this.rebaser = new SubstitutionMemo.Rebaser(compiledLists);
        if (memo != null) {
            memo.lists(compiledLists);
        }
    }

    private static SourcedText quoted(SourcedValue v) {
        String text = v.text() == null ? "" : v.text();
        String q = ListSubstitution.quoteItem(text);
        if (q.equals(text)) {
            return v.sourced();
        }
        return SourcedText.concat(SourcedText.synthetic("\""), v.sourced(), SourcedText.synthetic("\""));
    }

    /** A list's items as Falco writes them into conditions (expanded one level, quoted). */
    public List<SourcedText> compiledItems(String list) {
        return compiledLists.getOrDefault(list, List.of());
    }

    /** Lists referenced by the items of other lists (Falco counts them as used). */
    public Set<String> listsUsedByLists() {
        return Collections.unmodifiableSet(usedByLists);
    }

    /** Substitutes every list, in collection order, into {@code text}. */
    public Substituted substitute(SourcedText text) {
        if (memo == null) {
            return substituteAll(text);
        }
        Substituted known = memo.find(text, compiledLists, rebaser);
        if (known != null) {
            return known;
        }
        Substituted fresh = substituteAll(text);
        memo.remember(text, fresh, compiledLists);
        return fresh;
    }

    private Substituted substituteAll(SourcedText text) {
        SourcedText current = text;
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, List<SourcedText>> e : compiledLists.entrySet()) {
            if (current.text().contains(e.getKey())) {
                ListSubstitution.Result r = ListSubstitution.resolve(current, e.getKey(), e.getValue());
                current = r.text();
                if (r.used()) {
                    used.add(e.getKey());
                }
            }
        }
        return new Substituted(current, used);
    }

    /** The text Falco parses for a macro, or {@code null} for an unknown macro. */
    public Substituted macroCondition(String name) {
        EffectiveMacro m = merged.macros().get(name);
        if (m == null) {
            return null;
        }
        return macroTexts.computeIfAbsent(name, n -> substitute(m.condition()));
    }

    /** The text Falco parses for a rule (exceptions expanded, lists substituted), or {@code null}. */
    public Substituted ruleCondition(String name) {
        EffectiveRule r = merged.rules().get(name);
        if (r == null || r.condition() == null) {
            return null;
        }
        return ruleTexts.computeIfAbsent(name, n -> substitute(ExceptionExpansion.expand(r.condition(), r.exceptions())));
    }

    /** Every list Falco would mark used: substituted into a macro or rule, or referenced by a list. */
    public Set<String> usedLists() {
        Set<String> used = new LinkedHashSet<>(usedByLists);
        for (String m : merged.macros().keySet()) {
            used.addAll(macroCondition(m).usedLists());
        }
        for (String r : merged.rules().keySet()) {
            Substituted s = ruleCondition(r);
            if (s != null) {
                used.addAll(s.usedLists());
            }
        }
        return used;
    }

    /** For each macro and rule, the lists substituted into its text (dependency edges). */
    public Map<SymbolKey, Set<String>> listUsage() {
        Map<SymbolKey, Set<String>> out = new HashMap<>();
        for (String m : merged.macros().keySet()) {
            out.put(SymbolKey.macro(m), macroCondition(m).usedLists());
        }
        for (String r : merged.rules().keySet()) {
            Substituted s = ruleCondition(r);
            out.put(SymbolKey.rule(r), s == null ? Set.of() : s.usedLists());
        }
        return out;
    }
}

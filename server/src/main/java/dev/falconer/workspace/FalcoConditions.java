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
    private final Map<String, List<SourcedText>> compiledLists;
    private final Set<String> usedByLists;
    /** Built on first substitution; the same lists in the same order share it across snapshots. */
    private volatile ListOrder order;
    /** For each list, the lists whose compiled items include its items. */
    private final Map<String, Set<String>> expandedInto;
    private final Map<String, Substituted> macroTexts = new ConcurrentHashMap<>();
    private final Map<String, Substituted> ruleTexts = new ConcurrentHashMap<>();
    private final SubstitutionMemo memo;
    private final SubstitutionMemo.Rebaser rebaser;
    /** Results of the previous snapshot (same lists), valid for the macros and rules not in {@code changed}. */
    private final Map<String, Substituted> priorMacroTexts;
    private final Map<String, Substituted> priorRuleTexts;
    private final Set<String> changedMacros;
    private final Set<String> changedRules;

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
        this.compiledLists = new java.util.LinkedHashMap<>();
        this.usedByLists = new LinkedHashSet<>();
        this.priorMacroTexts = Map.of();
        this.priorRuleTexts = Map.of();
        this.changedMacros = Set.of();
        this.changedRules = Set.of();
        this.expandedInto = new HashMap<>();
        for (EffectiveList list : merged.lists().values()) {
            compiledLists.put(list.name(), compile(list, merged, (ref, into) -> {
                usedByLists.add(ref);
                expandedInto.computeIfAbsent(ref, k -> new LinkedHashSet<>()).add(into);
            }));
        }
        this.rebaser = new SubstitutionMemo.Rebaser(compiledLists);
        if (memo != null) {
            memo.lists(compiledLists);
        }
    }

    /** A list's items as Falco compiles them, telling {@code expanded} (list, into) of each list expanded. */
    private static List<SourcedText> compile(EffectiveList list, MergedRules merged,
                                             java.util.function.BiConsumer<String, String> expanded) {
        List<SourcedText> items = new ArrayList<>();
        for (SourcedValue item : list.items()) {
            EffectiveList ref = item.text() == null ? null : merged.lists().get(item.text());
            if (ref != null && ref.index() < list.visibility()) {
                expanded.accept(ref.name(), list.name());
                for (SourcedValue v : ref.items()) {
                    items.add(quoted(v));
                }
            } else {
                items.add(quoted(item));
            }
        }
        return List.copyOf(items);
    }

    /** {@code lists} and the lists whose compiled items include theirs: what an edit of them recompiles. */
    Set<String> compiledWith(Set<String> lists) {
        Set<String> out = new LinkedHashSet<>(lists);
        lists.forEach(l -> out.addAll(expandedInto.getOrDefault(l, Set.of())));
        return out;
    }

    /**
     * The conditions of {@code merged}, which differs from {@code previous}'s only in the macros and
     * rules named in {@code changedMacros} and {@code changedRules} (whose texts are substituted
     * again) and in the places, not the texts, of the items of {@code movedLists} (recompiled, see
     * {@link #compiledWith}; the caller counts their users as changed). Everything else is taken over.
     * The two sets are kept as given: the caller must not change them afterwards.
     */
    FalcoConditions(MergedRules merged, FalcoConditions previous, Set<String> movedLists, Set<String> changedMacros,
                    Set<String> changedRules) {
        this.merged = merged;
        this.memo = previous.memo;
        this.usedByLists = previous.usedByLists;
        this.expandedInto = previous.expandedInto;
        this.order = previous.order;
        if (movedLists.isEmpty()) {
            this.compiledLists = previous.compiledLists;
            this.rebaser = previous.rebaser;
        } else {
            Map<String, List<SourcedText>> recompiled = new HashMap<>();
            for (String l : movedLists) {
                recompiled.put(l, compile(merged.lists().get(l), merged, (ref, into) -> { }));
            }
            this.compiledLists = PatchedMap.patch(previous.compiledLists, recompiled);
            this.rebaser = new SubstitutionMemo.Rebaser(compiledLists);
        }
        this.priorMacroTexts = previous.macroTexts;
        this.priorRuleTexts = previous.ruleTexts;
        // handed over by the caller (a copy per keystroke went through a second hash set)
        this.changedMacros = Collections.unmodifiableSet(changedMacros);
        this.changedRules = Collections.unmodifiableSet(changedRules);
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

    /**
     * Falco tries every list in collection order; only a list whose name stands between
     * delimiters can change the text, so only those are tried: the names among the text's
     * words, then among the words each substitution brings in (if later in the order), and
     * always the rare names that themselves hold a delimiter. Same result, without a pass over
     * every list of a large workspace for each condition.
     */
    private Substituted substituteAll(SourcedText text) {
        ListOrder o = order();
        java.util.TreeSet<Integer> todo = new java.util.TreeSet<>();
        for (int i : o.odd()) {
            todo.add(i);
        }
        o.candidates(text.text(), -1, todo);
        Map<String, List<SourcedText>> apart = apart(o, todo);
        if (apart != null) {
            ListSubstitution.Several all = ListSubstitution.resolveAll(text, apart);
            Set<String> used = new LinkedHashSet<>();
            for (int at : todo) {
                String name = o.names().get(at);
                if (all.used().contains(name)) {
                    used.add(name);
                }
            }
            return new Substituted(all.text(), used);
        }
        SourcedText current = text;
        Set<String> used = new LinkedHashSet<>();
        for (Integer at = todo.pollFirst(); at != null; at = todo.pollFirst()) {
            String name = o.names().get(at);
            if (current.text().contains(name)) {
                List<SourcedText> items = compiledLists.get(name);
                ListSubstitution.Result r = ListSubstitution.resolve(current, name, items);
                current = r.text();
                if (r.used()) {
                    used.add(name);
                    o.candidatesInItems(items, at, todo);
                }
            }
        }
        return new Substituted(current, used);
    }

    /**
     * The lists at {@code todo} by name, when one pass may substitute them all (see
     * {@link ListSubstitution#resolveAll}): no name holds a delimiter, no list is empty, and no
     * items name a later list, which Falco would substitute in its turn. Otherwise {@code null}.
     */
    private Map<String, List<SourcedText>> apart(ListOrder o, java.util.TreeSet<Integer> todo) {
        if (o.odd().length > 0 || todo.size() < 2) {
            return null;
        }
        Map<String, List<SourcedText>> lists = new HashMap<>();
        java.util.TreeSet<Integer> brought = new java.util.TreeSet<>();
        for (int at : todo) {
            String name = o.names().get(at);
            List<SourcedText> items = compiledLists.get(name);
            if (items == null || items.isEmpty()) {
                return null;
            }
            for (SourcedText item : items) {
                o.candidates(item.text(), at, brought);
                if (!brought.isEmpty()) {
                    return null;
                }
            }
            lists.put(name, items);
        }
        return lists;
    }

    /** The lists in collection order, by name, and those whose names hold a delimiter. */
    /**
     * @param named for compiled item lists (by identity), the positions of the lists their items
     *              name: a threat feed of 100,000 items was read word by word for list names at
     *              every keystroke in a rule using it. Kept per order, as the positions are its.
     */
    private record ListOrder(List<String> names, Map<String, Integer> position, int[] odd,
                             Map<List<SourcedText>, int[]> named) {
        /** Item lists whose names are kept at most; then they are worked out again. */
        private static final int NAMED_KEPT = 64;

        static ListOrder of(Set<String> lists) {
            List<String> names = List.copyOf(lists);
            Map<String, Integer> position = new HashMap<>();
            List<Integer> odd = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                position.put(names.get(i), i);
                if (ListSubstitution.hasDelimiter(names.get(i))) {
                    odd.add(i);
                }
            }
            return new ListOrder(names, position, odd.stream().mapToInt(Integer::intValue).toArray(),
                    new java.util.IdentityHashMap<>());
        }

        /** Adds the lists after {@code after} whose names are words of one of {@code items}. */
        void candidatesInItems(List<SourcedText> items, int after, java.util.TreeSet<Integer> todo) {
            int[] found;
            synchronized (named) {
                found = named.get(items);
            }
            if (found == null) {
                java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
                for (SourcedText item : items) {
                    candidates(item.text(), -1, all);
                }
                found = all.stream().mapToInt(Integer::intValue).toArray();
                synchronized (named) {
                    if (named.size() >= NAMED_KEPT) {
                        named.clear();
                    }
                    named.put(items, found);
                }
            }
            for (int p : found) {
                if (p > after) {
                    todo.add(p);
                }
            }
        }

        /** Adds the lists after {@code after} whose names are words of {@code text}. */
        void candidates(String text, int after, java.util.TreeSet<Integer> todo) {
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || ListSubstitution.isDelimiter(text.charAt(i))) {
                    if (i > start) {
                        Integer p = position.get(text.substring(start, i));
                        if (p != null && p > after) {
                            todo.add(p);
                        }
                    }
                    start = i + 1;
                }
            }
        }
    }

    private ListOrder order() {
        ListOrder o = order;
        if (o == null) {
            o = ListOrder.of(compiledLists.keySet());
            order = o;
        }
        return o;
    }

    /** The text Falco parses for a macro, or {@code null} for an unknown macro. */
    public Substituted macroCondition(String name) {
        EffectiveMacro m = merged.macros().get(name);
        if (m == null) {
            return null;
        }
        return macroTexts.computeIfAbsent(name, n -> {
            Substituted prior = changedMacros.contains(n) ? null : priorMacroTexts.get(n);
            return prior != null ? prior : substitute(m.condition());
        });
    }

    /** The text Falco parses for a rule (exceptions expanded, lists substituted), or {@code null}. */
    public Substituted ruleCondition(String name) {
        EffectiveRule r = merged.rules().get(name);
        if (r == null || r.condition() == null) {
            return null;
        }
        return ruleTexts.computeIfAbsent(name, n -> {
            Substituted prior = changedRules.contains(n) ? null : priorRuleTexts.get(n);
            return prior != null ? prior : substitute(ExceptionExpansion.expand(r.condition(), r.exceptions()));
        });
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

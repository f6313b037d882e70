package dev.falconer.check;

import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The event sources of the rules that use one macro, directly or through other macros (a
 * macro's fields are checked once per source), in rule order. Found from the macro's users in
 * the dependency graph, so it costs what the macro's users cost, not what the workspace holds.
 * One per snapshot: what a macro's users reach is worked out once and shared by the macros it
 * uses (asked of every macro of a chain, each walking the whole chain above it, 8,000 chained
 * macros took 13 s).
 */
final class MacroSources {
    private final WorkspaceSnapshot snapshot;
    /** Per macro whose users form no loop: per source, the first index of a rule of it reaching the macro. */
    private final Map<String, Map<String, Integer>> firstRules = new ConcurrentHashMap<>();

    MacroSources(WorkspaceSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** @param checksSource whether rules of a source are checked at all (known and configured) */
    List<String> of(String macro, Predicate<String> checksSource) {
        Map<String, Integer> first = firstRules.get(macro);
        if (first == null) {
            first = walk(macro);
        }
        if (first == null) {
            return snapshot.sourcesOfRulesUsing(macro, checksSource); // the macro's users loop
        }
        List<Map.Entry<String, Integer>> found = new ArrayList<>(first.entrySet());
        found.sort(Map.Entry.comparingByValue());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : found) {
            if (checksSource.test(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return List.copyOf(out);
    }

    private static final class Frame {
        final String macro;
        final Iterator<SymbolKey> users;
        final Map<String, Integer> first = new HashMap<>();
        boolean inLoop;

        Frame(String macro, Iterator<SymbolKey> users) {
            this.macro = macro;
            this.users = users;
        }
    }

    /**
     * Walks the users of {@code macro} depth first, without recursion (a chain is as deep as it
     * is long), keeping each macro's answer once all its users are known; {@code null} when a
     * loop of users is in the way (those macros are answered by closure, the loop is an error).
     */
    private Map<String, Integer> walk(String macro) {
        Deque<Frame> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        Set<String> unsure = new HashSet<>();
        stack.push(frame(macro));
        onStack.add(macro);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.users.hasNext()) {
                SymbolKey k = f.users.next();
                if (k.kind() == ItemKind.RULE) {
                    EffectiveRule r = snapshot.merged().rules().get(k.name());
                    if (r != null && r.source() != null) {
                        f.first.merge(r.source(), r.index(), Math::min);
                    }
                } else if (k.kind() == ItemKind.MACRO) {
                    Map<String, Integer> known = firstRules.get(k.name());
                    if (known != null) {
                        known.forEach((s, i) -> f.first.merge(s, i, Math::min));
                    } else if (onStack.contains(k.name()) || unsure.contains(k.name())) {
                        f.inLoop = true;
                    } else {
                        stack.push(frame(k.name()));
                        onStack.add(k.name());
                    }
                }
                continue;
            }
            stack.pop();
            onStack.remove(f.macro);
            if (f.inLoop) {
                unsure.add(f.macro);
            } else {
                firstRules.put(f.macro, Map.copyOf(f.first));
            }
            Frame parent = stack.peek();
            if (parent != null) {
                parent.inLoop |= f.inLoop;
                f.first.forEach((s, i) -> parent.first.merge(s, i, Math::min));
            }
        }
        return firstRules.get(macro);
    }

    private Frame frame(String macro) {
        return new Frame(macro, snapshot.dependencies().usersOf(SymbolKey.macro(macro)).iterator());
    }
}

package dev.falconer.workspace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of a reference graph that lie on a cycle, each with its strongly connected component
 * (Tarjan's algorithm, iterative: a chain of thousands of macros is as deep). A cycle through a
 * name stays inside its component, so a search for it need look nowhere else; searching from
 * every macro over the whole graph made a chain of 8,000 macros take 12 s.
 */
final class MacroCycles {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Map<String, Integer> onCycles = new HashMap<>();
    private int components;

    private record Frame(String name, Iterator<String> next) {
    }

    private MacroCycles(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    /** Each name on a cycle of {@code edges} (name to the names it refers to), with its component's number. */
    static Map<String, Integer> of(Map<String, Set<String>> edges) {
        MacroCycles c = new MacroCycles(edges);
        for (String root : edges.keySet()) {
            if (!c.index.containsKey(root)) {
                c.from(root);
            }
        }
        return c.onCycles;
    }

    private void from(String root) {
        Deque<Frame> work = new ArrayDeque<>();
        work.push(enter(root));
        while (!work.isEmpty()) {
            Frame f = work.peek();
            if (f.next().hasNext()) {
                String w = f.next().next();
                Integer seen = index.get(w);
                if (seen == null) {
                    work.push(enter(w));
                } else if (low.containsKey(w)) { // on the stack
                    low.put(f.name(), Math.min(low.get(f.name()), seen));
                }
                continue;
            }
            work.pop();
            int lowest = low.get(f.name());
            if (!work.isEmpty()) {
                String parent = work.peek().name();
                low.put(parent, Math.min(low.get(parent), lowest));
            }
            if (lowest == index.get(f.name())) {
                List<String> members = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    low.remove(w); // off the stack
                    members.add(w);
                } while (!w.equals(f.name()));
                if (members.size() > 1 || edges.getOrDefault(w, Set.of()).contains(w)) {
                    for (String m : members) {
                        onCycles.put(m, components);
                    }
                }
                components++;
            }
        }
    }

    private Frame enter(String name) {
        index.put(name, index.size());
        low.put(name, index.get(name));
        stack.push(name);
        return new Frame(name, edges.getOrDefault(name, Set.of()).iterator());
    }
}

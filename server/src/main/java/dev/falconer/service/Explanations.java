package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.explain.CatalogExplainContext;
import dev.falconer.explain.ExpandDepth;
import dev.falconer.explain.ExplainItem;
import dev.falconer.explain.Explainer;
import dev.falconer.explain.Explanation;
import dev.falconer.explain.MarkdownRenderer;
import dev.falconer.explain.RuleDoc;
import dev.falconer.explain.WorkspaceExplainItems;
import dev.falconer.rules.ItemKind;
import dev.falconer.service.KeptExplanations.Key;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.SymbolReference;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The explanations of rules and macros, computed at most once per workspace snapshot, item and
 * language, and reused by every request on that snapshot (code lenses, their resolution, hover,
 * the explain command). An explanation depends on the macros and lists it names, wherever they
 * are defined: a new snapshot (any edit) gives an earlier explanation again only while all of
 * them are unchanged ({@link KeptExplanations}).
 */
final class Explanations {
    /** Macros used by an explained item are read in place one level deep; deeper ones in one line. */
    static final ExpandDepth DEPTH = ExpandDepth.ONE;
    /** Macros have no event source of their own: their fields are worded as for system calls. */
    private static final String MACRO_SOURCE = "syscall";
    /** The command a macro link runs (the one the explain code lens runs). */
    private static final String EXPLAIN_COMMAND = "command:falconer.explain";

    private final FieldCatalog catalog;
    private volatile PerSnapshot current;
    /** Explanations of earlier snapshots, given again while everything they were read from is unchanged. */
    private final KeptExplanations kept = new KeptExplanations();

    Explanations(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /** The explanation of a rule or macro of the merged workspace; empty for lists and unknown names. */
    Optional<Explanation> explanation(WorkspaceSnapshot ws, SymbolKey item, Locale locale) {
        return of(ws).explanation(new Key(item, locale));
    }

    /** The one-line summary a code lens shows. */
    Optional<String> summary(WorkspaceSnapshot ws, SymbolKey item, Locale locale) {
        PerSnapshot p = of(ws);
        Key key = new Key(item, locale);
        String cached = p.summaries.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return p.kept(key).summary().map(s -> p.summaries.computeIfAbsent(key, k -> s));
    }

    /**
     * Explains ahead the macros that the conditions of {@code uri} name, as their first hover would
     * (0.2-1 ms each on the official rules), and keeps the explanations with their summaries. Not
     * as this snapshot's summaries: code lenses show a title only where a request computed one, so
     * what they answer does not depend on when this ran.
     */
    void explainAhead(WorkspaceSnapshot ws, String uri, Locale locale) {
        PerSnapshot p = of(ws);
        Set<String> seen = new HashSet<>();
        for (SymbolReference ref : ws.symbols().referencesIn(uri)) {
            SymbolKey item = ref.target();
            if (item.kind() == ItemKind.MACRO && seen.add(item.name())) {
                p.kept(new Key(item, locale)).summary();
            }
        }
    }

    /** The summary when its explanation is kept (from this snapshot or one it still holds for); never explains. */
    Optional<String> keptSummary(WorkspaceSnapshot ws, SymbolKey item, Locale locale) {
        KeptExplanations.Kept k = kept.get(ws, new Key(item, locale));
        return k == null ? Optional.empty() : k.summary();
    }

    /** The summary if some request already computed it on this snapshot; never computes. */
    Optional<String> cachedSummary(WorkspaceSnapshot ws, SymbolKey item, Locale locale) {
        PerSnapshot p = current;
        return p == null || p.snapshot != ws ? Optional.empty()
                : Optional.ofNullable(p.summaries.get(new Key(item, locale)));
    }

    /** The clause-by-clause markdown (hover). */
    Optional<String> markdown(WorkspaceSnapshot ws, SymbolKey item, Locale locale) {
        return markdown(ws, item, locale, false);
    }

    /** The clause-by-clause markdown of the explain command, where a macro's name explains that macro in turn. */
    Optional<String> linkedMarkdown(WorkspaceSnapshot ws, SymbolKey item, Locale locale) {
        return markdown(ws, item, locale, true);
    }

    private Optional<String> markdown(WorkspaceSnapshot ws, SymbolKey item, Locale locale, boolean links) {
        PerSnapshot p = of(ws);
        Key key = new Key(item, locale);
        Map<Key, String> cache = links ? p.linkedMarkdowns : p.markdowns;
        String cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return p.explanation(key).map(e -> cache.computeIfAbsent(key, k -> links
                ? MarkdownRenderer.render(e, DEPTH, name -> commandLink(ws, name))
                : MarkdownRenderer.render(e, DEPTH)));
    }

    /**
     * A link that explains a macro in turn: a {@code command:} URI, which VS Code follows in trusted
     * markdown and other clients show as a plain link.
     */
    static Optional<String> commandLink(WorkspaceSnapshot ws, String macro) {
        var m = ws.merged().macros().get(macro);
        if (m == null || m.condition() == null || m.contributions().isEmpty()) {
            return Optional.empty();
        }
        com.google.gson.JsonObject target = new com.google.gson.JsonObject();
        target.addProperty("uri", m.contributions().get(0).uri());
        target.addProperty("kind", ItemKind.MACRO.key());
        target.addProperty("name", macro);
        com.google.gson.JsonArray args = new com.google.gson.JsonArray();
        args.add(target);
        return Optional.of(EXPLAIN_COMMAND + "?" + java.net.URLEncoder.encode(args.toString(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Whether the merged workspace has a rule or macro of that name with a condition to explain. */
    static boolean explainable(WorkspaceSnapshot ws, SymbolKey item) {
        return switch (item.kind()) {
            case RULE -> {
                var r = ws.merged().rules().get(item.name());
                yield r != null && r.condition() != null;
            }
            case MACRO -> {
                var m = ws.merged().macros().get(item.name());
                yield m != null && m.condition() != null;
            }
            case LIST -> false;
        };
    }

    /**
     * Drops what is kept for a snapshot other than {@code latest} (whose diagnostics were just
     * published): requests now come with {@code latest} and would replace it anyway, and until
     * then it kept a whole earlier snapshot alive (1.1 MB after the lspprobe run: the documents of
     * the edited files before the edits). Explanations still carried over are in {@code kept}.
     */
    void release(WorkspaceSnapshot latest) {
        PerSnapshot p = current;
        if (p != null && p.snapshot != latest && current == p) {
            current = null; // a race with a request on a newer snapshot only costs that request its caches
        }
    }

    /** Whether answers for {@code ws} are held (for tests). */
    boolean holds(WorkspaceSnapshot ws) {
        PerSnapshot p = current;
        return p != null && p.snapshot == ws;
    }

    private PerSnapshot of(WorkspaceSnapshot ws) {
        PerSnapshot p = current;
        if (p == null || p.snapshot != ws) {
            // Two requests racing on a new snapshot may each build one; the loser's work is only wasted.
            p = new PerSnapshot(ws);
            current = p;
        }
        return p;
    }

    /** Everything kept for one snapshot; dropped with it. */
    private final class PerSnapshot {
        final WorkspaceSnapshot snapshot;
        final WorkspaceExplainItems items;
        final Map<String, CatalogExplainContext> contexts = new ConcurrentHashMap<>();
        final Map<Key, Optional<Explanation>> explanations = new ConcurrentHashMap<>();
        final Map<Key, String> summaries = new ConcurrentHashMap<>();
        final Map<Key, String> markdowns = new ConcurrentHashMap<>();
        final Map<Key, String> linkedMarkdowns = new ConcurrentHashMap<>();

        PerSnapshot(WorkspaceSnapshot snapshot) {
            this.snapshot = snapshot;
            this.items = new WorkspaceExplainItems(snapshot.merged(), snapshot::parse);
        }

        Optional<Explanation> explanation(Key key) {
            Optional<Explanation> cached = explanations.get(key);
            if (cached != null) {
                return cached;
            }
            Optional<Explanation> made = kept(key).explanation;
            explanations.putIfAbsent(key, made);
            return made;
        }

        /** The explanation of an earlier snapshot when it still holds here, else a new one (then kept). */
        KeptExplanations.Kept kept(Key key) {
            KeptExplanations.Kept found = kept.get(snapshot, key);
            if (found != null) {
                return found;
            }
            return kept.keep(snapshot, key,
                    item(key.item()).map(i -> Explainer.explain(i, context(i), key.locale())));
        }

        private Optional<? extends ExplainItem> item(SymbolKey key) {
            return key.kind() == ItemKind.RULE ? items.rule(key.name())
                    : key.kind() == ItemKind.MACRO ? items.macro(key.name()) : Optional.empty();
        }

        private CatalogExplainContext context(ExplainItem item) {
            String source = item instanceof RuleDoc r && r.source() != null ? r.source() : MACRO_SOURCE;
            return contexts.computeIfAbsent(source, s -> new CatalogExplainContext(catalog, s, items));
        }
    }
}

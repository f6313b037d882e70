package dev.falconer.check;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.RulesWorkspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Falco compiles the whole collection after each file it loads and stops at the first that
 * fails (spec §2.11), so an error can live in an intermediate collection only: a rule broken in
 * one file and redefined by a later one, a list a rule names but a later file first defines (the
 * name stays a literal until then), an item a later file replaces. The final collection shows
 * none of these. This checks the collection after each file that a later file changes, and
 * returns the load errors found there and not in the final result, each noting after which file
 * Falco reports it.
 */
public final class LoadSteps {
    private final FieldCatalog catalog;
    private final CheckSettings settings;

    public LoadSteps(FieldCatalog catalog, CheckSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * @param documents the files in load order
     * @param found     the diagnostics of the whole collection, by file: what is new is added to them
     */
    public void addIntermediateErrors(List<RulesDocument> documents, Map<String, List<Diagnostic>> found) {
        int n = documents.size();
        // the item names each suffix of files defines
        List<Set<String>> definedFrom = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            definedFrom.add(new HashSet<>());
        }
        for (int k = n - 1; k >= 0; k--) {
            definedFrom.get(k).addAll(definedFrom.get(k + 1));
            definedFrom.get(k).addAll(names(documents.get(k)));
        }
        Set<String> mentioned = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (List<Diagnostic> ds : found.values()) {
            ds.forEach(d -> reported.add(identity(d)));
        }
        for (int k = 0; k < n - 1; k++) {
            mentioned.addAll(names(documents.get(k)));
            mentioned.addAll(words(documents.get(k).text()));
            if (!touches(definedFrom.get(k + 1), mentioned)) {
                continue; // no later file changes what these files hold: their errors are the final ones
            }
            RulesWorkspace prefix = new RulesWorkspace(ConditionParser::parse);
            documents.subList(0, k + 1).forEach(prefix::open);
            Map<String, List<Diagnostic>> step = new Diagnoser(catalog).diagnoseAll(prefix.snapshot(), settings);
            String after = RulesWorkspace.fileNameOf(documents.get(k).uri());
            step.forEach((uri, ds) -> {
                for (Diagnostic d : ds) {
                    if (d.severity() == Severity.ERROR && d.falcoCode() != null && reported.add(identity(d))) {
                        found.computeIfAbsent(uri, u -> new ArrayList<>()).add(noted(d, after));
                    }
                }
            });
        }
    }

    private static boolean touches(Set<String> later, Set<String> mentioned) {
        Set<String> small = later.size() < mentioned.size() ? later : mentioned;
        Set<String> large = small == later ? mentioned : later;
        return small.stream().anyMatch(large::contains);
    }

    private static Set<String> names(RulesDocument doc) {
        Set<String> out = new HashSet<>();
        for (NamedItem item : doc.itemsOf(NamedItem.class)) {
            if (item.name() != null) {
                out.add(item.name());
            }
        }
        return out;
    }

    /** The words of a file, as macro and list names stand in conditions and items (an over-estimate: comments too). */
    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.-/".indexOf(text.charAt(i)) >= 0);
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static String identity(Diagnostic d) {
        return d.uri() + '\u0000' + d.span() + '\u0000' + d.code() + '\u0000' + d.key() + '\u0000' + d.args();
    }

    private static Diagnostic noted(Diagnostic d, String afterFile) {
        List<Diagnostic.Related> related = new ArrayList<>(d.related());
        related.add(0, new Diagnostic.Related(d.uri(), d.span(), d.range(), "related.loadStep", List.of(afterFile)));
        return new Diagnostic(d.code(), d.severity(), d.falcoCode(), d.uri(), d.span(), d.range(), d.key(), d.args(),
                related, d.suggestions());
    }
}

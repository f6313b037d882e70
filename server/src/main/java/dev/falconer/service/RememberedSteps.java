package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.check.CheckSettings;
import dev.falconer.check.Diagnoser;
import dev.falconer.check.Diagnostic;
import dev.falconer.check.LoadSteps;
import dev.falconer.rules.RulesDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The checks of the latest load steps, by the very documents each step loaded: while the user
 * types in a later file (a local rules file after the official ones), the steps before it load
 * the same documents, and their collections are not checked again. A step checked afresh
 * analyses its files from scratch: with the official files it is tens of milliseconds cold.
 */
final class RememberedSteps {
    /** More than {@link LoadSteps}' steps of one search: those of the search before stay too. */
    static final int KEPT = 16;

    private record Step(List<RulesDocument> loaded, FalconerSettings settings, FieldCatalog catalog,
                        Map<String, List<Diagnostic>> found) {
        boolean isFor(List<RulesDocument> documents, FalconerSettings s, FieldCatalog c) {
            return settings == s && catalog == c && RulesDocument.sameObjects(loaded, documents);
        }
    }

    private final Deque<Step> kept = new ArrayDeque<>();

    /** The steps' checks for one search with {@code settings}: those remembered, else {@code diagnoser}'s. */
    LoadSteps.StepCheck with(Diagnoser diagnoser, CheckSettings checks, FalconerSettings settings) {
        FieldCatalog catalog = diagnoser.catalog();
        return loaded -> {
            synchronized (kept) {
                for (Step s : kept) {
                    if (s.isFor(loaded, settings, catalog)) {
                        return s.found();
                    }
                }
            }
            Map<String, List<Diagnostic>> found = LoadSteps.check(diagnoser, checks, loaded);
            synchronized (kept) {
                kept.addFirst(new Step(List.copyOf(loaded), settings, catalog, found));
                while (kept.size() > KEPT) {
                    kept.removeLast();
                }
            }
            return found;
        };
    }

    /** Forgets every step (a document was closed: its text is let go). */
    void clear() {
        synchronized (kept) {
            kept.clear();
        }
    }
}

package dev.falconer.lsp;

import dev.falconer.rules.RulesDocument;
import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.service.FalconerSettings;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The latest load errors of the steps before the last file (see
 * {@code FalconerService#loadStepDiagnostics}), kept with the documents and settings they were
 * found with, to be shown with each file's own diagnostics. Finding them checks the files before
 * each step afresh, so they are found after the user pauses, not at every keystroke: a file's
 * diagnostics show them while the file is the one they were found in (an edit of it drops them
 * until the next finding), and the files whose findings a new finding changes are published again.
 */
final class LoadStepFindings {
    /** What one finding saw, and found. */
    private record Found(List<RulesDocument> documents, FalconerSettings settings,
                         Map<String, List<FalconerDiagnostic>> byUri) {
        /** By identity: an unchanged document stays the same object from one snapshot to the next. */
        boolean holds(RulesDocument document) {
            return documents.stream().anyMatch(d -> d == document);
        }
    }

    private volatile Found last = new Found(List.of(), null, Map.of());

    /** Whether the last finding was made from exactly these documents and settings: nothing to find again. */
    boolean isFrom(WorkspaceSnapshot workspace, FalconerSettings settings) {
        Found f = last;
        return sameForSteps(f.settings(), settings) && RulesDocument.sameObjects(f.documents(), workspace.documents());
    }

    /**
     * Keeps a new finding, made from {@code workspace} and {@code settings}.
     *
     * @return the files whose findings it changed (they gained, lost or changed some)
     */
    synchronized Set<String> update(WorkspaceSnapshot workspace, FalconerSettings settings,
                                    Map<String, List<FalconerDiagnostic>> byUri) {
        Found before = last;
        last = new Found(workspace.documents(), settings, Map.copyOf(byUri));
        Set<String> changed = new HashSet<>();
        Set<String> uris = new HashSet<>(before.byUri().keySet());
        uris.addAll(byUri.keySet());
        for (String uri : uris) {
            // the same errors, found in a newer version of their file or with new settings: that
            // version was published without them (a settings change re-checks every open file)
            if (!Objects.equals(before.byUri().get(uri), byUri.get(uri))
                    || documentOf(before, uri) != documentOf(last, uri) || !sameForSteps(before.settings(), settings)) {
                changed.add(uri);
            }
        }
        return changed;
    }

    /**
     * {@code found} (the diagnostics of {@code document} as the final rules have them) with the
     * load errors of {@code document}, when they were found in this very version and with these
     * settings. A finding of {@code found} at an error's place with its code is that error as the
     * final rules see it (a macro no longer used is a warning at the end): the error replaces it.
     */
    List<FalconerDiagnostic> with(RulesDocument document, FalconerSettings settings, List<FalconerDiagnostic> found) {
        Found f = last;
        List<FalconerDiagnostic> errors = f.byUri().get(document.uri());
        if (errors == null || !sameForSteps(f.settings(), settings) || !f.holds(document)) {
            return found;
        }
        List<FalconerDiagnostic> out = new ArrayList<>(found.size() + errors.size());
        for (FalconerDiagnostic d : found) {
            if (errors.stream().noneMatch(e -> e.range().equals(d.range()) && e.code().equals(d.code()))) {
                out.add(d);
            }
        }
        out.addAll(errors);
        return out;
    }

    private static RulesDocument documentOf(Found f, String uri) {
        for (RulesDocument d : f.documents()) {
            if (d.uri().equals(uri)) {
                return d;
            }
        }
        return null;
    }

    /** Whether any file has load errors now: they must be found again (or gone) after a change, whatever the settings. */
    boolean any() {
        return !last.byUri().isEmpty();
    }

    /**
     * Whether the errors found with {@code a} hold with {@code b}: the same files, sources,
     * catalogs, language and severities. The client sends its whole section on any change (QA:
     * the trace level, the lenses); the errors then stay shown instead of going until the next
     * search.
     */
    static boolean sameForSteps(FalconerSettings a, FalconerSettings b) {
        return a == b || a != null && b != null && a.rulesFiles().equals(b.rulesFiles()) && a.sources().equals(b.sources())
                && a.catalogFiles().equals(b.catalogFiles()) && a.locale().equals(b.locale())
                && a.severity().equals(b.severity());
    }
}

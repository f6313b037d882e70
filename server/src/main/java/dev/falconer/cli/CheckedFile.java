package dev.falconer.cli;

import dev.falconer.check.Diagnostic;
import dev.falconer.rules.RulesDocument;
import java.util.List;

/** One file of a {@code falconer check} run: the path as the user gave it, its text and its diagnostics. */
record CheckedFile(String path, RulesDocument document, List<Diagnostic> diagnostics) {
    CheckedFile {
        diagnostics = List.copyOf(diagnostics);
    }
}

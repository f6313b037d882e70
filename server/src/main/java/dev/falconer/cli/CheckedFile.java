package dev.falconer.cli;

import dev.falconer.check.Diagnostic;
import dev.falconer.rules.RulesDocument;
import java.util.List;

/** One file of a {@code falconer check} run: the path as the user gave it, its text and its diagnostics. */
record CheckedFile(String path, RulesDocument document, List<Diagnostic> diagnostics) {
    CheckedFile {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The path the user gave for the file of {@code uri} (a related place may be in another file), else its name. */
    static String pathOf(List<CheckedFile> files, String uri) {
        for (CheckedFile f : files) {
            if (f.document().uri().equals(uri)) {
                return f.path();
            }
        }
        return dev.falconer.workspace.RulesWorkspace.fileNameOf(uri);
    }
}

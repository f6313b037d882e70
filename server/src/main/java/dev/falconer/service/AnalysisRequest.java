package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.WorkspaceSnapshot;

/**
 * What a diagnostics run looks at: the workspace (every loaded file, merged), the document to
 * report on, the field catalog in force (with the user's imported catalogs) and the settings.
 */
public record AnalysisRequest(WorkspaceSnapshot workspace, String uri, FieldCatalog catalog,
                              FalconerSettings settings) {

    /** The document to report on, or {@code null} when it is not part of the workspace. */
    public RulesDocument document() {
        return workspace.document(uri);
    }
}

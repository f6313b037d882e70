package dev.falconer.service;

import dev.falconer.rules.RulesDocument;

/**
 * What a diagnostics run looks at: the document to report on, and the settings in force.
 * (The workspace and the field catalog join this record as those layers land.)
 */
public record AnalysisRequest(RulesDocument document, FalconerSettings settings) {
}

package dev.falconer.service;

import java.util.List;
import java.util.Map;

/**
 * The load errors of Falco's steps before the last file that the final rules hide, by file (see
 * {@link DiagnosticsProvider#loadStepDiagnostics}).
 *
 * @param byUri         the errors, by the file they are in
 * @param uncheckedFrom the file past which the steps were not checked (too many later files change
 *                      earlier ones: each step checks its files afresh), as shown to the user;
 *                      {@code null} when every step was
 */
public record LoadStepErrors(Map<String, List<FalconerDiagnostic>> byUri, String uncheckedFrom) {
    public static final LoadStepErrors NONE = new LoadStepErrors(Map.of(), null);

    public LoadStepErrors {
        byUri = Map.copyOf(byUri);
    }
}

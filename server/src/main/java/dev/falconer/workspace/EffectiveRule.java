package dev.falconer.workspace;

import java.util.List;
import java.util.Set;

/**
 * A rule after all definitions, appends, overrides and enable entries. Text keys keep their
 * provenance; {@code null} when never given. {@code source} is the effective event source
 * ({@code syscall} by default), {@code enabled} Falco's effective flag, {@code tags} a set as
 * Falco stores them (sorted).
 */
public record EffectiveRule(String name, SourcedText condition, SourcedText output, SourcedText desc,
                            ScalarOrigin priority, String source, boolean enabled, Set<String> tags,
                            List<EffectiveException> exceptions, int index, List<Definition> contributions) {
    public EffectiveRule {
        tags = Set.copyOf(tags);
        exceptions = List.copyOf(exceptions);
        contributions = List.copyOf(contributions);
    }
}

package dev.falconer.workspace;

import java.util.List;

/** A macro after all definitions and appends: the condition text as Falco concatenates it. */
public record EffectiveMacro(String name, SourcedText condition, int index, int visibility,
                             List<Definition> contributions) {
    public EffectiveMacro {
        contributions = List.copyOf(contributions);
    }
}

package dev.falconer.catalog;

import java.util.Set;

/**
 * One field as a user's Falco listing or plugin declared it.
 *
 * @param plugin      providing plugin, or {@code null} for a built-in class
 * @param sources     event sources the listing gives for it
 * @param description the imported text, shown when we have none of our own
 */
public record ImportedField(String name, String fieldClass, String plugin, Set<String> sources, FieldType type,
        boolean list, ArgumentSpec argument, Set<FieldFlag> flags, String description) {

    public ImportedField {
        sources = Set.copyOf(sources);
        flags = Set.copyOf(flags);
    }
}

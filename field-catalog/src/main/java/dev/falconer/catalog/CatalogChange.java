package dev.falconer.catalog;

import java.util.Set;

/** What an import does to one field name. */
public record CatalogChange(String name, Kind kind, Set<Aspect> changed) {

    public enum Kind { ADDED, CHANGED, UNCHANGED }

    /** The parts of a field an import can change. */
    public enum Aspect { TYPE, LIST, ARGUMENT, SOURCES }

    public CatalogChange {
        changed = Set.copyOf(changed);
    }
}

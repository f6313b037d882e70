package dev.falconer.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The event names valid after {@code evt.type} (event-table names plus syscall names, libs 0.25.4)
 * and the event parameter names behind {@code evt.arg.NAME} / {@code evt.rawarg.NAME}, with the
 * types each parameter has across events.
 */
public final class EventTables {

    private final SortedSet<String> eventTypes;
    private final Map<String, Set<FieldType>> params;
    private final Map<String, String> pluginEvents;

    EventTables(Set<String> eventTypes, Map<String, Set<FieldType>> params, Map<String, String> pluginEvents) {
        this.eventTypes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
        this.params = Map.copyOf(params);
        this.pluginEvents = Map.copyOf(pluginEvents);
    }

    /**
     * The plugin that declares {@code name} as one of its async events (spec §6), when one does;
     * such a name is a valid {@code evt.type} value only where that plugin's fields are.
     */
    public Optional<String> pluginOf(String name) {
        return Optional.ofNullable(pluginEvents.get(name));
    }

    public boolean isEventType(String name) {
        return eventTypes.contains(name);
    }

    /** Every valid {@code evt.type} value, sorted. */
    public SortedSet<String> eventTypes() {
        return eventTypes;
    }

    public boolean isParam(String name) {
        return params.containsKey(name);
    }

    /** Every event parameter name, sorted (for completion after {@code evt.arg.}). */
    public SortedSet<String> paramNames() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(params.keySet()));
    }

    /** The types a parameter has across events; empty when no event has it. */
    public Set<FieldType> paramTypes(String name) {
        return params.getOrDefault(name, Set.of());
    }

    /**
     * The type {@code evt.rawarg.NAME} compiles to: the parameter's type when all events agree;
     * when they differ but share a family, a signed 64-bit integer (numbers) or CHARBUF (strings);
     * otherwise DYNAMIC.
     */
    public Optional<FieldType> rawargType(String name) {
        Set<FieldType> types = paramTypes(name);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        if (types.size() == 1) {
            return Optional.of(types.iterator().next());
        }
        if (types.stream().allMatch(t -> t.group() == FieldType.Group.NUMERIC && t != FieldType.DOUBLE)) {
            return Optional.of(FieldType.INT64);
        }
        if (types.stream().allMatch(t -> t.group() == FieldType.Group.STRING)) {
            return Optional.of(FieldType.CHARBUF);
        }
        return Optional.of(FieldType.DYNAMIC);
    }
}

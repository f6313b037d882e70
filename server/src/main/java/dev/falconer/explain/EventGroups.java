package dev.falconer.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Families of event types with a natural reading ({@code execve}, {@code execveat}: a process start). */
final class EventGroups {

    private static final Map<String, Set<String>> GROUPS = load();

    private EventGroups() {
    }

    /** The family that contains every one of these event types, if there is one. */
    static Optional<String> familyOf(Collection<String> types) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        return GROUPS.entrySet().stream().filter(e -> e.getValue().containsAll(types)).map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The family made of exactly these event types, if there is one: what "not a file open" may
     * stand for ({@code evt.type != open} lets {@code openat} through).
     */
    static Optional<String> wholeFamilyOf(Collection<String> types) {
        Set<String> set = Set.copyOf(types);
        return GROUPS.entrySet().stream().filter(e -> e.getValue().equals(set)).map(Map.Entry::getKey).findFirst();
    }

    static Set<String> families() {
        return GROUPS.keySet();
    }

    private static Map<String, Set<String>> load() {
        Properties p = new Properties();
        try (InputStream in = EventGroups.class.getResourceAsStream("event-groups.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> groups.put((String) k,
                Arrays.stream(((String) v).split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet())));
        return Map.copyOf(groups);
    }
}

package dev.falconer.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether an {@code evt.type} value is a system call or an event of Falco's own event table
 * (the catalog lists both kinds as one set). The few non-syscall names are listed in
 * {@code internal-events.txt}.
 */
final class EventKinds {
    private static final Set<String> INTERNAL = load();

    private EventKinds() {
    }

    static boolean isSyscall(String evtType) {
        return !INTERNAL.contains(evtType);
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = EventKinds.class.getResourceAsStream("internal-events.txt")) {
            if (in == null) {
                return Set.of();
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}

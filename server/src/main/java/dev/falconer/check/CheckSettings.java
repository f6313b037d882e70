package dev.falconer.check;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user configured for the checks: a severity per code, or off. Built from a plain map
 * of code id ({@code unknown-field}) to {@code error|warning|information|hint|off}; unknown codes
 * and unreadable levels are ignored (settings must never break diagnostics).
 */
public final class CheckSettings {
    private static final CheckSettings DEFAULTS = new CheckSettings(Map.of(), Set.of(), true);
    private final Map<DiagnosticCode, Optional<Severity>> levels;
    private final Set<String> sources;
    private final boolean loadOrderKnown;

    private CheckSettings(Map<DiagnosticCode, Optional<Severity>> levels, Set<String> sources, boolean loadOrderKnown) {
        this.levels = levels;
        this.sources = sources;
        this.loadOrderKnown = loadOrderKnown;
    }

    /**
     * The same settings, saying whether the documents' order is the one Falco loads them in (the
     * command line's arguments, an editor's configured rules files) or a guess (files found in a
     * folder): a reference to a macro of a later file is Falco's error only in the first case.
     */
    public CheckSettings withLoadOrderKnown(boolean known) {
        return new CheckSettings(levels, sources, known);
    }

    public boolean loadOrderKnown() {
        return loadOrderKnown;
    }

    /**
     * The same levels, with the event sources Falco is configured for (its loaded plugins' and
     * syscall, as {@code falconer.sources} or {@code --source} say); empty means every source the
     * catalog knows. Blank names are ignored.
     */
    public CheckSettings withSources(Collection<String> configured) {
        Set<String> out = new LinkedHashSet<>();
        if (configured != null) {
            configured.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).forEach(out::add);
        }
        return new CheckSettings(levels, Collections.unmodifiableSet(out), loadOrderKnown);
    }

    /** The configured sources; empty when every known source counts as available. */
    public Set<String> sources() {
        return sources;
    }

    /** True when Falco would load rules of {@code source} (LOAD_UNKNOWN_SOURCE otherwise). */
    public boolean isConfiguredSource(String source) {
        return sources.isEmpty() || sources.contains(source);
    }

    public static CheckSettings defaults() {
        return DEFAULTS;
    }

    /** From {@code code -> level}; {@code off} switches a code off. Codes match case-insensitively. */
    public static CheckSettings of(Map<String, String> byCode) {
        Map<DiagnosticCode, Optional<Severity>> out = new EnumMap<>(DiagnosticCode.class);
        byCode.forEach((code, level) -> {
            Optional<DiagnosticCode> c = DiagnosticCode.fromId(code == null ? "" : code.trim().toLowerCase(Locale.ROOT));
            if (c.isEmpty() || level == null) {
                return;
            }
            if (level.trim().equalsIgnoreCase("off")) {
                out.put(c.get(), Optional.empty());
            } else {
                Severity.parse(level).ifPresent(s -> out.put(c.get(), Optional.of(s)));
            }
        });
        return new CheckSettings(out, Set.of(), true);
    }

    /** The severity to show a diagnostic with, or empty when its code is switched off. */
    public Optional<Severity> severityFor(Diagnostic d) {
        Optional<Severity> configured = levels.get(d.code());
        return configured == null ? Optional.of(d.severity()) : configured;
    }

    /** Settings are equal when they configure the same levels and sources (caches are keyed on them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof CheckSettings other && levels.equals(other.levels) && sources.equals(other.sources)
                && loadOrderKnown == other.loadOrderKnown;
    }

    @Override
    public int hashCode() {
        return (levels.hashCode() * 31 + sources.hashCode()) * 2 + (loadOrderKnown ? 1 : 0);
    }
}

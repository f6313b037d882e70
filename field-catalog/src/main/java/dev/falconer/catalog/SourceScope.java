package dev.falconer.catalog;

import java.util.Set;
import java.util.TreeSet;

/**
 * The event sources a field applies to: every source (the generic {@code evt.*} fields), every
 * plugin source (the json extractor), or a named set.
 */
public record SourceScope(Kind kind, Set<String> sources) {

    /** Written in the data files as {@code "*"}. */
    public static final String ALL_TOKEN = "*";
    /** Written in the data files as {@code "plugin:*"}. */
    public static final String PLUGIN_SOURCES_TOKEN = "plugin:*";
    public static final String SYSCALL = "syscall";

    public enum Kind { ALL, PLUGIN_SOURCES, NAMED }

    public SourceScope {
        sources = Set.copyOf(sources);
    }

    public static SourceScope all() {
        return new SourceScope(Kind.ALL, Set.of());
    }

    public static SourceScope pluginSources() {
        return new SourceScope(Kind.PLUGIN_SOURCES, Set.of());
    }

    public static SourceScope of(Set<String> sources) {
        return new SourceScope(Kind.NAMED, sources);
    }

    /** Reads the data-file spelling: a list of source names, or one of the two tokens. */
    static SourceScope parse(Iterable<String> tokens) {
        Set<String> named = new TreeSet<>();
        for (String t : tokens) {
            if (ALL_TOKEN.equals(t)) {
                return all();
            }
            if (PLUGIN_SOURCES_TOKEN.equals(t)) {
                return pluginSources();
            }
            named.add(t);
        }
        return of(named);
    }

    public boolean appliesTo(String source) {
        return switch (kind) {
            case ALL -> true;
            case PLUGIN_SOURCES -> !SYSCALL.equals(source);
            case NAMED -> sources.contains(source);
        };
    }

    /** The concrete sources among {@code known} that this scope covers, sorted. */
    public Set<String> expand(Set<String> known) {
        Set<String> out = new TreeSet<>();
        for (String s : known) {
            if (appliesTo(s)) {
                out.add(s);
            }
        }
        if (kind == Kind.NAMED) {
            out.addAll(sources);
        }
        return out;
    }
}

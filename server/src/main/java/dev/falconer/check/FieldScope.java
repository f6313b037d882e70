package dev.falconer.check;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Resolution;

/**
 * The event source a condition is compiled for. A macro no rule uses has no source of its own
 * (Falco never compiles its fields), so it gets the "any source" scope: a field is accepted when
 * some source has it, and only fields no source knows are reported.
 */
record FieldScope(String source) {
    static final FieldScope ANY = new FieldScope(null);

    boolean isAny() {
        return source == null;
    }

    Resolution resolve(FieldCatalog catalog, String name, String argument) {
        if (source != null) {
            return catalog.resolve(source, name, argument);
        }
        Resolution first = catalog.resolve("syscall", name, argument);
        if (accepted(first)) {
            return first;
        }
        for (String s : catalog.sources()) {
            Resolution r = catalog.resolve(s, name, argument);
            if (accepted(r)) {
                return r;
            }
        }
        return first;
    }

    private static boolean accepted(Resolution r) {
        return r instanceof Resolution.Resolved || r instanceof Resolution.PluginNotLoaded;
    }
}

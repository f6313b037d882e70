package dev.falconer.rules;

import java.util.Optional;
import java.util.Set;

/** Scalar conversions as yaml-cpp performs them for Falco (not YAML 1.1 / SnakeYAML typing). */
public final class FalcoScalars {
    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");

    private FalcoScalars() {
    }

    /** yaml-cpp's {@code convert<bool>}: true/false, yes/no, on/off, y/n in lower, UPPER or Capitalized form. */
    public static Optional<Boolean> bool(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (TRUE.contains(text)) {
            return Optional.of(Boolean.TRUE);
        }
        if (FALSE.contains(text)) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }
}

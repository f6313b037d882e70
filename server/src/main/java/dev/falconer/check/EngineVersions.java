package dev.falconer.check;

import dev.falconer.catalog.FalcoVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code required_engine_version} as Falco does (spec §2.4): an unsigned integer N means
 * {@code 0.N.0}; otherwise three dot-separated unsigned numbers ({@code sscanf("%u.%u.%u")}, so
 * text after the third number is ignored and {@code 0.26} is rejected).
 */
final class EngineVersions {
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SEMVER = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9}).*", Pattern.DOTALL);

    private EngineVersions() {
    }

    static Optional<FalcoVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (INTEGER.matcher(t).matches()) {
            return Optional.of(new FalcoVersion(0, Integer.parseInt(t), 0));
        }
        Matcher m = SEMVER.matcher(t);
        if (m.matches()) {
            return Optional.of(new FalcoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        }
        return Optional.empty();
    }
}

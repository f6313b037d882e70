package dev.falconer.catalog;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Falco release number {@code major.minor.patch}, ordered numerically. */
public record FalcoVersion(int major, int minor, int patch) implements Comparable<FalcoVersion> {

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Comparator<FalcoVersion> ORDER = Comparator.comparingInt(FalcoVersion::major)
            .thenComparingInt(FalcoVersion::minor).thenComparingInt(FalcoVersion::patch);

    /** Parses {@code 0.41.0} or {@code 0.41}; anything else is empty. */
    public static Optional<FalcoVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FalcoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Parses a version this code wrote itself; a malformed one is a programming error. */
    static FalcoVersion of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
    }

    public boolean isAfter(FalcoVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(FalcoVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}

package dev.falconer.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Falco release shipped which libs and engine version (spec falco-language.md §0), so that
 * "since libs 0.18" becomes "since Falco 0.39" and a rule's {@code required_engine_version} becomes
 * the oldest Falco that can load it.
 *
 * <p>Releases before Falco 0.31 are not told apart: {@link #BASELINE} stands for "0.31 or older",
 * and anything at the baseline counts as available to every rule.
 */
public final class Releases {

    /** The oldest release we distinguish; also the "since" of fields that predate libs 0.7. */
    public static final FalcoVersion BASELINE = new FalcoVersion(0, 31, 0);
    /** The newest release these tables know. */
    public static final FalcoVersion LATEST = new FalcoVersion(0, 44, 0);
    /** The release that moved {@code container.*} and {@code k8s.*} to the container plugin. */
    public static final FalcoVersion CONTAINER_PLUGIN = new FalcoVersion(0, 41, 0);

    /** One row of the release table: a Falco release, the libs it bundles, its engine version. */
    public record Release(FalcoVersion falco, FalcoVersion libs, FalcoVersion engine) {
    }

    // Falco 0.31 pinned a libs commit older than libs 0.7.0; it is written 0.6.0 here.
    private static final List<Release> RELEASES = List.of(
            row("0.31.0", "0.6.0", "0.11.0"),
            row("0.32.0", "0.7.0", "0.12.0"),
            row("0.33.0", "0.9.0", "0.15.0"),
            row("0.34.0", "0.10.3", "0.15.0"),
            row("0.35.0", "0.11.2", "0.17.0"),
            row("0.36.0", "0.13.1", "0.26.0"),
            row("0.37.0", "0.14.2", "0.31.0"),
            row("0.38.0", "0.17.1", "0.40.0"),
            row("0.39.0", "0.18.1", "0.43.0"),
            row("0.40.0", "0.20.0", "0.46.0"),
            row("0.41.0", "0.21.0", "0.50.0"),
            row("0.42.0", "0.22.1", "0.57.0"),
            row("0.43.0", "0.23.1", "0.58.0"),
            row("0.44.0", "0.25.2", "0.62.0"));

    private Releases() {
    }

    private static Release row(String falco, String libs, String engine) {
        return new Release(FalcoVersion.of(falco), FalcoVersion.of(libs), FalcoVersion.of(engine));
    }

    public static List<Release> all() {
        return RELEASES;
    }

    /**
     * The first Falco release whose bundled libs include the given libs release ({@code 0.18.0} →
     * 0.39.0). {@code pre-0.7} (the facts tables' mark for "before libs 0.7") maps to {@link #BASELINE}.
     * Empty for text that is no version, or a libs newer than any release we know.
     */
    public static Optional<FalcoVersion> falcoForLibs(String libsVersion) {
        if (libsVersion == null) {
            return Optional.empty();
        }
        if (libsVersion.startsWith("pre-")) {
            return Optional.of(BASELINE);
        }
        Optional<FalcoVersion> libs = FalcoVersion.parse(libsVersion);
        if (libs.isEmpty()) {
            return Optional.empty();
        }
        // libs x.y.0 counts as shipped when a release bundles any x.y.z; releases pin patch versions.
        return firstFalcoWith(Release::libs, new FalcoVersion(libs.get().major(), libs.get().minor(), 0));
    }

    /**
     * Reads a {@code required_engine_version} value: an integer N means {@code 0.N.0}, a semver
     * string is itself. Empty when it is neither.
     */
    public static Optional<FalcoVersion> parseEngineVersion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            return t.length() > 9 ? Optional.empty() : Optional.of(new FalcoVersion(0, Integer.parseInt(t), 0));
        }
        return FalcoVersion.parse(t);
    }

    /**
     * The oldest Falco release whose engine version is at least {@code engine}: what a rules file
     * asking for that engine version can rely on. Engine versions older than the table give
     * {@link #BASELINE}; newer than the table give empty (a Falco we do not know yet).
     */
    public static Optional<FalcoVersion> falcoForEngine(FalcoVersion engine) {
        return firstFalcoWith(Release::engine, engine);
    }

    /** The oldest Falco release whose {@code part} (libs or engine) is at least {@code wanted}. */
    private static Optional<FalcoVersion> firstFalcoWith(Function<Release, FalcoVersion> part, FalcoVersion wanted) {
        for (Release r : RELEASES) {
            if (part.apply(r).compareTo(wanted) >= 0) {
                return Optional.of(r.falco());
            }
        }
        return Optional.empty();
    }

    /** The engine version of the given Falco release (the last release at or before it). */
    public static Optional<FalcoVersion> engineForFalco(FalcoVersion falco) {
        FalcoVersion found = null;
        for (Release r : RELEASES) {
            if (r.falco().compareTo(falco) <= 0) {
                found = r.engine();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * True when something introduced in {@code since} is available to a file that requires
     * {@code engine}: the oldest Falco able to load the file already has it. An unknown
     * {@code since} is treated as available.
     */
    public static boolean availableFor(FalcoVersion since, FalcoVersion engine) {
        if (since == null || since.compareTo(BASELINE) <= 0) {
            return true;
        }
        return falcoForEngine(engine).map(f -> f.compareTo(since) >= 0).orElse(true);
    }
}

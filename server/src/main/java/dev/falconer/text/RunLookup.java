package dev.falconer.text;

/**
 * Runs kept as triples in one {@code int[]}, {@code (start, value, width)}, sorted by start: a
 * compact form of per-character tables whose entries repeat over long stretches (source maps,
 * origins of assembled texts).
 */
public final class RunLookup {
    private RunLookup() {
    }

    /**
     * Offset into {@code runs} of the last triple whose start is at most {@code i}; {@code runs}
     * is not empty and its first start is at most {@code i}.
     */
    public static int runAt(int[] runs, int i) {
        int lo = 0;
        int hi = runs.length / 3 - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (runs[3 * mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return 3 * lo;
    }
}

package dev.falconer.explain;

/** A span of nanoseconds in the largest unit that reads naturally: 5000000000 is "5 seconds". */
final class Durations {

    private static final long[] UNITS = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
            1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] KEYS = {"day", "hour", "minute", "second", "millisecond", "microsecond",
            "nanosecond"};

    private Durations() {
    }

    static String words(long nanos, Phrasebook book) {
        int i = 0;
        while (i < UNITS.length - 1 && nanos < UNITS[i]) {
            i++;
        }
        double amount = Math.round(nanos * 100.0 / UNITS[i]) / 100.0;
        return book.format("duration." + KEYS[i], amount);
    }
}

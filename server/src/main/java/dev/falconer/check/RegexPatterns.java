package dev.falconer.check;

/** libs' test for a regex that a plain operator could replace (spec §1.9, {@code filter.cpp} warnings). */
final class RegexPatterns {
    private static final String META = ".[]()*+?{}|\\^$";

    private RegexPatterns() {
    }

    /**
     * True when, after removing a leading {@code ^}, a trailing {@code $} and leading/trailing
     * {@code .*}, {@code .+} or {@code .?}, no regex metacharacter is left.
     */
    static boolean couldBeSimpler(String pattern) {
        String p = pattern;
        if (p.startsWith("^")) {
            p = p.substring(1);
        }
        if (p.endsWith("$") && !p.endsWith("\\$")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.length() >= 2 && p.charAt(0) == '.' && "*+?".indexOf(p.charAt(1)) >= 0) {
            p = p.substring(2);
        }
        if (p.length() >= 2 && p.charAt(p.length() - 2) == '.' && "*+?".indexOf(p.charAt(p.length() - 1)) >= 0) {
            p = p.substring(0, p.length() - 2);
        }
        for (int i = 0; i < p.length(); i++) {
            if (META.indexOf(p.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}

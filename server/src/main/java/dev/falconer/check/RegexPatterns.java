package dev.falconer.check;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regex constants of {@code regex}: libs' test for one a plain operator could replace (spec §1.9,
 * {@code filter.cpp} warnings), and the syntax errors RE2 rejects at load (libs 0.24+).
 */
final class RegexPatterns {
    /**
     * java.util.regex errors that RE2 also rejects (unbalanced brackets and parentheses, a
     * quantifier with nothing to repeat), with our message key. java.util.regex is only an
     * approximation of RE2: its other errors ({@code (?P<n>..)}, a literal {@code {}) are RE2-valid,
     * so they are not reported, and patterns only RE2 rejects ({@code a++}) pass.
     */
    private static final Map<String, String> SHARED_ERRORS = Map.of(
            "Unclosed character class", "regex.unclosedClass",
            "Unclosed group", "regex.unclosedGroup",
            "Unmatched closing ')'", "regex.unmatchedParen",
            "Dangling meta character", "regex.nothingToRepeat");
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

    /** The message key of a syntax error both java.util.regex and RE2 find in {@code pattern}, if any. */
    static Optional<String> invalid(String pattern) {
        try {
            Pattern.compile(pattern);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            String why = e.getDescription();
            return SHARED_ERRORS.entrySet().stream().filter(x -> why.startsWith(x.getKey()))
                    .map(Map.Entry::getValue).findFirst();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // no verdict from the approximation
        }
    }
}

package dev.falconer.condition;

/**
 * How Falco joins an appended condition to the one it extends (macro or rule with
 * {@code append: true} or {@code override: {condition: append}}): plain concatenation with a
 * single space. Parse the joined text, not the fragment: a fragment such as {@code and not x}
 * is not a condition on its own.
 */
public final class ConditionJoiner {
    private ConditionJoiner() {
    }

    public static String join(String base, String fragment) {
        return base + " " + fragment;
    }

    /** Where the fragment starts inside {@link #join}'s result: add it to map spans back. */
    public static int fragmentOffset(String base) {
        return base.length() + 1;
    }

    /** True when the text, after blanks, starts with {@code and} or {@code or} followed by a blank or '('. */
    public static boolean isAppendFragment(String condition) {
        int p = 0;
        int n = condition.length();
        while (p < n && Lexicon.isBlank(condition.charAt(p))) {
            p++;
        }
        for (String keyword : new String[] {"and", "or"}) {
            int e = p + keyword.length();
            if (condition.startsWith(keyword, p) && e < n
                    && (Lexicon.isBlank(condition.charAt(e)) || condition.charAt(e) == '(')) {
                return true;
            }
        }
        return false;
    }
}

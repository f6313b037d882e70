package dev.falconer.condition;

/**
 * The character classes and token shapes of libs' condition lexer, as hand-written matchers.
 * Each {@code match*} method returns the end offset of the longest match starting at
 * {@code p}, or {@code -1} when nothing matches (the libs regexes are anchored, POSIX
 * leftmost-longest). Classes are ASCII: non-ASCII characters are neither letters nor spaces.
 * The identifier, field-name, field-argument and bare-value matchers are public: the checks test
 * names and values against the same token shapes.
 */
public final class Lexicon {
    private Lexicon() {
    }

    /** What libs' {@code lex_blank} skips: space, tab, backspace, CR, LF (not VT or FF). */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
    }

    /** POSIX {@code [:space:]}: space, tab, LF, VT, FF, CR (not backspace). */
    static boolean isPosixSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * A quoted string opened at {@code p} (by {@code "} or {@code '}): the offset after its closing
     * quote, as Falco's parser finds it, or -1 when {@code p} opens none or it never closes.
     */
    public static int matchQuoted(String s, int p) {
        return p < s.length() && QuotedString.isQuote(s.charAt(p)) ? QuotedString.scan(s, p) : -1;
    }

    /** {@code [a-zA-Z]+[a-zA-Z0-9_]*} */
    public static int matchIdentifier(String s, int p) {
        int n = s.length();
        if (p >= n || !isLetter(s.charAt(p))) {
            return -1;
        }
        int e = p + 1;
        while (e < n && isWordChar(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /** An identifier followed by one or more {@code .identifier} segments. */
    public static int matchFieldName(String s, int p) {
        int e = matchIdentifier(s, p);
        if (e < 0) {
            return -1;
        }
        int n = s.length();
        boolean dotted = false;
        while (e + 1 < n && s.charAt(e) == '.' && isLetter(s.charAt(e + 1))) {
            e = matchIdentifier(s, e + 1);
            dotted = true;
        }
        return dotted ? e : -1;
    }

    /**
     * A field name being typed: an identifier, then dots and word characters, ending in a shape
     * that {@link #matchFieldName} refuses ({@code proc.}, {@code a.1b}). Used only for recovery.
     */
    static int matchPartialFieldName(String s, int p) {
        int e = matchIdentifier(s, p);
        int n = s.length();
        if (e < 0 || e >= n || s.charAt(e) != '.') {
            return -1;
        }
        while (e < n && (isWordChar(s.charAt(e)) || s.charAt(e) == '.')) {
            e++;
        }
        return e;
    }

    /** {@code [^][\"'[:space:]]+} */
    public static int matchFieldArgBare(String s, int p) {
        int n = s.length();
        int e = p;
        while (e < n) {
            char c = s.charAt(e);
            if (c == '[' || c == ']' || c == '"' || c == '\'' || isPosixSpace(c)) {
                break;
            }
            e++;
        }
        return e > p ? e : -1;
    }

    /** {@code [^()\"'[:space:]=,]+} */
    public static int matchBare(String s, int p) {
        int n = s.length();
        int e = p;
        while (e < n) {
            char c = s.charAt(e);
            if (c == '(' || c == ')' || c == '"' || c == '\'' || c == '=' || c == ',' || isPosixSpace(c)) {
                break;
            }
            e++;
        }
        return e > p ? e : -1;
    }

    /** {@code 0[xX][0-9a-fA-F]+} */
    static int matchHex(String s, int p) {
        int n = s.length();
        if (p + 2 >= n || s.charAt(p) != '0' || (s.charAt(p + 1) != 'x' && s.charAt(p + 1) != 'X')
                || !isHexDigit(s.charAt(p + 2))) {
            return -1;
        }
        int e = p + 3;
        while (e < n && isHexDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /** {@code [+\-]?[0-9]+[\.]?[0-9]*([eE][+\-][0-9]+)?}: the exponent needs its sign. */
    static int matchNumber(String s, int p) {
        int n = s.length();
        int e = p;
        if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
            e++;
        }
        int digits = e;
        while (e < n && isDigit(s.charAt(e))) {
            e++;
        }
        if (e == digits) {
            return -1;
        }
        if (e < n && s.charAt(e) == '.') {
            e++;
        }
        while (e < n && isDigit(s.charAt(e))) {
            e++;
        }
        if (e + 2 < n && (s.charAt(e) == 'e' || s.charAt(e) == 'E')
                && (s.charAt(e + 1) == '+' || s.charAt(e + 1) == '-') && isDigit(s.charAt(e + 2))) {
            e += 3;
            while (e < n && isDigit(s.charAt(e))) {
                e++;
            }
        }
        return e;
    }

    /** {@code not[[:space:]]+} */
    static int matchNotPrefix(String s, int p) {
        int n = s.length();
        if (!s.startsWith("not", p) || p + 3 >= n || !isPosixSpace(s.charAt(p + 3))) {
            return -1;
        }
        int e = p + 4;
        while (e < n && isPosixSpace(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /** True when {@code word} starts at {@code p} and is not followed by a letter or digit. */
    static boolean isKeywordAt(String s, int p, String word) {
        if (!s.startsWith(word, p)) {
            return false;
        }
        int e = p + word.length();
        return e >= s.length() || !isAlnum(s.charAt(e));
    }
}

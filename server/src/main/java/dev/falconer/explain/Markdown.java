package dev.falconer.explain;

/** CommonMark details the renderers must get right. */
final class Markdown {

    private Markdown() {
    }

    /**
     * A code span showing {@code text} exactly: a fence longer than any backtick run inside, and
     * padding where CommonMark would otherwise strip the value's own leading and trailing blank.
     */
    static String code(String text) {
        String t = text.replace('\n', ' ').replace('\r', ' ');
        if (t.isEmpty()) {
            return "`\"\"`";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = t.startsWith("`") || t.endsWith("`")
                || (t.startsWith(" ") && t.endsWith(" ") && !t.isBlank());
        return pad ? fence + " " + t + " " + fence : fence + t + fence;
    }

    /** Text as a blockquote, one {@code >} per line, under the given indentation; shown as written (see {@link #literal}). */
    static String quote(String text, String indent) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            sb.append(indent).append(line.isBlank() ? ">" : "> " + literal(line.strip())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Plain text (a rule's name, a description) shown as written: the characters CommonMark would
     * read as emphasis, links, code, HTML, headings or tables are escaped, so a name such as
     * {@code <img onerror=…>} or a description line starting with {@code #} stays text.
     */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        // at a line's start, what begins a list, a rule line, a setext heading or a fence (QA round 22)
        if (BLOCK_START.matcher(text).lookingAt()) {
            sb.append('\\');
        }
        java.util.regex.Matcher ordered = ORDERED.matcher(text);
        int marker = ordered.lookingAt() ? ordered.end() - 1 : -1; // "1. " or "1) ": its '.' or ')'
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == marker || "\\`*_[]<>#|&!~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A line start CommonMark reads as an ordered list item: {@code 1. }, {@code 1) }. */
    private static final java.util.regex.Pattern ORDERED = java.util.regex.Pattern.compile("\\d{1,9}[.)](?=[ \\t]|$)");
    /** A line start CommonMark reads as a block: {@code - }, {@code + }, {@code ---}, {@code ===} ({@code ~~~}: '~' is escaped). */
    private static final java.util.regex.Pattern BLOCK_START = java.util.regex.Pattern.compile("[-+=](?:[ \\t]|[-=]*$)");
}

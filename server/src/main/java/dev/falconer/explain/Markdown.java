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

    /** Text as a blockquote, one {@code >} per line, under the given indentation. */
    static String quote(String text, String indent) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            sb.append(indent).append(line.isBlank() ? ">" : "> " + line.strip()).append('\n');
        }
        return sb.toString();
    }
}

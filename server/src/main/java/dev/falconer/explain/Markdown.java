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

    private static final java.util.regex.Pattern CODE_SPAN = java.util.regex.Pattern.compile("(`+)(?s:.*?)\\1");

    /** Cuts markdown to at most {@code max} characters without breaking a code span, ending in {@code ellipsis}. */
    static String cut(String text, int max, String ellipsis) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ellipsis.length();
        var spans = CODE_SPAN.matcher(text);
        while (spans.find() && spans.start() < end) {
            if (spans.end() > end) {
                end = spans.start();
                break;
            }
        }
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2 && !insideSpan(text, space)) {
            end = space;
        }
        String head = text.substring(0, end).stripTrailing();
        while (!head.isEmpty() && ",;:、。（(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ellipsis;
    }

    private static boolean insideSpan(String text, int offset) {
        var spans = CODE_SPAN.matcher(text);
        while (spans.find()) {
            if (offset > spans.start() && offset < spans.end()) {
                return true;
            }
        }
        return false;
    }
}

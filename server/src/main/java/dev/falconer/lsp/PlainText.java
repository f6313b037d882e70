package dev.falconer.lsp;

import java.util.regex.Pattern;

/**
 * Our markdown as plain text, for a client that takes no markdown (LSP 3.17: hover
 * {@code contentFormat}, completion {@code documentationFormat} without {@code markdown}): its
 * bold, code spans, links and quote marks would show as they are written (QA round 20).
 */
final class PlainText {
    /** Escaped brackets and backticks (a name shown as written) are text, not a link or a code span. */
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[([^\\]\\n]*?)(?<!\\\\)\\]\\([^)\\s]*\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");
    /** A code span opens and closes with the same run of backticks; a blank inside each end is padding. */
    private static final Pattern CODE = Pattern.compile("(?<!\\\\)(`+) ?([^\\n]+?) ?(?<!\\\\)\\1");
    private static final Pattern QUOTE = Pattern.compile("(?m)^> ?");
    /** A backslash before ASCII punctuation is markdown's escape (a rule's name, a description). */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");

    private PlainText() {
    }

    static String of(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = BOLD.matcher(text).replaceAll("$1");
        text = CODE.matcher(text).replaceAll("$2");
        text = QUOTE.matcher(text).replaceAll("");
        return ESCAPE.matcher(text).replaceAll("$1");
    }
}

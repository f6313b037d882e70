package dev.falconer.explain;

/**
 * The one-line summary of an explanation, for a code lens: plain text, at most {@code maxChars}
 * characters, ending in … when cut.
 */
public final class SummaryRenderer {

    /** The length a code lens shows comfortably. */
    public static final int DEFAULT_MAX_CHARS = 120;

    private SummaryRenderer() {
    }

    public static String render(Explanation explanation, int maxChars) {
        String whole = render(explanation, false);
        if (whole.length() <= maxChars) {
            return whole;
        }
        // too long: long values lose their middle first, so that the words after them stay
        Phrasebook book = Phrasebook.of(explanation.locale());
        return cut(render(explanation, true), maxChars, book);
    }

    private static String render(Explanation explanation, boolean shortValues) {
        PhraseRenderer phrases = new PhraseRenderer(Phrasebook.of(explanation.locale()), PhraseRenderer.Style.PLAIN,
                shortValues);
        String text = phrases.capitalize(new InlineRenderer(phrases).render(explanation.condition()));
        long exceptions = explanation.exceptions().stream().filter(e -> e.when() != null).count();
        if (exceptions > 0) {
            text = phrases.book().format("summary.exceptions", text, Long.toString(exceptions));
        }
        if (!explanation.enabled()) {
            text = phrases.book().format("summary.disabled", text); // first: a cut summary still says it
        }
        return phrases.book().orthography(text);
    }

    /** Cuts at a word boundary when the language has spaces between words, else at a character. */
    static String cut(String text, int maxChars, Phrasebook book) {
        String ellipsis = book.format("summary.ellipsis");
        if (text.length() <= maxChars || maxChars <= ellipsis.length()) {
            return text;
        }
        int end = maxChars - ellipsis.length();
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > maxChars / 2) {
            end = space;
        }
        String head = text.substring(0, end).stripTrailing();
        while (!head.isEmpty() && ",;:、。（(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ellipsis;
    }
}

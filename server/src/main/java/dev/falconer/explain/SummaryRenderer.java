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
        PhraseRenderer phrases = new PhraseRenderer(Phrasebook.of(explanation.locale()), PhraseRenderer.Style.PLAIN);
        String text = phrases.capitalize(new InlineRenderer(phrases).render(explanation.condition()));
        long exceptions = explanation.exceptions().stream().filter(e -> e.when() != null).count();
        if (exceptions > 0) {
            text = phrases.book().format("summary.exceptions", text, Long.toString(exceptions));
        }
        if (!explanation.enabled()) {
            text = phrases.book().format("summary.disabled", text); // first: a cut summary still says it
        }
        return cut(phrases.book().orthography(text), maxChars, phrases.book());
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

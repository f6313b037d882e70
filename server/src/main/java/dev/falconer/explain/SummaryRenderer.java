package dev.falconer.explain;

import java.util.List;

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
        // too long: long values lose their middle first, then fewer values show, so that the words
        // after them stay (QA rounds 18, 19)
        Clause c = explanation.condition();
        for (PhraseRenderer.Density density : PhraseRenderer.Density.values()) {
            String text = render(explanation, c, false, density, 0);
            if (text.length() <= maxChars) {
                return text;
            }
        }
        // in a language whose predicate comes last (Japanese) whole clauses go then, counted: a clause
        // cut in its middle lost its negation (QA rounds 18, 19); in English its start says what it asks
        Phrasebook book = Phrasebook.of(explanation.locale());
        boolean wholeClauses = "true".equals(book.raw("summary.wholeClauses").orElse("false"));
        List<Clause> children = !wholeClauses ? List.of()
                : c instanceof Clause.AllOf a ? a.children() : c instanceof Clause.AnyOf o ? o.children() : List.of();
        for (int k = children.size() - 1; k >= 1; k--) {
            Clause head = k == 1 ? children.get(0)
                    : c instanceof Clause.AllOf a ? new Clause.AllOf(children.subList(0, k), a.span())
                    : new Clause.AnyOf(children.subList(0, k), ((Clause.AnyOf) c).span());
            for (PhraseRenderer.Density density : PhraseRenderer.Density.values()) {
                String text = render(explanation, head, c instanceof Clause.AnyOf, density, children.size() - k);
                if (text.length() <= maxChars) {
                    return text;
                }
            }
        }
        // cut: in English a clause's start says what it asks, with its values as they are
        return cut(render(explanation, c, false, PhraseRenderer.Density.SHORT_VALUES, 0), maxChars, book);
    }

    /** {@code more}: how many clauses of the condition ({@code anyOf}: alternatives) {@code condition} leaves out. */
    private static String render(Explanation explanation, Clause condition, boolean anyOf,
                                 PhraseRenderer.Density density, int more) {
        PhraseRenderer phrases = new PhraseRenderer(Phrasebook.of(explanation.locale()), PhraseRenderer.Style.PLAIN,
                density);
        String text = phrases.capitalize(new InlineRenderer(phrases).render(condition));
        if (more > 0) {
            text = phrases.book().format((anyOf ? "summary.more.any" : "summary.more.all") + (more == 1 ? ".1" : ""),
                    text, Integer.toString(more));
        }
        long exceptions = explanation.exceptions().stream().filter(e -> e.when() != null).count();
        if (exceptions > 0) {
            text = phrases.book().format("summary.exceptions", text, Long.toString(exceptions));
        }
        if (explanation.neverFires()) {
            text = phrases.book().format("summary.neverFires", text);
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

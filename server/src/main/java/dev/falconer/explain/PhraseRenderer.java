package dev.falconer.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * Words a {@link Phrase} with a phrasebook, as plain text (code lens) or markdown. Picks the
 * template variant: {@code <key>[.md][.list|.many|.1|.2][.cont]}, most specific first, where
 * {@code .md} is the markdown wording, {@code .list} is used when every value is a list
 * reference, {@code .many} when the values were cut short, {@code .1}/{@code .2} for exactly one/two values,
 * and {@code .cont} is the continuative form a clause takes when another one follows it in an
 * "and" chain (Japanese: 連用形).
 */
final class PhraseRenderer {

    enum Style { PLAIN, MARKDOWN }

    enum Form { FINAL, CONT }

    private final Phrasebook book;
    private final Style style;
    private final int maxInline;
    private final int shownWhenCut;

    /**
     * How much of the values a plain rendering shows, for a summary that would otherwise be cut:
     * every value whole; long values without their middle; fewer of them, shorter still.
     */
    enum Density {
        WHOLE(5, 3, Integer.MAX_VALUE),
        SHORT_VALUES(5, 3, 40),
        COMPACT(3, 2, 24);

        final int maxInline;
        final int shownWhenCut;
        final int maxValue;

        Density(int maxInline, int shownWhenCut, int maxValue) {
            this.maxInline = maxInline;
            this.shownWhenCut = shownWhenCut;
            this.maxValue = maxValue;
        }
    }

    /** Values longer than this lose their middle (a summary that would be cut). */
    private final int maxValue;

    PhraseRenderer(Phrasebook book, Style style) {
        this(book, style, Density.WHOLE);
    }

    PhraseRenderer(Phrasebook book, Style style, Density density) {
        this.book = book;
        this.style = style;
        boolean plain = style == Style.PLAIN;
        // the full explanation names what a rule excludes: a reader checks their own tool against it
        this.maxInline = plain ? density.maxInline : 60;
        this.shownWhenCut = plain ? density.shownWhenCut : 60;
        this.maxValue = plain ? density.maxValue : Integer.MAX_VALUE;
    }

    Phrasebook book() {
        return book;
    }

    Style style() {
        return style;
    }

    String render(Phrase phrase, Form form) {
        List<Object> slots = new ArrayList<>();
        String variant = "";
        for (PhraseArg arg : phrase.args()) {
            if (arg instanceof PhraseArg.Values v) {
                ValueSlots s = values(v);
                if (variant.isEmpty()) {
                    variant = s.variant;
                }
                slots.addAll(List.of(s.plain, s.or, s.and, s.count, s.head, s.last));
            } else if (arg instanceof PhraseArg.Sub sub) {
                slots.add(render(sub.phrase(), form)); // a wrapped clause keeps the form asked of the whole
            } else if (arg instanceof PhraseArg.Quoted q) {
                slots.add(render(q.phrase(), Form.FINAL));
            } else {
                slots.add(arg(arg));
            }
        }
        boolean plural = !phrase.args().isEmpty() && plural(phrase.args().get(0));
        String key = key(phrase.key(), variant, plural, form);
        if (key == null) {
            return phrase.fallback() != null ? render(phrase.fallback(), form) : book.format(phrase.key());
        }
        return book.format(key, slots.toArray());
    }

    /**
     * The most specific template the phrasebook has for this phrase, or {@code null}. Suffixes
     * come in the order {@code .md .<variant> .pl .cont}; when not all exist, grammar wins
     * (the continuative form, then plural agreement) over the value-count variant and markdown.
     */
    private String key(String base, String variant, boolean plural, Form form) {
        String[] suffixes = {style == Style.MARKDOWN ? ".md" : "", variant, plural ? ".pl" : "",
                form == Form.CONT ? ".cont" : ""};
        for (int mask = 15; mask >= 0; mask--) {
            // bit 3: .cont, bit 2: .pl, bit 1: variant, bit 0: .md
            int m = mask;
            String[] parts = {(m & 1) != 0 ? suffixes[0] : "", (m & 2) != 0 ? suffixes[1] : "",
                    (m & 4) != 0 ? suffixes[2] : "", (m & 8) != 0 ? suffixes[3] : ""};
            if (!suffixesPresent(parts, suffixes)) {
                continue;
            }
            String key = base + String.join("", parts);
            if (book.has(key)) {
                return key;
            }
        }
        return null;
    }

    /** A combination is worth trying only if every suffix it asks for applies to this phrase. */
    private static boolean suffixesPresent(String[] parts, String[] suffixes) {
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && suffixes[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a subject takes a plural verb ("the process arguments mention"), by the phrasebook's
     * own grammar: the head word, before any prepositional tail, matches {@code grammar.plural}.
     * Languages without verb agreement leave the key out.
     */
    private boolean plural(PhraseArg subject) {
        var pattern = book.pattern("grammar.plural");
        if (pattern.isEmpty()) {
            return false;
        }
        String text = subject instanceof PhraseArg.Field f ? f.phrase()
                : subject instanceof PhraseArg.Sub s ? new PhraseRenderer(book, Style.PLAIN).render(namesAsWords(s.phrase()), Form.FINAL)
                : null;
        if (text == null) {
            return false;
        }
        String head = book.pattern("grammar.plural.tail").map(t -> t.split(text, 2)[0]).orElse(text).strip();
        return pattern.get().matcher(head).find();
    }

    /**
     * The phrase with every name written as code read as one singular word: "the event argument
     * `flags`" is one argument, whatever the name ends with.
     */
    private static Phrase namesAsWords(Phrase p) {
        List<PhraseArg> args = new ArrayList<>(p.args().size());
        for (PhraseArg a : p.args()) {
            args.add(a instanceof PhraseArg.Code ? new PhraseArg.Text("name") : a);
        }
        return new Phrase(p.key(), args, p.fallback());
    }

    /** A noun-like argument as text. */
    String arg(PhraseArg arg) {
        if (arg instanceof PhraseArg.Text t) {
            return t.text();
        }
        if (arg instanceof PhraseArg.Code c) {
            return code(c.text());
        }
        if (arg instanceof PhraseArg.Field f) {
            if (f.phrase() == null) {
                return book.format("field.unnamed", code(f.name()));
            }
            if (style != Style.MARKDOWN) {
                return f.phrase();
            }
            String close = book.raw("field.md.close").orElse(null);
            if (close != null && !close.isEmpty() && f.phrase().endsWith(close)) {
                return book.format("field.md.inner", f.phrase().substring(0, f.phrase().length() - close.length()),
                        code(f.name()));
            }
            return book.format("field.md", f.phrase(), code(f.name()));
        }
        if (arg instanceof PhraseArg.Sub s) {
            return render(s.phrase(), Form.FINAL);
        }
        if (arg instanceof PhraseArg.Quoted q) {
            return render(q.phrase(), Form.FINAL);
        }
        if (arg instanceof PhraseArg.All all) {
            return join(all.parts().stream().map(this::arg).toList(), "list.and");
        }
        return values((PhraseArg.Values) arg).plain;
    }

    /**
     * A value, name or field as code. Control characters are shown as escapes (a line break in a
     * one-line summary split it; markdown showed it as a blank).
     */
    String code(String text) {
        if (text.isEmpty()) {
            return book.format("value.empty"); // "" reads as two quote characters (QA round 22)
        }
        String shown = visibleControls(text);
        if (style == Style.MARKDOWN) {
            return Markdown.code(shown);
        }
        // a value spelled like the condition's own words reads as one: "is not" (QA round 18); one
        // without a letter or digit ("/", "-") runs into the punctuation around it: "such as /, /proc…"
        boolean readsAsSyntax = shown.equals("not") || shown.equals("and") || shown.equals("or")
                || shown.codePoints().noneMatch(Character::isLetterOrDigit);
        // a Japanese value runs into the Japanese words around it: "プロセス名が日本語プロセスである"
        boolean cjk = shown.chars().anyMatch(c -> c >= 0x3040 && c <= 0x9fff);
        if (cjk && shown.strip().equals(shown)) {
            return book.format("code.plain.quoted.cjk", shown);
        }
        return shown.isEmpty() || readsAsSyntax || !shown.strip().equals(shown) ? book.format("code.plain.quoted", shown) : shown;
    }

    /**
     * A value (never a name or a field's argument) as code; in a summary that would otherwise be
     * cut, one longer than the density's longest value loses its middle: the words after it carry the
     * meaning (in Japanese a summary cut after a long value lost its negation), and its two ends
     * tell values apart (QA rounds 18, 19: ...CloudFunctionsService.CreateFunction / DeleteFunction).
     */
    String valueText(String text) {
        if (text.length() <= maxValue) {
            return code(text);
        }
        int head = maxValue / 2 - 1;
        int tail = maxValue - head - 1;
        int headEnd = Character.isHighSurrogate(text.charAt(head - 1)) ? head - 1 : head;
        int tailStart = Character.isLowSurrogate(text.charAt(text.length() - tail)) ? text.length() - tail + 1
                : text.length() - tail;
        return code(text.substring(0, headEnd) + book.format("summary.ellipsis") + text.substring(tailStart));
    }

    private static String visibleControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    default -> String.format("\\x%02x", (int) c);
                });
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    String itemText(ValueItem item) {
        return item instanceof ValueItem.Literal l ? valueText(l.text()) : code(((ValueItem.ListRef) item).name());
    }

    private record ValueSlots(String plain, String or, String and, String count, String head, String last,
                              String variant) {
    }

    private ValueSlots values(PhraseArg.Values v) {
        List<String> items = v.items().stream().map(this::itemText).toList();
        int n = items.size();
        String count = Integer.toString(n);
        boolean allLists = n > 0 && v.items().stream().allMatch(i -> i instanceof ValueItem.ListRef);
        if (n > maxInline) {
            String many = allLists ? book.format("list.many.lists", count, String.join(book.format("list.sep"),
                    items.subList(0, shownWhenCut)))
                    : v.items().stream().anyMatch(i -> i instanceof ValueItem.ListRef) ? mixed(v)
                    : book.format("list.many", count, String.join(book.format("list.sep"),
                    items.subList(0, shownWhenCut)));
            return new ValueSlots(many, many, many, count, many, "", allLists ? ".list" : ".many");
        }
        if (n == 0) {
            // "in ()": Falco accepts it and matches nothing; a blank where the values go reads as a cut
            String none = book.format("list.empty");
            return new ValueSlots(none, none, none, count, "", none, "");
        }
        if (!allLists && v.items().stream().anyMatch(i -> i instanceof ValueItem.ListRef)) {
            // list names beside values are not values: "tcsh or an item of shells" (QA round 18)
            List<String> literals = new ArrayList<>();
            List<String> lists = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (v.items().get(i) instanceof ValueItem.ListRef ? lists : literals).add(items.get(i));
            }
            String sep = book.format("list.sep");
            String mixed = book.format("list.mixed", String.join(sep, literals), String.join(sep, lists));
            return new ValueSlots(mixed, mixed, mixed, count, mixed, "", "");
        }
        String head = String.join(book.format("list.sep"), items.subList(0, Math.max(0, n - 1)));
        String last = n == 0 ? "" : items.get(n - 1);
        String variant = allLists ? ".list" : n == 1 ? ".1" : n == 2 ? ".2" : "";
        return new ValueSlots(String.join(book.format("list.sep"), items), join(items, "list.or"),
                join(items, "list.and"), count, head, last, variant);
    }

    /**
     * A long set of values and list names: list names are not values, so the count is of the
     * distinct values in all, with the lists and the values named apart. The full explanation
     * names every list.
     */
    private String mixed(PhraseArg.Values v) {
        List<String> lists = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (ValueItem item : v.items()) {
            if (item instanceof ValueItem.ListRef ref) {
                lists.add(itemText(item));
                distinct.addAll(ref.items());
            } else {
                literals.add(itemText(item));
                distinct.add(((ValueItem.Literal) item).text());
            }
        }
        int total = distinct.size();
        int half = Math.max(1, shownWhenCut / 2);
        int shownLists = style == Style.PLAIN ? half : lists.size();
        int shownLiterals = style == Style.PLAIN ? half : shownWhenCut;
        String sep = book.format("list.sep");
        String ellipsis = book.format("summary.ellipsis");
        String listText = String.join(sep, lists.subList(0, Math.min(shownLists, lists.size())))
                + (lists.size() > shownLists ? ellipsis : "");
        boolean cut = literals.size() > shownLiterals;
        String literalText = String.join(sep, literals.subList(0, Math.min(shownLiterals, literals.size())))
                + (cut ? ellipsis : "");
        return book.format(cut ? "list.many.mixed" : "list.many.mixed.whole", total, listText, literalText, lists.size());
    }

    /** Joins items with the locale's separator and its word before the last one. */
    String join(List<String> items, String pattern) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String head = String.join(book.format("list.sep"), items.subList(0, items.size() - 1));
        return book.format(pattern, head, items.get(items.size() - 1));
    }

    /** Sentence case where the language has it (a phrasebook setting, not a language test). */
    String capitalize(String text) {
        if (!"true".equals(book.raw("sentence.capitalize").orElse("false")) || text.isEmpty()) {
            return text;
        }
        // "(a new process …) or …": the sentence starts at the first letter inside the parenthesis
        int at = text.charAt(0) == '(' && text.length() > 1 ? 1 : 0;
        char c = text.charAt(at);
        return Character.isLowerCase(c) ? text.substring(0, at) + Character.toUpperCase(c) + text.substring(at + 1) : text;
    }
}

package dev.falconer.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Falco's textual list substitution ({@code resolve_list}, spec §1.1, §1.12): a defined list
 * name delimited by the text's start or end, a blank, {@code (}, {@code )}, {@code ,} or
 * {@code =} is replaced, blanks around it included, by its items joined with {@code ", "},
 * wherever it stands, quoted strings included. Reproduced step by step, quirks and all.
 */
public final class ListSubstitution {
    private static final String BLANKS = " \t\n\r";
    private static final String DELIMS = BLANKS + "(),=";

    private ListSubstitution() {
    }

    /** True for the characters that may stand around a list name Falco substitutes. */
    public static boolean isDelimiter(char c) {
        return DELIMS.indexOf(c) >= 0;
    }

    static boolean hasDelimiter(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (isDelimiter(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An item as Falco writes it into a condition: wrapped in {@code "} when it has a space and no leading quote. */
    public static String quoteItem(String item) {
        if (item.indexOf(' ') >= 0 && !item.isEmpty() && item.charAt(0) != '"' && item.charAt(0) != '\'') {
            return '"' + item + '"';
        }
        return item;
    }

    /**
     * The content of the quoted string an item or exception value becomes in a condition: inside
     * its own quotes, or the whole of it when {@link #quoteItem} quotes it; {@code null} when it
     * stays a bare word.
     */
    public static String quotedContent(String item) {
        if (item.length() >= 2 && (item.charAt(0) == '"' || item.charAt(0) == '\'')
                && item.charAt(item.length() - 1) == item.charAt(0)) {
            return item.substring(1, item.length() - 1);
        }
        return quoteItem(item).equals(item) ? null : item;
    }

    /** True when Falco would substitute a list named {@code name} somewhere in {@code text}. */
    public static boolean occursIn(String text, String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
            if (delimited(text, start, start + name.length())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code [start, end)} of {@code s} stands between delimiters (or the text's ends). */
    private static boolean delimited(String s, int start, int end) {
        return (start == 0 || DELIMS.indexOf(s.charAt(start - 1)) >= 0)
                && (end >= s.length() || DELIMS.indexOf(s.charAt(end)) >= 0);
    }

    /** Result of substituting one list: the new text and whether the name was found at least once. */
    public record Result(SourcedText text, boolean used) {
    }

    /**
     * Substitutes one list into {@code condition}; {@code items} are the list's compiled (already
     * quoted) items. Falco rewrites the whole text at each occurrence and searches on after the
     * items it wrote; this reads the condition once, keeping what is written so far apart from
     * the rest, with the same result: rewriting at each occurrence made a condition that names
     * a list a thousand times cost seconds.
     */
    public static Result resolve(SourcedText condition, String name, List<SourcedText> items) {
        if (name.isEmpty()) {
            return new Result(condition, false);
        }
        int start = condition.text().indexOf(name);
        if (start < 0) {
            return new Result(condition, false); // most lists, in most conditions
        }
        Joined substitute = Joined.of(items);
        Rewrite t = new Rewrite(condition);
        boolean used = false;
        while (start >= 0) {
            int end = start + name.length();
            if (t.delimited(start, end)) {
                start = rewrite(t, start, end, substitute) + substitute.length() + 1;
                used = true;
            }
            start = t.indexOf(name, start + 1);
        }
        return new Result(used ? t.result() : condition, used);
    }

    /** The result of substituting several lists: the new text and the names found in it. */
    public record Several(SourcedText text, Set<String> used) {
    }

    /**
     * Substitutes several lists in one reading of {@code condition}, with the text that
     * substituting them one after another gives, as long as nothing one of them writes is
     * another's business: no name holds a delimiter, no list is empty (the rewrite of an empty
     * list also takes a comma), and no items are the name of a list (the caller checks these).
     * Every delimited word is then the whole name of at most one list, and the rewrite of one
     * name touches only the blanks around it, which the rewrite of a neighbour takes back just as
     * it would in its own pass. A condition naming thousands of lists took one pass per list.
     */
    public static Several resolveAll(SourcedText condition, Map<String, List<SourcedText>> lists) {
        String s = condition.text();
        Rewrite t = new Rewrite(condition);
        Map<String, Joined> joined = new HashMap<>();
        Set<String> used = new HashSet<>();
        // after a rewrite at the very start, Falco searches on one character past what it wrote:
        // the same name right there stays
        String skipped = null;
        int skippedAt = -1;
        int i = 0;
        while (i < s.length()) {
            if (isDelimiter(s.charAt(i))) {
                i++;
                continue;
            }
            int word = i;
            while (i < s.length() && !isDelimiter(s.charAt(i))) {
                i++;
            }
            String name = s.substring(word, i);
            List<SourcedText> items = lists.get(name);
            if (items == null || word == skippedAt && name.equals(skipped)) {
                continue;
            }
            int at = t.position(word);
            int start = rewrite(t, at, at + name.length(), joined.computeIfAbsent(name, n -> Joined.of(items)));
            used.add(name);
            skipped = start == 0 ? name : null;
            skippedAt = t.rest;
            i = t.rest;
        }
        return new Several(used.isEmpty() ? condition : t.result(), used);
    }

    /** A list's items as Falco writes them in place of its name: joined with {@code ", "}. */
    private record Joined(List<SourcedText> parts, int length) {
        /** Lists this long are joined into one text, kept for the next substitution of the same items. */
        static final int KEPT_FROM = 1000;
        /**
         * Joined lists kept (by their compiled items' identity): the long ones being typed around.
         * Each holds a copy of its items' text and their places (about 12 MB for 100,000 items).
         */
        private static final int KEPT = 2;
        private static final Map<List<SourcedText>, Joined> KEPT_JOINS = new java.util.IdentityHashMap<>();

        static Joined of(List<SourcedText> items) {
            if (items.size() < KEPT_FROM) {
                return separate(items);
            }
            synchronized (KEPT_JOINS) {
                Joined j = KEPT_JOINS.get(items);
                if (j != null) {
                    return j;
                }
            }
            // one text: a substitution then writes one part, not 200,000 (a threat feed at each keystroke)
            Joined separate = separate(items);
            Joined j = new Joined(List.of(SourcedText.concat(separate.parts())), separate.length());
            synchronized (KEPT_JOINS) {
                if (KEPT_JOINS.size() >= KEPT) {
                    KEPT_JOINS.clear();
                }
                KEPT_JOINS.put(items, j);
            }
            return j;
        }

        private static Joined separate(List<SourcedText> items) {
            List<SourcedText> parts = new ArrayList<>();
            int length = 0;
            for (SourcedText item : items) {
                if (!parts.isEmpty()) {
                    parts.add(SourcedText.synthetic(", "));
                    length += 2;
                }
                parts.add(item);
                length += item.length();
            }
            return new Joined(parts, length);
        }
    }

    /**
     * Falco's rewrite of the delimited name at {@code [start, end)}: the blanks around it go, and
     * for an empty list a comma beside it; the items come in with a blank each side. Returns
     * where the rewritten span starts.
     */
    private static int rewrite(Rewrite t, int start, int end, Joined substitute) {
        while (start > 0 && BLANKS.indexOf(t.charAt(start - 1)) >= 0) {
            start--;
        }
        while (end < t.length() && BLANKS.indexOf(t.charAt(end)) >= 0) {
            end++;
        }
        if (substitute.length() == 0) {
            if (start > 0 && t.charAt(start - 1) == ',') {
                start--;
            } else if (end < t.length() && t.charAt(end) == ',') {
                end++;
            }
        }
        t.replace(start, end, substitute.parts());
        return start;
    }

    /**
     * A text being rewritten from left to right: what is written so far (whose end a later
     * occurrence may still take back, over the blanks before it) and the rest of the original.
     */
    private static final class Rewrite {
        private final SourcedText original;
        private final List<SourcedText> written = new ArrayList<>();
        /**
         * The length of what is written. Its characters are read from the parts, from the end:
         * only the few just written are ever looked at (the blanks before a name), and copying
         * every part (a threat feed's 2 MB of items) into one buffer was a quarter of what
         * substituting it allocated.
         */
        private int writtenLength;
        /** Where the rest of the original starts. */
        private int rest;

        Rewrite(SourcedText original) {
            this.original = original;
        }

        int length() {
            return writtenLength + original.length() - rest;
        }

        /** Where index {@code i} of the original (not yet reached) stands in the text being written. */
        int position(int i) {
            return i - rest + writtenLength;
        }

        char charAt(int i) {
            if (i >= writtenLength) {
                return original.text().charAt(rest + i - writtenLength);
            }
            int end = writtenLength;
            for (int k = written.size() - 1; ; k--) {
                SourcedText part = written.get(k);
                int start = end - part.length();
                if (i >= start) {
                    return part.text().charAt(i - start);
                }
                end = start;
            }
        }

        /** The next {@code name} from {@code from} on; only ever searched past what is written. */
        int indexOf(String name, int from) {
            int w = writtenLength;
            int at = original.text().indexOf(name, rest + Math.max(0, from - w));
            return at < 0 ? -1 : at - rest + w;
        }

        boolean delimited(int start, int end) {
            return (start == 0 || DELIMS.indexOf(charAt(start - 1)) >= 0)
                    && (end >= length() || DELIMS.indexOf(charAt(end)) >= 0);
        }

        /** Falco's rewrite of {@code [start, end)} (end past what is written): the items with a blank each side. */
        void replace(int start, int end, List<SourcedText> items) {
            int w = writtenLength;
            if (start > w) {
                add(original.substring(rest, rest + start - w));
            } else {
                takeBackTo(start);
            }
            rest += end - w;
            if (start > 0) {
                add(SourcedText.synthetic(" "));
            }
            items.forEach(this::add);
            add(SourcedText.synthetic(" "));
        }

        private void add(SourcedText part) {
            written.add(part);
            writtenLength += part.length();
        }

        private void takeBackTo(int length) {
            while (writtenLength > length) {
                SourcedText last = written.remove(written.size() - 1);
                int lastStart = writtenLength - last.length();
                writtenLength = Math.max(lastStart, length);
                if (lastStart < length) {
                    written.add(last.substring(0, length - lastStart));
                }
            }
        }

        SourcedText result() {
            List<SourcedText> parts = new ArrayList<>(written);
            parts.add(original.substring(rest));
            return SourcedText.concat(parts);
        }
    }

    /** The defined lists named inside a quoted string, and the string once Falco substituted them. */
    public record InString(List<String> names, String substituted) {
    }

    /**
     * Falco's substitution inside one quoted string ({@code content}, without its quotes): a list
     * name set off on both sides by a blank, parenthesis, comma or {@code =} is replaced (spec
     * §1.1, 14); the quotes around the string are no delimiters, so a name at either end stays.
     * {@code itemsOf} gives a defined list's items as Falco writes them, {@code null} for a word
     * that names no list.
     */
    public static InString inQuotedString(String content, java.util.function.Function<String, List<String>> itemsOf) {
        // between its quotes, as in the condition: a name after a leading blank is not at the
        // text's start, so the substitution keeps a blank before the items
        String substituted = QUOTE + content + QUOTE;
        List<String> names = new ArrayList<>();
        for (int[] word : setOffWords(content)) {
            String name = content.substring(word[0], word[1]);
            List<String> items = names.contains(name) ? null : itemsOf.apply(name);
            if (items != null) {
                names.add(name);
                substituted = resolve(substituted, name, items);
            }
        }
        return new InString(List.copyOf(names), substituted.substring(1, substituted.length() - 1));
    }

    /** Stands for a string's quotes: no delimiter, no blank. */
    private static final String QUOTE = "\"";

    /**
     * The words of a quoted string's {@code content} that Falco would substitute if a list had
     * their name: set off on both sides by a blank, parenthesis, comma or {@code =} (the quotes
     * around the string are no delimiters), as {@code [start, end)} offsets into the content.
     */
    public static List<int[]> setOffWords(String content) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < content.length()) {
            while (i < content.length() && isDelimiter(content.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < content.length() && !isDelimiter(content.charAt(i))) {
                i++;
            }
            if (start > 0 && i < content.length()) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    /** Plain-string form of {@link #resolve}, handy for tests and quick checks. */
    public static String resolve(String condition, String name, List<String> items) {
        List<SourcedText> sourced = items.stream().map(SourcedText::synthetic).toList();
        return resolve(SourcedText.synthetic(condition), name, sourced).text().text();
    }
}

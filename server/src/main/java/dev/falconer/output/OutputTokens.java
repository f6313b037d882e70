package dev.falconer.output;

import dev.falconer.catalog.FieldTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an output format string into its {@code %} tokens as libs 0.25's formatter does (spec
 * §3): every {@code %} starts a token (there is no escape), optional width digits follow, then
 * the longest prefix that is a known field (shrinking one character at a time, so
 * {@code %proc.nameand} is {@code proc.name} then text), or a transformer call with balanced
 * parentheses. A leading {@code *} (after trimming) is the "missing as {@code <NA>}" marker.
 *
 * <p>The one reading of output strings: the checks ask with the catalog's fields, editor
 * features (hover, highlighting, the engine version a file needs) with any well-formed field name.
 */
public final class OutputTokens {
    private static final Pattern FIELD = Pattern.compile(FieldSyntax.FIELD_NAME.pattern() + "(\\[[^\\]\\[]*\\])?");
    private static final Pattern WORD = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public enum Kind {
        /** A field the predicate accepts: {@code text} is the field with its argument. */
        FIELD,
        /** A transformer call: {@code text} is the whole call, e.g. {@code toupper(proc.name)}. */
        TRANSFORMER,
        /** Looks like a field, but no prefix is known: {@code text} is the longest candidate. */
        UNKNOWN_FIELD,
        /** Nothing a token can be: a lone or trailing {@code %}, width digits at the end, {@code %(}, {@code %%}. */
        MALFORMED
    }

    /** {@code [start, end)} is the token without its {@code %}; {@code percent} is where the {@code %} is. */
    public record Token(Kind kind, int percent, int start, int end, String text) {
        /** The words of a field or transformer token, offsets into the output (none for a malformed one). */
        public List<Word> words() {
            List<Word> out = new ArrayList<>();
            if (kind == Kind.FIELD || kind == Kind.UNKNOWN_FIELD) {
                field(text, 0, text.length(), start, out);
            } else if (kind == Kind.TRANSFORMER) {
                inside(text, start, out);
            }
            return out;
        }
    }

    /** What a word of a placeholder is. */
    public enum WordKind {
        /** A transformer's name: {@code toupper} in {@code toupper(user.name)}. */
        TRANSFORMER,
        /** A field's name, without its argument. */
        FIELD,
        /** A field's argument, without its brackets: {@code 2} in {@code proc.aname[2]}. */
        ARGUMENT
    }

    /** {@code [start, end)} in the output text. */
    public record Word(WordKind kind, int start, int end) {
    }

    private OutputTokens() {
    }

    /** The tokens, any well-formed field name counting as a field (no catalog at hand). */
    public static List<Token> tokenize(String output) {
        return tokenize(output, name -> true);
    }

    /**
     * Which names are fields for an editor's reading of outputs: any the catalog knows in some
     * source (a rule's own source is the checks' business), so {@code %proc.nameand} reads as
     * {@code proc.name} and text, as Falco reads it.
     */
    public static Predicate<String> knownTo(dev.falconer.catalog.FieldCatalog catalog) {
        return name -> !(catalog.resolveText(dev.falconer.catalog.SourceScope.SYSCALL, name)
                instanceof dev.falconer.catalog.Resolution.Unknown);
    }

    /** The tokens; {@code isField} says which field names (with their argument) exist. */
    public static List<Token> tokenize(String output, Predicate<String> isField) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = output.length();
        while (i < n && Character.isWhitespace(output.charAt(i))) {
            i++;
        }
        if (i < n && output.charAt(i) == '*') {
            i++;
        }
        while (i < n) {
            int pct = output.indexOf('%', i);
            if (pct < 0) {
                break;
            }
            int p = pct + 1;
            while (p < n && Character.isDigit(output.charAt(p))) {
                p++;
            }
            Token t = token(output, pct, p, isField);
            out.add(t);
            i = Math.max(t.end(), pct + 1);
        }
        return out;
    }

    private static Token token(String s, int pct, int p, Predicate<String> isField) {
        int n = s.length();
        Matcher word = WORD.matcher(s).region(p, n);
        if (word.lookingAt() && word.end() < n && s.charAt(word.end()) == '('
                && FieldTransformer.fromText(word.group()).isPresent()) {
            int close = closingParen(s, word.end());
            if (close < 0) {
                return new Token(Kind.MALFORMED, pct, p, n, s.substring(p));
            }
            int end = close + 1;
            if (end < n && s.charAt(end) == '[') {
                int rb = s.indexOf(']', end);
                if (rb > 0) {
                    end = rb + 1;
                }
            }
            return new Token(Kind.TRANSFORMER, pct, p, end, s.substring(p, end));
        }
        Matcher field = FIELD.matcher(s).region(p, n);
        if (!field.lookingAt()) {
            // the word that is no field, whole ('%ka.' half typed, not '%k'), or the one character
            int end = p;
            while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '.')) {
                end++;
            }
            end = end > p ? end : Math.min(n, p + 1);
            return new Token(Kind.MALFORMED, pct, pct, end, s.substring(pct, end));
        }
        String full = field.group();
        if (isField.test(full)) {
            return new Token(Kind.FIELD, pct, p, field.end(), full);
        }
        String name = full.indexOf('[') >= 0 ? full.substring(0, full.indexOf('[')) : full;
        for (int len = name.length(); len > 0; len--) {
            String prefix = name.substring(0, len);
            if (FieldSyntax.FIELD_NAME.matcher(prefix).matches() && isField.test(prefix)) {
                return new Token(Kind.FIELD, pct, p, p + len, prefix);
            }
        }
        return new Token(Kind.UNKNOWN_FIELD, pct, p, field.end(), full);
    }

    /** A field name at {@code from} in {@code s} and its {@code [arg]}; {@code base} turns indexes into output offsets. */
    private static int field(String s, int from, int to, int base, List<Word> out) {
        Matcher m = FieldSyntax.FIELD_NAME.matcher(s).region(from, to);
        if (!m.lookingAt()) {
            return from;
        }
        out.add(new Word(WordKind.FIELD, base + from, base + m.end()));
        int end = m.end();
        if (end < to && s.charAt(end) == '[') {
            int close = s.indexOf(']', end);
            if (close > end + 1 && close < to) {
                out.add(new Word(WordKind.ARGUMENT, base + end + 1, base + close));
                return close + 1;
            }
        }
        return end;
    }

    /** The words of a transformer call: names of the transformers, fields and their arguments. */
    private static void inside(String s, int base, List<Word> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            Matcher word = WORD.matcher(s).region(i, n);
            if (!Character.isLetter(s.charAt(i)) || (i > 0 && isNameChar(s.charAt(i - 1))) || !word.lookingAt()) {
                i++;
            } else if (word.end() < n && s.charAt(word.end()) == '(' && FieldTransformer.fromText(word.group()).isPresent()) {
                out.add(new Word(WordKind.TRANSFORMER, base + i, base + word.end()));
                i = word.end() + 1;
            } else {
                int end = field(s, i, n, base, out);
                i = end > i ? end : word.end();
            }
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted strings; -1 if none. */
    public static int closingParen(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote && s.charAt(i - 1) != '\\') {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}

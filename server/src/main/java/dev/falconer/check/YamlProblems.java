package dev.falconer.check;

import dev.falconer.text.TextSpan;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SnakeYAML's English problem texts turned into our message keys, so a YAML error reads in the
 * user's language; the tokens it names stay arguments. A text no pattern knows keeps SnakeYAML's
 * words as the detail of the generic message.
 */
final class YamlProblems {
    /** A message key and its arguments. */
    record Message(String key, List<String> args) {
    }

    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("while scanning a quoted scalar: found unexpected end of stream.*"),
                    "yaml.unclosedQuote"),
            new Known(Pattern.compile("expected <block end>,? but (?:got|found) '?<scalar>'?"), "yaml.notContinued"),
            new Known(Pattern.compile("expected (.+?),? but (?:got|found) (.+)"), "yaml.expected"),
            new Known(Pattern.compile("mapping values are not allowed here.*"), "yaml.mappingValues"),
            new Known(Pattern.compile("could not find expected (.+)"), "yaml.couldNotFind"),
            new Known(Pattern.compile("found undefined tag handle ?(.*)"), "yaml.undefinedTag"),
            // SnakeYAML names a tab `\t`, or a backslash and a tab once YamlCppEscapes taught it that escape
            new Known(Pattern.compile("found character '\\\\[t\t][^']*' that cannot start any token.*", Pattern.DOTALL),
                    "yaml.tab"),
            new Known(Pattern.compile("found character (.+?) that cannot start any token.*", Pattern.DOTALL),
                    "yaml.badCharacter"),
            new Known(Pattern.compile("found undefined alias (.+)"), "yaml.undefinedAlias"),
            new Known(Pattern.compile("found alias (\\S+) whose anchor is in an entry that fails to read"),
                    "yaml.anchorInBrokenEntry"),
            new Known(Pattern.compile("(?i)nesting depth exceeded.*"), "yaml.tooDeep"),
            new Known(Pattern.compile("aliases expand to more than (\\d+) values"), "yaml.aliasesTooLarge"),
            new Known(Pattern.compile("a word of more than (\\d+) characters without a blank"), "yaml.wordTooLong"),
            new Known(Pattern.compile("found duplicate key (.+)"), "yaml.duplicateKey"),
            // "\U00110000": SnakeYAML's words for a code point past Unicode
            new Known(Pattern.compile("found unknown escape character ([0-9a-fA-F]{8})"), "yaml.badCodePoint"),
            new Known(Pattern.compile("found unknown escape character (.+)"), "yaml.badEscape"),
            new Known(Pattern.compile("(.+) is not an escape sequence of a double-quoted string\\.?"), "yaml.badEscape"),
            // what was found, without the string's closing quote
            new Known(Pattern.compile("expected escape sequence of (\\d+) hexadecimal numbers, but found:? ?(.*?)\"?",
                    Pattern.DOTALL), "yaml.badHexEscape"),
            new Known(Pattern.compile("For input string: \"(.+)\"(?: under radix 16)?"), "yaml.badCodePoint"),
            // what yaml-cpp refuses and SnakeYAML reads (YamlCppEscapes)
            new Known(Pattern.compile("the escape (\\\\[uU][0-9a-fA-F]+) names a surrogate"), "yaml.badCodePoint"),
            new Known(Pattern.compile("found unexpected end of stream.*"), "yaml.unexpectedEnd"));

    private YamlProblems() {
    }

    static Message of(String problem) {
        String text = problem == null ? "" : problem.strip();
        Message m = match(text);
        // "while scanning a double-quoted scalar: found unknown escape character": the problem is the tail
        int colon = text.indexOf(": ");
        if (m == null && text.startsWith("while ") && colon > 0) {
            m = match(text.substring(colon + 2));
        }
        return m != null ? m : new Message("yaml.syntax", List.of(text));
    }

    /** SnakeYAML names the character after the backslash with its code, {@code q(113)}: shown as written, {@code \q}. */
    private static String escapeShown(String named) {
        Matcher m = NAMED_CHARACTER.matcher(named);
        return m.matches() ? "\\" + m.group(1) : named;
    }

    private static final Pattern NAMED_CHARACTER = Pattern.compile("(.)\\(\\d+\\)");

    /** The escapes of a double-quoted scalar that take one character after the backslash, as yaml-cpp reads them. */
    private static final String SIMPLE_ESCAPES = "0abt\tnvfre \"'/\\N_LP\n";

    /**
     * The first escape that a double-quoted scalar inside {@code within} cannot have (an unknown
     * letter after the backslash, or too few hexadecimal digits after {@code \\x}, {@code \\u},
     * {@code \\U}), or {@code null}: the place of the error, narrower than the whole string.
     */
    static TextSpan badEscape(String text, TextSpan within) {
        int end = Math.min(within.end(), text.length());
        int i = within.start();
        while (i < end && text.charAt(i) != '"') {
            i++; // the string's opening quote: a backslash before it is no escape (a comment, a plain value)
        }
        for (i++; i < end - 1; i++) {
            if (text.charAt(i) == '"') {
                return null; // the string ended: the escape SnakeYAML named is not in it
            }
            if (text.charAt(i) != '\\') {
                continue;
            }
            char c = text.charAt(i + 1);
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
            if (digits == 0) {
                if (SIMPLE_ESCAPES.indexOf(c) < 0 && c != '\r') {
                    return TextSpan.of(i, i + 2);
                }
                i++;
                continue;
            }
            int j = i + 2;
            while (j < text.length() && j < i + 2 + digits && Character.digit(text.charAt(j), 16) >= 0) {
                j++;
            }
            if (j < i + 2 + digits) {
                return TextSpan.of(i, Math.max(j, i + 2));
            }
            i = j - 1;
        }
        return null;
    }

    private static Message match(String text) {
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(text);
            if (m.matches()) {
                String[] args = new String[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1).strip();
                }
                if (k.key().equals("yaml.badEscape")) {
                    args[0] = escapeShown(args[0]);
                } else if (k.key().equals("yaml.badCodePoint") && !args[0].startsWith("\\")) {
                    args[0] = "\\U" + args[0]; // SnakeYAML names only the digits of a \U escape
                }
                return new Message(k.key(), List.of(args));
            }
        }
        return null;
    }
}

package dev.falconer.lsp;

/**
 * A completion snippet as the plain text it stands for, for a client without snippet support
 * ({@code snippetSupport} absent: Neovim's built-in completion, simple clients): tab stops
 * vanish, a placeholder leaves its default, a choice its first option, escapes their character.
 * Sent as a snippet, {@code startswith ${1|oneof,anyof,allof|}} was inserted as written. A
 * template of several lines keeps its first (see {@link #firstLine}).
 */
final class SnippetText {
    private SnippetText() {
    }

    static String plain(String snippet) {
        StringBuilder out = new StringBuilder(snippet.length());
        int i = 0;
        int n = snippet.length();
        while (i < n) {
            char c = snippet.charAt(i);
            if (c == '\\' && i + 1 < n && "$}\\,|".indexOf(snippet.charAt(i + 1)) >= 0) {
                out.append(snippet.charAt(i + 1));
                i += 2;
            } else if (c == '$' && i + 1 < n && Character.isDigit(snippet.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(snippet.charAt(i))) {
                    i++; // a tab stop: nothing to insert
                }
            } else if (c == '$' && i + 1 < n && snippet.charAt(i + 1) == '{') {
                i = placeholder(snippet, i + 2, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The first line of a template: a client without snippets is most often Vim's completion,
     * which writes a line break as a NUL byte (QA round 20: "- macro: ^@  condition: ^@"). The
     * keys after it are offered where they go.
     */
    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).replaceAll("[ \t]+$", " ");
    }

    /** Reads {@code 1}, {@code 1:default} or {@code 1|a,b|} up to its closing brace, writing what it inserts. */
    private static int placeholder(String s, int i, StringBuilder out) {
        int n = s.length();
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == ':') {
            StringBuilder inner = new StringBuilder();
            int depth = 0;
            i++;
            while (i < n && !(s.charAt(i) == '}' && depth == 0)) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < n) {
                    inner.append(c).append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '{' && i > 0 && s.charAt(i - 1) == '$') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                inner.append(c);
                i++;
            }
            out.append(plain(inner.toString())); // a default may hold placeholders of its own
        } else if (i < n && s.charAt(i) == '|') {
            i++;
            boolean first = true;
            while (i < n && !(s.charAt(i) == '|' && i + 1 < n && s.charAt(i + 1) == '}')) {
                char c = s.charAt(i);
                if (c == ',') {
                    first = false;
                } else if (first) {
                    if (c == '\\' && i + 1 < n) {
                        i++;
                        c = s.charAt(i);
                    }
                    out.append(c);
                }
                i++;
            }
            i++; // the '|' before the brace
        }
        while (i < n && s.charAt(i) != '}') {
            i++;
        }
        return Math.min(n, i + 1);
    }
}

package dev.falconer.cli;

import dev.falconer.check.Diagnostic;
import dev.falconer.text.LineIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code path:line:col: severity code: message} (1-based, as compilers print them), then the
 * source line and a caret under the culprit.
 */
final class TextReport {
    private TextReport() {
    }

    static void write(List<CheckedFile> files, Locale locale, PrintWriter out) {
        for (CheckedFile f : files) {
            LineIndex index = f.document().lineIndex();
            String text = f.document().text();
            for (Diagnostic d : f.diagnostics()) {
                int line = d.range().start().line();
                int col = d.range().start().character();
                out.println(f.path() + ":" + (line + 1) + ":" + (col + 1) + ": " + d.severity().id() + " "
                        + d.code().id() + ": " + d.message(locale));
                String source = text.substring(index.lineStart(line), index.lineEnd(line));
                int end = d.range().end().line() == line ? d.range().end().character() : source.length();
                Excerpt e = Excerpt.of(source, col, end);
                out.println(e.text());
                out.println(caret(e.text(), e.from(), e.to()));
                for (Diagnostic.Related r : d.related()) {
                    out.println(CheckedFile.pathOf(files, r.uri()) + ":" + (r.range().start().line() + 1) + ":"
                            + (r.range().start().character() + 1) + ": note: " + r.message(locale));
                }
            }
        }
    }

    /** The longest source line echoed whole: a condition written on one line can be 100 kB, printed again under each of its findings. */
    static final int WIDTH = 160;

    /** What is echoed of a source line, and the culprit's place in it. */
    record Excerpt(String text, int from, int to) {
        /**
         * {@code source} whole, or {@link #WIDTH} characters of it around the culprit
         * ({@code [from, to)}), an ellipsis marking each side cut off.
         */
        static Excerpt of(String source, int from, int to) {
            if (source.length() <= WIDTH) {
                return new Excerpt(source, from, to);
            }
            int cut = Math.max(0, Math.min(from - WIDTH / 4, source.length() - WIDTH));
            int stop = Math.min(source.length(), cut + WIDTH);
            if (cut > 0 && Character.isLowSurrogate(source.charAt(cut))) {
                cut--; // a pair stays whole
            }
            if (stop < source.length() && Character.isHighSurrogate(source.charAt(stop - 1))) {
                stop++;
            }
            String lead = cut > 0 ? "\u2026" : "";
            String text = lead + source.substring(cut, stop) + (stop < source.length() ? "\u2026" : "");
            int shift = lead.length() - cut;
            return new Excerpt(text, Math.max(0, from + shift), Math.max(0, Math.min(to, stop) + shift));
        }
    }

    /**
     * Blanks up to {@code from} (tabs kept so the caret lines up), then {@code ^} up to {@code to};
     * both in UTF-16 units of {@code source}, drawn in terminal columns: a CJK character or an
     * emoji takes two, a low surrogate none.
     */
    static String caret(String source, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < from && i < source.length(); i++) {
            char c = source.charAt(i);
            sb.append(c == '\t' ? "\t" : " ".repeat(columns(source, i)));
        }
        for (int i = source.length(); i < from; i++) {
            sb.append(' ');
        }
        int width = 0;
        for (int i = from; i < to && i < source.length(); i++) {
            width += columns(source, i);
        }
        sb.append("^".repeat(Math.max(1, width + Math.max(0, to - Math.max(from, source.length())))));
        return sb.toString();
    }

    /**
     * Terminal columns of the UTF-16 unit at {@code i}: 0 for the second half of a pair, a
     * combining mark or a zero-width character, 2 for a wide character.
     */
    private static int columns(String s, int i) {
        char c = s.charAt(i);
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
            return 0;
        }
        int cp = s.codePointAt(i);
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF) {
            return 0; // a combining accent or a zero-width character draws on its neighbour
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}

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
                out.println(source);
                out.println(caret(source, col, d.range().end().line() == line
                        ? d.range().end().character() : source.length()));
            }
        }
    }

    /** Blanks up to {@code from} (tabs kept so the caret lines up), then {@code ^} up to {@code to}. */
    static String caret(String source, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < from && i < source.length(); i++) {
            sb.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        for (int i = source.length(); i < from; i++) {
            sb.append(' ');
        }
        int width = Math.max(1, to - from);
        sb.append("^".repeat(width));
        return sb.toString();
    }
}

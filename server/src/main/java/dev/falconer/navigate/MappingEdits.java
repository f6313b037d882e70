package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlMapping;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.TextEdit;

/** Adding and removing {@code key: value} entries of an item's mapping without breaking the YAML around them. */
final class MappingEdits {
    private MappingEdits() {
    }

    /** Appends {@code key: value} after the mapping's last entry (block: a new line at the keys' indentation). */
    static TextEdit append(RulesDocument doc, YamlMapping m, String key, String value) {
        LineIndex index = doc.lineIndex();
        String text = doc.text();
        if (m.flow()) {
            int close = text.lastIndexOf('}', Math.max(0, m.span().end() - 1));
            int at = close >= m.span().start() ? close : m.span().end();
            String sep = m.entries().isEmpty() ? "" : ", ";
            return insert(index, at, sep + key + ": " + value);
        }
        YamlEntry last = m.entries().get(m.entries().size() - 1);
        String indent = indentOf(doc, m.entries().get(0));
        int end = last.span().end();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            return insert(index, end, indent + key + ": " + value + "\n");
        }
        int lineEnd = index.lineEnd(index.lineOf(end));
        return insert(index, lineEnd, lineBreak(text) + indent + key + ": " + value);
    }

    /**
     * Removes a block entry with its whole lines; {@code null} when the entry shares its first line
     * with something else (the item's {@code - } dash, or a flow mapping).
     */
    static TextEdit remove(RulesDocument doc, YamlMapping m, YamlEntry e) {
        if (m.flow()) {
            return null;
        }
        LineIndex index = doc.lineIndex();
        int line = index.lineOf(e.keySpan().start());
        int lineStart = index.lineStart(line);
        if (!doc.text().substring(lineStart, e.keySpan().start()).isBlank()) {
            return null;
        }
        int end = e.span().end();
        int endLine = index.lineOf(end);
        int to = index.lineStart(endLine) == end && endLine > line ? end
                : endLine + 1 < index.lineCount() ? index.lineStart(endLine + 1) : index.lineEnd(endLine);
        return new TextEdit(Ranges.range(index, new TextSpan(lineStart, to)), "");
    }

    /** The spaces before a block entry's key (the column every key of the mapping shares). */
    static String indentOf(RulesDocument doc, YamlEntry e) {
        LineIndex index = doc.lineIndex();
        int start = e.keySpan().start();
        int col = start - index.lineStart(index.lineOf(start));
        return " ".repeat(col);
    }

    private static TextEdit insert(LineIndex index, int at, String text) {
        return new TextEdit(Ranges.range(index, TextSpan.empty(at)), text);
    }

    /** The file's own line break: CRLF when it has any, else LF. */
    static String lineBreak(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }
}

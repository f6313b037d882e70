package dev.falconer.service;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block structure of a rules file read from its text lines, for completion while the YAML is
 * half-typed (and often unparsable): the item the cursor is in, the keys already there, the
 * parent key of an indented line.
 */
final class YamlLines {
    /** {@code indent}, optional {@code "- "}, a key, a colon: the key of a block mapping line. */
    private static final Pattern KEY_LINE = Pattern.compile("^([ ]*)(- +)?([A-Za-z_][A-Za-z0-9_-]*)[ ]*:(?:[ ]|$)");

    private final String text;
    private final int offset;
    private final int lineStart;

    YamlLines(String text, int offset) {
        this.text = text;
        this.offset = offset;
        this.lineStart = startOfLine(offset);
    }

    /** The current line up to the cursor. */
    String prefix() {
        return text.substring(lineStart, offset);
    }

    /** The current line from the cursor on. */
    String suffix() {
        int end = offset;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(Math.min(offset, end), end);
    }

    int lineStart() {
        return lineStart;
    }

    /** The item key ({@code rule}, {@code macro} …) of the top-level entry the cursor is in, or {@code null}. */
    String itemKind() {
        int start = itemStart();
        if (start < 0) {
            return null;
        }
        Matcher m = KEY_LINE.matcher(line(start));
        return m.find() ? m.group(3) : null;
    }

    /**
     * Keys already written in the mapping the cursor is in, whose keys start at {@code column}:
     * from the mapping's first line (an item line or a {@code "- "} entry) to its last.
     */
    Set<String> siblingKeys(int column) {
        Set<String> keys = new LinkedHashSet<>();
        forEachSibling(column, (at, m) -> {
            if (at != lineStart) {
                keys.add(m.group(3));
            }
            return false;
        });
        return keys;
    }

    /** A key line of the mapping the cursor is in: its start and its {@link #KEY_LINE} match; true stops. */
    private interface SiblingVisitor {
        boolean visit(int lineStart, Matcher keyLine);
    }

    /** The key lines at {@code column} of the mapping holding the cursor's line, in order, until {@code visit} says stop. */
    private void forEachSibling(int column, SiblingVisitor visit) {
        forEachSibling(column, lineStart, visit);
    }

    /** As {@link #forEachSibling(int, SiblingVisitor)}, for the mapping holding the line at {@code from}. */
    private void forEachSibling(int column, int from, SiblingVisitor visit) {
        int start = blockStart(column, from);
        for (int at = start; at >= 0; at = nextLine(at)) {
            String l = line(at);
            int col = keyColumn(l);
            if (at != start && (isItemLine(at) || (col >= 0 && col < column) || (col == column && isEntryLine(l)))) {
                return;
            }
            Matcher m = KEY_LINE.matcher(l);
            if (col == column && m.find() && visit.visit(at, m)) {
                return;
            }
        }
    }

    /**
     * The value written after {@code key:} in the mapping the cursor is in (its keys at
     * {@code column}: an exception's {@code fields} beside its {@code comps}), or {@code null}.
     */
    String siblingValue(String key, int column) {
        return siblingValue(key, column, lineStart);
    }

    /** As {@link #siblingValue(String, int)}, in the mapping holding the line at {@code from}. */
    String siblingValue(String key, int column, int from) {
        String[] found = new String[1];
        forEachSibling(column, from, (at, m) -> {
            if (key.equals(m.group(3))) {
                found[0] = withoutComment(line(at).substring(m.end()).strip());
                return true;
            }
            return false;
        });
        return found[0];
    }

    private static String withoutComment(String value) {
        int hash = value.indexOf(" #");
        return hash >= 0 ? value.substring(0, hash).strip() : value;
    }

    /** The value written after {@code key:} on a line of the current item (item-level keys only), or {@code null}. */
    String itemValue(String key) {
        int start = itemStart();
        if (start < 0) {
            return null;
        }
        for (int at = start; at >= 0; at = nextLine(at)) {
            if (at != start && isItemLine(at)) {
                break;
            }
            String l = line(at);
            Matcher m = KEY_LINE.matcher(l);
            if (keyColumn(l) == 2 && m.find() && key.equals(m.group(3))) {
                return withoutComment(l.substring(m.end()).strip());
            }
        }
        return null;
    }

    /** The key of the nearest line above whose key column is less than {@code column}; {@code null} at top level. */
    String parentKey(int column) {
        for (int at = previousLine(lineStart); at >= 0; at = previousLine(at)) {
            String l = line(at);
            int col = keyColumn(l);
            if (col >= 0 && col < column) {
                Matcher m = KEY_LINE.matcher(l);
                return m.find() ? m.group(3) : null;
            }
            if (at == 0) {
                break;
            }
        }
        return null;
    }

    /**
     * The key of the block sequence the cursor's {@code - } item (its dash at {@code dash}) is in,
     * and the key of that key's parent, e.g. {@code comps} and {@code exceptions}; with how many
     * items of the sequence come before the cursor's. {@code null} when the line above it at a
     * lower indentation is no key.
     */
    SequenceItem sequenceItem(int dash) {
        int index = 0;
        for (int at = previousLine(lineStart); at >= 0; at = previousLine(at)) {
            String l = line(at);
            int indent = 0;
            while (indent < l.length() && l.charAt(indent) == ' ') {
                indent++;
            }
            int col = keyColumn(l);
            if (col >= 0 && indent == dash && l.startsWith("- ", indent)) {
                index++;
            } else if (col >= 0 && col < dash) {
                Matcher m = KEY_LINE.matcher(l);
                if (!m.find()) {
                    return null;
                }
                String key = m.group(3);
                int keyLineStart = at;
                String parent = null;
                for (int up = previousLine(keyLineStart); up >= 0; up = previousLine(up)) {
                    int upCol = keyColumn(line(up));
                    if (upCol >= 0 && upCol < col) {
                        Matcher pm = KEY_LINE.matcher(line(up));
                        parent = pm.find() ? pm.group(3) : null;
                        break;
                    }
                    if (up == 0) {
                        break;
                    }
                }
                return new SequenceItem(key, parent, index, col, keyLineStart);
            }
            if (at == 0) {
                break;
            }
        }
        return null;
    }

    /** See {@link #sequenceItem}; {@code keyColumn}, {@code keyLine}: the column and the line start of {@code key}. */
    record SequenceItem(String key, String parent, int index, int keyColumn, int keyLine) {
    }

    /** Column where a line's key (or value) starts: after indentation and any {@code "- "}; -1 for blank/comment lines. */
    static int keyColumn(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        while (i < line.length() && line.charAt(i) == '-' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
            i += 2;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        if (i >= line.length() || line.charAt(i) == '#') {
            return -1;
        }
        return i;
    }

    private int itemStart() {
        for (int at = lineStart; at >= 0; at = previousLine(at)) {
            if (isItemLine(at)) {
                return at;
            }
            if (at == 0) {
                break;
            }
        }
        return -1;
    }

    /** First line of the mapping holding the cursor's line: walks up to its {@code "- "} entry or item line. */
    private int blockStart(int column, int from) {
        int start = from;
        if (isItemLine(start) || isEntryLine(line(start))) {
            return start;
        }
        for (int at = previousLine(from); at >= 0; at = previousLine(at)) {
            String l = line(at);
            int col = keyColumn(l);
            if (col >= 0 && col < column) {
                break;
            }
            start = at;
            if (isItemLine(at) || (col == column && isEntryLine(l))) {
                break;
            }
        }
        return start;
    }

    private static boolean isEntryLine(String line) {
        return line.stripLeading().startsWith("- ");
    }

    private boolean isItemLine(int at) {
        return at < text.length() && text.charAt(at) == '-' && (at + 1 >= text.length() || text.charAt(at + 1) == ' ');
    }

    private String line(int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(start, end);
    }

    private int startOfLine(int at) {
        int s = Math.min(at, text.length());
        while (s > 0 && text.charAt(s - 1) != '\n' && text.charAt(s - 1) != '\r') {
            s--;
        }
        return s;
    }

    private int previousLine(int start) {
        if (start <= 0) {
            return -1;
        }
        return startOfLine(start - 1);
    }

    private int nextLine(int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i >= text.length() ? -1 : i;
    }
}

package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a rules file into chunks that can be parsed on their own, by looking at the text only:
 * one chunk per top-level {@code - } entry of a document's root block sequence. A document whose
 * root is anything else (a flow sequence, a mapping, a scalar, content after {@code ---}) is kept
 * whole as one chunk, so odd layouts are still read correctly, just not incrementally.
 */
final class ChunkSplitter {

    /** A piece of the file parsed by itself; {@code document} is the 0-based YAML document. */
    record Chunk(TextSpan span, int document, boolean entry) {
    }

    private ChunkSplitter() {
    }

    static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        int n = text.length();
        int document = 0;
        int docStart = 0;
        boolean docHasContent = false;
        int rootIndent = -1;
        boolean odd = false;
        int entryStart = -1;
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = lineStart;
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int next = lineEnd;
            if (next < n) {
                next += text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n' ? 2 : 1;
            }
            Marker marker = marker(text, lineStart, lineEnd);
            if (marker != Marker.NONE) {
                if (docHasContent) {
                    flush(chunks, docStart, lineStart, document, odd, entryStart);
                    document++;
                }
                docHasContent = false;
                rootIndent = -1;
                odd = false;
                entryStart = -1;
                // an odd document chunk keeps its "---" so that it parses as written
                docStart = marker == Marker.START ? lineStart : next;
                if (marker == Marker.START && hasContentAfterMarker(text, lineStart + 3, lineEnd)) {
                    odd = true;
                    docHasContent = true;
                }
            } else if (isContentLine(text, lineStart, lineEnd) && !isDirective(text, lineStart, lineEnd, docHasContent)) {
                int contentStart = lineStart == 0 && n > 0 && text.charAt(0) == '\uFEFF' ? 1 : lineStart;
                int indent = indentOf(text, contentStart, lineEnd);
                boolean dash = isEntryDash(text, contentStart + indent, lineEnd);
                if (!docHasContent) {
                    docHasContent = true;
                    if (dash) {
                        rootIndent = indent;
                        entryStart = lineStart;
                    } else {
                        odd = true;
                    }
                } else if (!odd && dash && indent == rootIndent) {
                    chunks.add(new Chunk(new TextSpan(entryStart, lineStart), document, true));
                    entryStart = lineStart;
                }
            }
            if (next == lineStart || lineEnd >= n) {
                break;
            }
            lineStart = next;
        }
        if (docHasContent) {
            flush(chunks, docStart, n, document, odd, entryStart);
        }
        return chunks;
    }

    private static void flush(List<Chunk> chunks, int docStart, int end, int document, boolean odd,
                              int entryStart) {
        if (odd) {
            chunks.add(new Chunk(new TextSpan(docStart, end), document, false));
        } else if (entryStart >= 0) {
            chunks.add(new Chunk(new TextSpan(entryStart, end), document, true));
        }
    }

    private enum Marker { NONE, START, END }

    private static Marker marker(String t, int s, int e) {
        if (e - s < 3) {
            return Marker.NONE;
        }
        boolean start = t.startsWith("---", s);
        boolean end = t.startsWith("...", s);
        if (!start && !end) {
            return Marker.NONE;
        }
        if (e - s > 3 && t.charAt(s + 3) != ' ' && t.charAt(s + 3) != '\t') {
            return Marker.NONE;
        }
        return start ? Marker.START : Marker.END;
    }

    private static boolean hasContentAfterMarker(String t, int from, int e) {
        for (int i = from; i < e; i++) {
            char c = t.charAt(i);
            if (c == '#') {
                return false;
            }
            if (c != ' ' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** A {@code %YAML}/{@code %TAG} directive line, only meaningful before a document's content. */
    private static boolean isDirective(String t, int s, int e, boolean docHasContent) {
        return !docHasContent && s < e && t.charAt(s) == '%';
    }

    static boolean isContentLine(String t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if (c == '#') {
                return false;
            }
            if (c != ' ' && c != '\t' && c != '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    static boolean isCommentLine(String t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if (c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\uFEFF') {
                return false;
            }
        }
        return false;
    }

    private static int indentOf(String t, int s, int e) {
        int i = s;
        while (i < e && t.charAt(i) == ' ') {
            i++;
        }
        return i - s;
    }

    private static boolean isEntryDash(String t, int at, int e) {
        return at < e && t.charAt(at) == '-' && (at + 1 == e || t.charAt(at + 1) == ' ' || t.charAt(at + 1) == '\t');
    }
}

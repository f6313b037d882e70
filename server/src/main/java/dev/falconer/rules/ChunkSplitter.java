package dev.falconer.rules;

import dev.falconer.text.TextEdit;
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
        return scan(text, 0, 0, false, -1, -1, List.of(), null, 0).chunks();
    }

    /**
     * The chunks of a text made from the one {@code old} was split from by {@code edit}: the
     * chunks before the edit are kept, the scan restarts at the last entry whose first line is
     * untouched, and stops at the first entry line after the edit where the old scan had an
     * entry too (same document, same text from there on, so the same chunks, shifted).
     */
    static Resplit resplit(List<Chunk> old, String text, TextEdit edit) {
        int keep = -1;
        for (int i = old.size() - 1; i >= 0 && keep < 0; i--) {
            Chunk c = old.get(i);
            if (c.entry() && c.span().start() < edit.start() && firstLineEnd(text, c.span().start()) < edit.start()) {
                keep = i;
            }
        }
        if (keep < 0) {
            Scan s = scan(text, 0, 0, false, -1, -1, old, edit, 0);
            return new Resplit(s.chunks(), 0, s.syncedAt());
        }
        Chunk from = old.get(keep);
        int q = from.span().start();
        int lineEnd = firstLineEnd(text, q);
        int contentStart = q == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : q;
        Scan s = scan(text, nextLine(text, lineEnd), from.document(), true, indentOf(text, contentStart, lineEnd), q,
                old, edit, keep + 1);
        List<Chunk> chunks = new ArrayList<>(old.subList(0, keep));
        chunks.addAll(s.chunks());
        return new Resplit(chunks, keep, s.syncedAt());
    }

    /**
     * New chunks, with {@code keptBefore} old chunks at their head unchanged; the old chunks from
     * {@code oldShifted} on (when not {@code -1}) follow {@code chunks} after shifting by the edit.
     */
    record Resplit(List<Chunk> chunks, int keptBefore, int oldShifted) {
    }

    private record Scan(List<Chunk> chunks, int syncedAt) {
    }

    /**
     * Scans from {@code lineStart} in the given state. With {@code old} and {@code edit}, stops
     * where an entry starts after the edit at the place (shifted) of an old entry chunk of the
     * same document; {@code syncedAt} is then that old chunk's index, else -1.
     */
    private static Scan scan(String text, int lineStart, int document, boolean docHasContent, int rootIndent,
                             int entryStart, List<Chunk> old, TextEdit edit, int oldFrom) {
        List<Chunk> chunks = new ArrayList<>();
        int n = text.length();
        int docStart = lineStart;
        boolean odd = false;
        int nextOld = oldFrom;
        while (lineStart <= n) {
            int lf = text.indexOf('\n', lineStart);
            // a \r ends the line too; searched within the line only, as an edit's scan stops early
            int lineEnd = lineStart;
            int limit = lf < 0 ? n : lf;
            while (lineEnd < limit && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int next = nextLine(text, lineEnd);
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
                boolean entry = false;
                if (!docHasContent) {
                    docHasContent = true;
                    if (dash) {
                        rootIndent = indent;
                        entryStart = lineStart;
                        entry = true;
                    } else {
                        odd = true;
                    }
                } else if (!odd && dash && indent == rootIndent) {
                    chunks.add(new Chunk(new TextSpan(entryStart, lineStart), document, true));
                    entryStart = lineStart;
                    entry = true;
                }
                if (entry && edit != null && lineStart >= edit.newEnd() && lineStart > 0) {
                    int oldStart = lineStart - edit.delta();
                    while (nextOld < old.size() && old.get(nextOld).span().start() < oldStart) {
                        nextOld++;
                    }
                    if (nextOld < old.size() && old.get(nextOld).span().start() == oldStart
                            && old.get(nextOld).entry() && old.get(nextOld).document() == document) {
                        // the rest of the text, and the state it is read in, are as before
                        return new Scan(chunks, nextOld);
                    }
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
        return new Scan(chunks, -1);
    }

    private static int firstLineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String text, int lineEnd) {
        int n = text.length();
        int next = lineEnd;
        if (next < n) {
            next += text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n' ? 2 : 1;
        }
        return next;
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

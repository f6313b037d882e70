package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.ArrayDeque;
import java.util.Deque;

/** Finds the comment block written directly above an item. */
final class DocComments {
    private DocComments() {
    }

    static DocComment above(String text, int itemStart) {
        int lineStart = itemStart;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        Deque<String> lines = new ArrayDeque<>();
        int blockStart = -1;
        int blockEnd = -1;
        int end = lineStart;
        while (end > 0) {
            int prevEnd = end - 1;
            if (text.charAt(prevEnd) == '\n' && prevEnd > 0 && text.charAt(prevEnd - 1) == '\r') {
                prevEnd--;
            }
            int s = prevEnd;
            while (s > 0 && text.charAt(s - 1) != '\n' && text.charAt(s - 1) != '\r') {
                s--;
            }
            if (!ChunkSplitter.isCommentLine(text, s, prevEnd)) {
                break;
            }
            String line = text.substring(s, prevEnd).strip();
            line = line.substring(1);
            lines.addFirst(line.startsWith(" ") ? line.substring(1) : line);
            if (blockEnd < 0) {
                blockEnd = prevEnd;
            }
            blockStart = s + (text.substring(s, prevEnd).indexOf('#'));
            end = s;
        }
        if (lines.isEmpty()) {
            return null;
        }
        return new DocComment(String.join("\n", lines), new TextSpan(blockStart, blockEnd));
    }
}

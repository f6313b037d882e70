package dev.falconer.service;

import dev.falconer.rules.RulesDocument;
import dev.falconer.text.TextPosition;

/**
 * The rest of the word the cursor stands in: completing {@code proc.na|me} should be able to
 * replace {@code me} too, not leave {@code proc.nameme}. The same characters make a word here as
 * where completion finds the half-typed word before the cursor.
 */
public final class WordTail {
    private WordTail() {
    }

    /** Where the word continuing right after {@code at} ends; {@code null} when no word character follows the cursor. */
    public static TextPosition end(RulesDocument doc, TextPosition at) {
        if (doc == null) {
            return null;
        }
        String text = doc.text();
        int offset = doc.lineIndex().offset(at);
        if (offset < 0 || offset > text.length()) {
            return null;
        }
        int end = offset;
        while (end < text.length() && ConditionCompletion.isWordChar(text.charAt(end))) {
            end++;
        }
        return end == offset ? null : doc.lineIndex().position(end);
    }
}

package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/**
 * The block of comment lines directly above an item (no blank line in between): the item's own
 * documentation, shown by hover and explain. {@code text} has the {@code #} markers and one
 * following space removed, lines joined with {@code \n}.
 */
public record DocComment(String text, TextSpan span) {
}

package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/**
 * Where an item sits: its 0-based index among the file's items, the 0-based YAML document it
 * belongs to, its exact range (from the {@code -} to the end of its node), the text chunk it was
 * parsed from, and the comment block above it ({@code null} when there is none).
 */
public record ItemFrame(int index, int document, TextSpan span, TextSpan chunk, DocComment comment) {
}

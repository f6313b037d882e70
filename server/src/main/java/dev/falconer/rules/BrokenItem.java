package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/**
 * A chunk that SnakeYAML could not read. {@code problem} is the YAML library's own description
 * (an argument for a localized diagnostic, not a message of ours), {@code problemSpan} where it
 * was found, and {@code guessedKind}/{@code guessedName} what the first line seems to declare
 * (e.g. {@code rule} and its name) so outlines keep working while the item is being typed;
 * both {@code null} when the line does not say.
 */
public record BrokenItem(ItemFrame frame, String problem, TextSpan problemSpan, ItemKind guessedKind,
                         String guessedName) implements RulesItem {
    /** The problem of a chunk nested too deep for the parser's stack (no SnakeYAML text exists for it). */
    public static final String TOO_DEEP = "Nesting Depth exceeded";
}

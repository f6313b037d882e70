package dev.falconer.service;

import dev.falconer.text.TextRange;

/** A hover: markdown in the user's language, and exactly the range of the token it describes. */
public record HoverResult(String markdown, TextRange range) {
}

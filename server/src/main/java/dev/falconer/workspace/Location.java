package dev.falconer.workspace;

import dev.falconer.text.TextSpan;

/** A range in one file of the workspace. */
public record Location(String uri, TextSpan span) {
}

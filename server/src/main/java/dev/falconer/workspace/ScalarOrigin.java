package dev.falconer.workspace;

import dev.falconer.rules.YamlScalar;

/** A scalar of a file: where text assembled by the merge came from. */
public record ScalarOrigin(String uri, YamlScalar scalar) {
}

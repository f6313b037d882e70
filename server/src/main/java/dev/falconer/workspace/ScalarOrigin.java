package dev.falconer.workspace;

import dev.falconer.rules.YamlScalar;

/** A scalar of a file: where text assembled by the merge came from. */
public record ScalarOrigin(String uri, YamlScalar scalar) {
    // Written out: the generated record methods go through method handles, which C1 (the server's
    // only compiler) does not inline; origins and scalars are hash keys of the substitution memo.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ScalarOrigin s && java.util.Objects.equals(uri, s.uri)
                && java.util.Objects.equals(scalar, s.scalar);
    }

    /** The generated record's value. */
    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(uri) + java.util.Objects.hashCode(scalar);
    }
}

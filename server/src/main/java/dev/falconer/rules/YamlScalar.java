package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.Set;

/**
 * A scalar kept as text, as Falco reads every value: no YAML 1.1 typing. {@code span} covers the
 * scalar token itself (quotes and block header included, tag and anchor excluded); {@code raw} is
 * the document text of that span, from which {@link #sourceMap()} is computed on demand.
 * {@code tag} is the explicit tag as written (e.g. {@code "!="} for {@code desc: != x}), or
 * {@code null}.
 */
public record YamlScalar(String value, ScalarStyle style, String tag, TextSpan span, String raw) implements YamlValue {

    // Written out: the generated record methods go through method handles, which C1 (the server's
    // only compiler) does not inline; origins and scalars are hash keys of the substitution memo.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof YamlScalar s && style == s.style && java.util.Objects.equals(span, s.span)
                && java.util.Objects.equals(value, s.value) && java.util.Objects.equals(tag, s.tag)
                && java.util.Objects.equals(raw, s.raw);
    }

    /** The generated record's value. */
    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(value);
        h = 31 * h + java.util.Objects.hashCode(style);
        h = 31 * h + java.util.Objects.hashCode(tag);
        h = 31 * h + java.util.Objects.hashCode(span);
        return 31 * h + java.util.Objects.hashCode(raw);
    }

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    /** True for a plain untagged null ({@code key:}, {@code ~}, {@code null}), as yaml-cpp sees it. */
    public boolean isNull() {
        // by length first: asked for every name and value read, most of which are not nulls
        if (style != ScalarStyle.PLAIN || tag != null) {
            return false;
        }
        return switch (value.length()) {
            case 0 -> true;
            case 1 -> value.charAt(0) == '~';
            case 4 -> NULLS.contains(value);
            default -> false;
        };
    }

    /** The per-character map of {@link #value()} to document offsets. O(length) per call. */
    public SourceMap sourceMap() {
        return ScalarSourceMapper.map(this);
    }
}
